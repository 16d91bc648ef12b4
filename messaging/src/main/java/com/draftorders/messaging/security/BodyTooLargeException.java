package com.draftorders.messaging.security;

import java.io.IOException;

/** A request body went past {@code draftorders.security.max-body-size} while being read; answered with 413. */
public class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
