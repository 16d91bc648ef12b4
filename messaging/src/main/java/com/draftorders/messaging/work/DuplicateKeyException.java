package com.draftorders.messaging.work;

/**
 * A new aggregate that a unique index refuses for a reason other than its own address being taken (another
 * aggregate holds one of its other unique values): no retry can change it.
 */
public class DuplicateKeyException extends RuntimeException {

    public DuplicateKeyException(String message) {
        super(message);
    }
}
