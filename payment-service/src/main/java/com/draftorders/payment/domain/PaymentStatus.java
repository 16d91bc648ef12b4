package com.draftorders.payment.domain;

/**
 * Where a payment stands.
 *
 * <pre>
 *   (authorize) ──► AUTHORIZED ──capture──► CAPTURED ──refund──► PARTIALLY_REFUNDED ──refund──► REFUNDED
 *        │              │                      └──────────────refund (all)───────────────────────┘
 *        │              └──void──► VOIDED
 *        └──► AUTHORIZATION_FAILED
 * </pre>
 */
public enum PaymentStatus {
    /** The provider holds the amount; it can be captured or voided. */
    AUTHORIZED,
    /** The provider (or our own validation) refused the authorization. Terminal. */
    AUTHORIZATION_FAILED,
    /** The money was taken; it can be refunded. */
    CAPTURED,
    /** Part of the captured amount was given back. */
    PARTIALLY_REFUNDED,
    /** All of the captured amount was given back. Terminal. */
    REFUNDED,
    /** The authorization was released without a capture. Terminal. */
    VOIDED;

    /** Whether money was taken (whatever was refunded since). */
    public boolean isCaptured() {
        return this == CAPTURED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }
}
