package com.draftorders.draft.domain;

/**
 * Why a requested change was refused. Rejections are results, not exceptions: callers turn them into a 409/422 on
 * REST or a {@code DraftOrderRequestRejected} event on Kafka.
 */
public record Refusal(Code code, String reason) {

    public enum Code {
        NOT_READY,
        ALREADY_COMPLETING,
        ALREADY_COMPLETED,
        CANCELED,
        NOT_EDITABLE
    }
}
