package com.draftorders.order.persistence;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The last order sequence handed out for one store ({@code order_counters}, id = store id). */
@Document(OrderCounterDocument.COLLECTION)
public class OrderCounterDocument {

    public static final String COLLECTION = "order_counters";

    @Id
    private String id;

    private long seq;

    public String getId() {
        return id;
    }

    public long getSeq() {
        return seq;
    }
}
