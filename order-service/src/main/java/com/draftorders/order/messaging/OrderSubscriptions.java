package com.draftorders.order.messaging;

import com.draftorders.avro.order.CreateOrderFromCart;
import com.draftorders.avro.payment.PaymentCaptured;
import com.draftorders.avro.payment.PaymentRefunded;
import com.draftorders.avro.payment.PaymentVoided;
import com.draftorders.messaging.Subscription;
import com.draftorders.schemas.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What order-service consumes. Every other payment event (authorizations, failures, rejections) is skipped. */
@Configuration(proxyBeanMethods = false)
class OrderSubscriptions {

    @Bean
    Subscription orderCommands(OrderCommandHandler orders) {
        return Subscription.to(Topics.ORDER_COMMANDS).on(CreateOrderFromCart.class, orders::createFromCart);
    }

    @Bean
    Subscription paymentEvents(PaymentEventHandler payments) {
        return Subscription.to(Topics.PAYMENT_EVENTS)
                .on(PaymentCaptured.class, payments::captured)
                .on(PaymentVoided.class, payments::voided)
                .on(PaymentRefunded.class, payments::refunded);
    }
}
