package com.draftorders.messaging;

/** The bytes of a record cannot be read as its topic's envelope. Never retried: it goes to the dead-letter topic. */
public class UndecodableMessageException extends RuntimeException {

    public UndecodableMessageException(String message) {
        super(message);
    }

    public UndecodableMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
