package com.draftorders.order.domain;

/** Where the order's payment stands, driven by what payment-service reports. */
public enum PaymentStatus {
    PENDING,
    AUTHORIZED,
    CAPTURED,
    VOIDED,
    PARTIALLY_REFUNDED,
    REFUNDED;

    /** Money has been taken and not (fully) given back: the payment can still be refunded. */
    boolean isRefundable() {
        return this == CAPTURED || this == PARTIALLY_REFUNDED;
    }

    /** Nothing has been taken yet and the authorization still stands. */
    boolean isOpenAuthorization() {
        return this == PENDING || this == AUTHORIZED;
    }
}
