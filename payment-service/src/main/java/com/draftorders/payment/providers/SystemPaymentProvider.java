package com.draftorders.payment.providers;

import com.draftorders.payment.domain.PaymentProvider;

/**
 * The manual provider, {@code system} (Medusa's system provider): no outside processor is involved, so every
 * operation is approved. The merchant collects the money some other way (cash, bank transfer, payment terms) and the
 * payment records it. This is the default provider of a draft order completion.
 *
 * <p>References are derived from the payment id, so asking twice gives the same answer.
 */
public final class SystemPaymentProvider implements PaymentProvider {

    public static final String NAME = "system";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderResult authorize(AuthorizationRequest request) {
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
