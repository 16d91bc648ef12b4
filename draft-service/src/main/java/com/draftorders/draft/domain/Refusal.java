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
        NOT_EDITABLE,
        /** The caller's expected version (If-Match) is not the current one. */
        VERSION_MISMATCH,
        /** An invoice without a recipient for a draft without an email. */
        NO_RECIPIENT,
        /** The change would exceed a limit (e.g. the number of tags). */
        LIMIT_EXCEEDED
    }
}
