package com.draftorders.payment.web;

import com.draftorders.messaging.web.ApiException;
import com.draftorders.messaging.web.StoreId;
import com.draftorders.messaging.work.AggregateReads;
import com.draftorders.payment.persistence.Payments;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read access to payments for operators; payments change only through payment-commands. */
@RestController
@RequestMapping("/payments")
public class PaymentController {

    private final AggregateReads reads;
    private final Payments payments;

    public PaymentController(AggregateReads reads, Payments payments) {
        this.reads = reads;
        this.payments = payments;
    }

    /** The payment {@code id} of the caller's store; another store's payment is a 404. */
    @GetMapping("/{id}")
    public PaymentView get(@PathVariable String id, StoreId store) {
        return reads.byId(payments, id, store.value())
                .map(payment -> PaymentView.of(payment.state()))
                .orElseThrow(() -> ApiException.notFound("payment " + id));
    }
}
