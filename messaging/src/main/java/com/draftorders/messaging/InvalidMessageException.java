package com.draftorders.messaging;

/**
 * A record decoded fine but its content is invalid (a missing id, a negative amount). Never retried: it goes to the
 * dead-letter topic with this reason.
 */
public class InvalidMessageException extends RuntimeException {

    public InvalidMessageException(String message) {
        super(message);
    }
}
