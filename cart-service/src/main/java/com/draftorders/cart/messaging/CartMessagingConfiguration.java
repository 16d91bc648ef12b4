package com.draftorders.cart.messaging;

import com.draftorders.avro.cart.CreateCart;
import com.draftorders.avro.cart.LockCart;
import com.draftorders.avro.cart.ReplaceCartContent;
import com.draftorders.avro.cart.UnlockCart;
import com.draftorders.cart.domain.Cart;
import com.draftorders.cart.persistence.Carts;
import com.draftorders.messaging.IncomingMessage;
import com.draftorders.messaging.InvalidMessageException;
import com.draftorders.messaging.MessageFactory;
import com.draftorders.messaging.Subscription;
import com.draftorders.messaging.work.Address;
import com.draftorders.schemas.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What cart-service consumes (every command on {@code cart-commands}, each on the cart it names) and sends. */
@Configuration(proxyBeanMethods = false)
public class CartMessagingConfiguration {

    /** The carts, whose changes send {@code cart-events} mapped to Avro here. */
    @Bean
    Carts carts(MessageFactory messages) {
        return new Carts(messages, CartMessages::payload);
    }

    @Bean
    Subscription cartCommands(CartCommandHandler handler, Carts carts) {
        return Subscription.to(Topics.CART_COMMANDS)
                .on(CreateCart.class, m -> cart(carts, m.payload().getCartId(), m), handler::create)
                .on(ReplaceCartContent.class, m -> cart(carts, m.payload().getCartId(), m), handler::replace)
                .on(LockCart.class, m -> cart(carts, m.payload().getCartId(), m), handler::lock)
                .on(UnlockCart.class, m -> cart(carts, m.payload().getCartId(), m), handler::unlock);
    }

    /** The cart {@code cartId} of the message's store. */
    private static Address<Cart> cart(Carts carts, String cartId, IncomingMessage<?> message) {
        if (cartId == null || cartId.isBlank()) {
            throw new InvalidMessageException("cart_id must not be blank");
        }
        return Address.byId(carts, cartId, message.storeId());
    }
}
