package com.draftorders.order.messaging;

import com.draftorders.messaging.Subscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What order-service consumes: order-commands and the payment events that move an order's payment on. */
@Configuration(proxyBeanMethods = false)
class OrderSubscriptions {

    @Bean
    Subscription orderCommands(OrderCommandHandler orders) {
        return orders.subscription();
    }

    @Bean
    Subscription paymentEvents(PaymentEventHandler payments) {
        return payments.subscription();
    }
}
