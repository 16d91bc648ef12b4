package com.draftorders.messaging.web;

/**
 * The store a REST request acts for. Controllers take it as a parameter; every read and write is scoped to it, and
 * another store's resources answer 404.
 */
public record StoreId(String value) {

    public StoreId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("store id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
