package com.draftorders.messaging.work;

/**
 * Where a message or request finds its aggregate: the value of {@code _id}, or of another top-level field with a
 * unique index (a draft by its channel reference, an order by its draft or its payment), within {@code storeId}
 * (null: any store). An aggregate of another store is not found at an address that names a store.
 */
public record Address<A>(AggregateType<A> type, String field, String value, String storeId) {

    public static final String ID = "_id";

    public static <A> Address<A> byId(AggregateType<A> type, String id, String storeId) {
        return new Address<>(type, ID, id, storeId);
    }

    public static <A> Address<A> by(AggregateType<A> type, String field, String value, String storeId) {
        return new Address<>(type, field, value, storeId);
    }

    Key key() {
        return new Key(type.collection(), field, value);
    }

    /** An address without its store: two addresses of one key name one document. */
    record Key(String collection, String field, String value) {}
}
