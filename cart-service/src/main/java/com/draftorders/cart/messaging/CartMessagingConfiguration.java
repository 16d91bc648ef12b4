package com.draftorders.cart.messaging;

import com.draftorders.avro.cart.CreateCart;
import com.draftorders.avro.cart.LockCart;
import com.draftorders.avro.cart.ReplaceCartContent;
import com.draftorders.avro.cart.UnlockCart;
import com.draftorders.messaging.Subscription;
import com.draftorders.schemas.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What cart-service consumes: every command on {@code cart-commands}. */
@Configuration(proxyBeanMethods = false)
public class CartMessagingConfiguration {

    @Bean
    Subscription cartCommands(CartCommandHandler handler) {
        return Subscription.to(Topics.CART_COMMANDS)
                .on(CreateCart.class, handler::create)
                .on(ReplaceCartContent.class, handler::replace)
                .on(LockCart.class, handler::lock)
                .on(UnlockCart.class, handler::unlock);
    }
}
