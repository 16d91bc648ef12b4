package com.draftorders.messaging.web;

/**
 * The stores a service serves. When a service declares a bean of this type, a REST request whose token (or, without
 * security, whose {@code X-Store-Id}) names a store it does not know is refused with 403 {@code unknown_store}
 * before the controller runs; without such a bean every well-formed store id is accepted.
 */
@FunctionalInterface
public interface KnownStores {

    boolean isKnown(String storeId);
}
