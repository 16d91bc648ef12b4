package com.draftorders.payment.providers;

import com.draftorders.payment.domain.PaymentProvider;

/**
 * A provider for tests and demonstrations, {@code test}, that declines on a rule anyone can trigger on purpose.
 *
 * <p><b>The decline rule:</b> an authorization whose amount in minor units ends in {@code 13} — {@code amount % 100
 * == 13}, e.g. {@code 50.13} EUR (5013), {@code 0.13} EUR (13) or {@code 5013} JPY — is declined with code
 * {@value #CARD_DECLINED}. Every other authorization is approved, and captures, voids and refunds are always
 * approved. Nothing leaves the process. See {@code payment-service/PROVIDERS.md}.
 */
public final class TestPaymentProvider implements PaymentProvider {

    public static final String NAME = "test";

    /** The decline code of the decline rule. */
    public static final String CARD_DECLINED = "card_declined";

    /** Whether the decline rule declines an authorization of {@code amount} minor units. */
    public static boolean declines(long amount) {
        return amount % 100 == 13;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderResult authorize(AuthorizationRequest request) {
        if (declines(request.amount())) {
            return new ProviderResult.Declined(
                    CARD_DECLINED, "the test provider declines amounts whose minor units end in 13");
        }
        return new ProviderResult.Approved(NAME + ":" + request.paymentId());
    }

    @Override
    public ProviderResult capture(CaptureRequest request) {
        return new ProviderResult.Approved(NAME + ":" + request.paymentId() + ":capture");
    }

    @Override
    public ProviderResult voidAuthorization(VoidRequest request) {
        return new ProviderResult.Approved(NAME + ":" + request.paymentId() + ":void");
    }

    @Override
    public ProviderResult refund(RefundRequest request) {
        return new ProviderResult.Approved(NAME + ":" + request.paymentId() + ":refund:" + request.idempotencyKey());
    }
}
