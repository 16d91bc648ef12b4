package com.draftorders.payment.domain;

/**
 * The port to a payment processor (Medusa's payment provider, Shopify's gateway). The aggregate decides whether an
 * operation is allowed; the provider decides whether the processor accepts it. Implementations must be safe to call
 * twice with the same idempotency key (a retried command may reach the provider again before its result is saved).
 */
public interface PaymentProvider {

    /** The name commands select the provider by, e.g. {@code system}; stored on the payment as its gateway. */
    String name();

    ProviderResult authorize(AuthorizationRequest request);

    ProviderResult capture(CaptureRequest request);

    ProviderResult voidAuthorization(VoidRequest request);

    ProviderResult refund(RefundRequest request);

    /** The processor's answer: approved with its own reference, or declined with a code and a reason. */
    sealed interface ProviderResult {

        /** @param reference the processor's id of this operation (may be null when it has none) */
        record Approved(String reference) implements ProviderResult {}

        /**
         * @param code machine-readable, e.g. {@code card_declined}
         * @param reason for people
         */
        record Declined(String code, String reason) implements ProviderResult {}
    }

    /** Hold {@code amount} minor units of {@code currency} for payment {@code paymentId}. */
    record AuthorizationRequest(String paymentId, String idempotencyKey, long amount, String currency, String email) {}

    /** Take {@code amount} of the authorization known to the processor as {@code providerReference}. */
    record CaptureRequest(
            String paymentId, String providerReference, String idempotencyKey, long amount, String currency) {}

    /** Release the authorization known to the processor as {@code providerReference}. */
    record VoidRequest(String paymentId, String providerReference, String idempotencyKey) {}

    /** Give back {@code amount} of a captured payment. */
    record RefundRequest(
            String paymentId,
            String providerReference,
            String idempotencyKey,
            long amount,
            String currency,
            String reason) {}
}
