package com.draftorders.draft.domain;

/**
 * Why a request from an upstream channel is refused: a stable {@code code} for programs, the {@code field} at fault
 * when there is one, and a message for people. Nothing changes when a request is refused.
 */
public record RequestRejection(String code, String field, String message) {

    /** An input breaks a limit or is missing; {@code field} names it. */
    public static final String INVALID = "invalid";
    /** The request's store ({@code metadata.store_id}) is not one draft-service serves. */
    public static final String UNKNOWN_STORE = "unknown_store";
    /** The channel may not write for the request's store. */
    public static final String STORE_NOT_ALLOWED = "store_not_allowed";
    /** No draft of the request's store has that id or reference (whether another store has one is not told). */
    public static final String DRAFT_NOT_FOUND = "draft_not_found";

    static final String STORE_FIELD = "metadata.store_id";

    public static RequestRejection invalid(String field, String reason) {
        return new RequestRejection(INVALID, field, field + " " + reason);
    }

    public static RequestRejection invalid(DraftValidation.Violation violation) {
        return invalid(violation.field(), violation.reason());
    }

    public static RequestRejection unknownStore(String storeId) {
        String shown = storeId != null && storeId.length() > 64 ? storeId.substring(0, 64) + "..." : storeId;
        return new RequestRejection(UNKNOWN_STORE, STORE_FIELD, "store \"" + shown + "\" is not known");
    }

    public static RequestRejection storeNotAllowed(String channel, String storeId) {
        return new RequestRejection(
                STORE_NOT_ALLOWED,
                STORE_FIELD,
                "channel \"" + channel + "\" may not write for store \"" + storeId + "\"");
    }

    /** @param field {@code draft_order_id} or {@code external_reference}, whichever named the draft */
    public static RequestRejection draftNotFound(String field) {
        return new RequestRejection(DRAFT_NOT_FOUND, field, "draft order not found");
    }

    /** The draft refused the change, e.g. it is already completed: the code is the refusal's, in lower case. */
    public static RequestRejection refused(Refusal refusal) {
        return new RequestRejection(refusal.code().name().toLowerCase(java.util.Locale.ROOT), null, refusal.reason());
    }
}
