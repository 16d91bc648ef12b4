package com.draftorders.messaging.work;

/**
 * Other writers changed a document every time a unit of work tried to write it. Over REST this is a 409 the client
 * may retry; on Kafka the batch is delivered again.
 */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(String message) {
        super(message);
    }
}
