package com.draftorders.messaging.security;

import java.util.List;

/** The OAuth2 scopes a bearer token may carry (JWT claim {@code scope}, space separated). */
public final class Scopes {

    public static final String READ_DRAFT_ORDERS = "read_draft_orders";
    public static final String WRITE_DRAFT_ORDERS = "write_draft_orders";
    public static final String READ_ORDERS = "read_orders";
    public static final String WRITE_ORDERS = "write_orders";

    /** Every scope: what the development token carries. */
    public static final List<String> ALL = List.of(READ_DRAFT_ORDERS, WRITE_DRAFT_ORDERS, READ_ORDERS, WRITE_ORDERS);

    /** The claim naming the store a token acts for. */
    public static final String STORE_ID_CLAIM = "store_id";

    private Scopes() {}
}
