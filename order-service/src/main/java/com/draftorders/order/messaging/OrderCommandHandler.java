package com.draftorders.order.messaging;

import com.draftorders.avro.order.CreateOrderFromCart;
import com.draftorders.messaging.Ids;
import com.draftorders.messaging.IncomingMessage;
import com.draftorders.messaging.InvalidMessageException;
import com.draftorders.messaging.Subscription;
import com.draftorders.messaging.work.Address;
import com.draftorders.messaging.work.Target;
import com.draftorders.order.domain.Creation;
import com.draftorders.order.domain.Order;
import com.draftorders.order.domain.OrderNumbers;
import com.draftorders.order.persistence.Orders;
import com.draftorders.schemas.Topics;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Handles {@code order-commands}, each on the order of the draft it names. {@code CreateOrderFromCart} makes the
 * draft's one order, or answers {@code OrderCreationFailed} (key: the draft id) when the cart cannot become an order;
 * the answer is written once per command, a redelivery sends it no second time. A draft that already has its order,
 * in any store, gets no second one and no message, whether the command is a redelivery or a new one.
 */
@Component
public class OrderCommandHandler {

    private static final Logger log = LoggerFactory.getLogger(OrderCommandHandler.class);

    private final Orders orders;
    private final OrderNumbers numbers;
    private final OrderMessages messages;
    private final Clock clock;

    public OrderCommandHandler(Orders orders, OrderNumbers numbers, OrderMessages messages, Clock clock) {
        this.orders = orders;
        this.numbers = numbers;
        this.messages = messages;
        this.clock = clock;
    }

    /** order-commands, each on the order of its draft. */
    public Subscription subscription() {
        return Subscription.to(Topics.ORDER_COMMANDS).on(CreateOrderFromCart.class, this::draftsOrder, this::create);
    }

    private Address<Order> draftsOrder(IncomingMessage<CreateOrderFromCart> message) {
        String draftOrderId = message.payload().getDraftOrderId();
        if (draftOrderId == null || draftOrderId.isBlank()) {
            throw new InvalidMessageException("CreateOrderFromCart without a draft_order_id");
        }
        if (message.storeId() == null || message.storeId().isBlank()) {
            throw new InvalidMessageException("CreateOrderFromCart for " + draftOrderId + " without a store_id");
        }
        return Address.by(orders, Orders.DRAFT_ORDER_ID, draftOrderId, message.storeId());
    }

    void create(Target<Order> target, IncomingMessage<CreateOrderFromCart> message) {
        String draftOrderId = message.payload().getDraftOrderId();
        if (target.taken()) {
            log.debug("draft {} already has its order; {} changes nothing", draftOrderId, message.eventId());
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Creation creation = Order.createFromCart(
                Ids.next("order"), message.storeId(), AvroOrders.details(message.payload()), numbers, now);
        if (creation instanceof Creation.Created created) {
            Order order = target.create(created.order());
            log.info(
                    "order {} {} created for draft {} (store {})",
                    order.name(),
                    order.id(),
                    draftOrderId,
                    order.storeId());
        } else if (creation instanceof Creation.Refused refused) {
            log.info("no order for draft {}: {}", draftOrderId, refused.reason());
            target.send(messages.creationFailed(message.storeId(), draftOrderId, refused.reason(), target.cause()));
        }
    }
}
