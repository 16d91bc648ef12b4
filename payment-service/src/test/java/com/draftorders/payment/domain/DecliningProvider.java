package com.draftorders.payment.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A provider (the one seam tests replace) that approves authorizations and declines every capture, void and refund,
 * and records what it was asked.
 */
class DecliningProvider implements PaymentProvider {

    final List<Object> requests = new ArrayList<>();

    @Override
    public String name() {
        return "strict";
    }

    @Override
    public ProviderResult authorize(AuthorizationRequest request) {
        requests.add(request);
        return new ProviderResult.Approved("strict-auth-1");
    }

    @Override
    public ProviderResult capture(CaptureRequest request) {
        requests.add(request);
        return new ProviderResult.Declined("authorization_expired", "the authorization expired");
    }

    @Override
    public ProviderResult voidAuthorization(VoidRequest request) {
        requests.add(request);
        return new ProviderResult.Declined("processor_unavailable", "try again later");
    }

    @Override
    public ProviderResult refund(RefundRequest request) {
        requests.add(request);
        return new ProviderResult.Declined("insufficient_balance", "the merchant balance is too low");
    }
}
