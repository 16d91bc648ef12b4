package com.draftorders.draft.application;

import com.draftorders.draft.domain.CartCalculation;
import com.draftorders.draft.domain.DraftContent;

/** Asks cart-service to calculate a content without keeping anything (the port behind "calculate a draft"). */
public interface CartCalculations {

    /**
     * The totals {@code content} would have, as a calculation for draft version {@code draftVersion}.
     *
     * @param storeId the store the caller acts for
     * @param authorization the caller's {@code Authorization} header, forwarded as is (null when there was none)
     * @throws CartServiceException when cart-service cannot be reached or refuses the content
     */
    CartCalculation calculate(String storeId, String authorization, DraftContent content, long draftVersion);

    /** cart-service did not calculate: unreachable, failing, or refusing the content (with its HTTP status). */
    class CartServiceException extends RuntimeException {

        private final int status;

        public CartServiceException(int status, String message, Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        /** cart-service's HTTP status, or 0 when it could not be reached. */
        public int status() {
            return status;
        }
    }
}
