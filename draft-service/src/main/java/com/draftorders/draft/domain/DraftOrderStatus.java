package com.draftorders.draft.domain;

/** OPEN → (INVOICE_SENT) → COMPLETING → COMPLETED; OPEN/INVOICE_SENT → CANCELED. */
public enum DraftOrderStatus {
    OPEN,
    INVOICE_SENT,
    COMPLETING,
    COMPLETED,
    CANCELED;

    public boolean isEditable() {
        return this == OPEN || this == INVOICE_SENT;
    }
}
