package com.draftorders.order.messaging;

import com.draftorders.avro.common.CartSnapshot;
import com.draftorders.avro.common.PaymentTerms;
import com.draftorders.avro.order.CreateOrderFromCart;
import com.draftorders.order.domain.Cart;
import com.draftorders.order.domain.OrderFixtures;
import java.util.List;

/** Commands as draft-service sends them, built from the domain fixtures. */
public final class AvroFixtures {

    private AvroFixtures() {}

    public static CreateOrderFromCart createOrder(String draftOrderId, String paymentId) {
        return createOrder(draftOrderId, paymentId, OrderFixtures.cart());
    }

    public static CreateOrderFromCart createOrder(String draftOrderId, String paymentId, Cart cart) {
        CartSnapshot snapshot = AvroOrders.cartSnapshot(cart);
        snapshot.setDraftOrderId(draftOrderId);
        return CreateOrderFromCart.newBuilder()
                .setDraftOrderId(draftOrderId)
                .setDraftOrderName("#D1001")
                .setPaymentId(paymentId)
                .setCart(snapshot)
                .setEmail("ada@example.com")
                .setPhone("+44 20 0000 0000")
                .setCustomerId("cust_1")
                .setNote("leave at the door")
                .setTags(List.of("phone", "vip"))
                .setPaymentPending(false)
                .setPaymentTerms(null)
                .setSourceName("phone")
                .build();
    }

    public static CreateOrderFromCart pendingUnderNetDays(String draftOrderId, String paymentId, int days) {
        CreateOrderFromCart command = createOrder(draftOrderId, paymentId);
        command.setPaymentPending(true);
        command.setPaymentTerms(PaymentTerms.newBuilder().setNetDays(days).build());
        return command;
    }
}
