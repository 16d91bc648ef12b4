package com.draftorders.payment.web;

import com.draftorders.messaging.web.ApiException;
import com.draftorders.messaging.web.StoreId;
import com.draftorders.payment.persistence.PaymentStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read access to payments for operators; payments change only through payment-commands. */
@RestController
@RequestMapping("/payments")
public class PaymentController {

    private final PaymentStore store;

    public PaymentController(PaymentStore store) {
        this.store = store;
    }

    /** The payment {@code id} of the caller's store; another store's payment is a 404. */
    @GetMapping("/{id}")
    public PaymentView get(@PathVariable String id, StoreId store) {
        return this.store
                .find(id, store.value())
                .map(document -> PaymentView.of(document.getPayment()))
                .orElseThrow(() -> ApiException.notFound("payment " + id));
    }
}
