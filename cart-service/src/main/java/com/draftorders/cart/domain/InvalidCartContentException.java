package com.draftorders.cart.domain;

/** The content of a cart cannot be calculated: a negative price, a zero quantity, amounts too large to add up. */
public class InvalidCartContentException extends RuntimeException {

    public InvalidCartContentException(String message) {
        super(message);
    }
}
