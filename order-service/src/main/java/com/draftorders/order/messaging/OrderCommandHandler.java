package com.draftorders.order.messaging;

import com.draftorders.avro.order.CreateOrderFromCart;
import com.draftorders.messaging.Ids;
import com.draftorders.messaging.IncomingMessage;
import com.draftorders.messaging.InvalidMessageException;
import com.draftorders.messaging.MessageFactory.Correlation;
import com.draftorders.order.OrderProperties;
import com.draftorders.order.domain.Creation;
import com.draftorders.order.domain.Order;
import com.draftorders.order.domain.OrderNumbers;
import com.draftorders.order.persistence.OrderCreationFailureDocument;
import com.draftorders.order.persistence.OrderDocument;
import com.draftorders.order.persistence.OrderDocuments;
import com.draftorders.order.persistence.OrderStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Handles {@code order-commands}. {@code CreateOrderFromCart} makes the draft's one order, or answers
 * {@code OrderCreationFailed} when the cart cannot become an order. A draft that already has its order gets no
 * second one and no second message, whether the command is a redelivery or a new one.
 */
@Component
public class OrderCommandHandler {

    private static final Logger log = LoggerFactory.getLogger(OrderCommandHandler.class);

    private final OrderStore store;
    private final OrderNumbers numbers;
    private final OrderMessages messages;
    private final Clock clock;
    private final int saveAttempts;

    public OrderCommandHandler(
            OrderStore store, OrderNumbers numbers, OrderMessages messages, Clock clock, OrderProperties properties) {
        this.store = store;
        this.numbers = numbers;
        this.messages = messages;
        this.clock = clock;
        this.saveAttempts = properties.saveAttempts();
    }

    public void createFromCart(IncomingMessage<CreateOrderFromCart> message) {
        CreateOrderFromCart command = message.payload();
        String draftOrderId = command.getDraftOrderId();
        if (draftOrderId == null || draftOrderId.isBlank()) {
            throw new InvalidMessageException("CreateOrderFromCart without a draft_order_id");
        }
        if (message.storeId() == null || message.storeId().isBlank()) {
            throw new InvalidMessageException("CreateOrderFromCart for " + draftOrderId + " without a store_id");
        }
        if (store.findByDraftOrderId(draftOrderId).isPresent()) {
            log.debug("draft {} already has its order; {} changes nothing", draftOrderId, message.eventId());
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Creation creation =
                Order.createFromCart(Ids.next("order"), message.storeId(), AvroOrders.details(command), numbers, now);
        if (creation instanceof Creation.Created created) {
            insert(created.order(), message);
        } else if (creation instanceof Creation.Refused refused) {
            recordFailure(message, refused.reason(), now);
        }
    }

    private void insert(Order order, IncomingMessage<CreateOrderFromCart> message) {
        OrderDocument document = OrderDocuments.toDocument(order);
        document.markProcessed(message.eventId());
        messages.of(order, 0, Correlation.of(message)).forEach(document::enqueue);
        try {
            store.save(document);
            log.info(
                    "order {} {} created for draft {} (store {})",
                    order.name(),
                    order.id(),
                    order.draftOrderId(),
                    order.storeId());
        } catch (DuplicateKeyException e) {
            // Another instance (or an earlier delivery) created the draft's order first; its number stays unused.
            log.info(
                    "draft {} got its order concurrently; {} changes nothing", order.draftOrderId(), message.eventId());
        }
    }

    private void recordFailure(IncomingMessage<CreateOrderFromCart> message, String reason, Instant now) {
        String draftOrderId = message.payload().getDraftOrderId();
        for (int attempt = 1; ; attempt++) {
            OrderCreationFailureDocument failure =
                    store.findCreationFailure(draftOrderId).orElseGet(() -> newFailure(draftOrderId, message));
            if (failure.hasProcessed(message.eventId())) {
                return;
            }
            failure.setReason(reason);
            failure.setFailedAt(now);
            failure.setFailures(failure.getFailures() + 1);
            failure.markProcessed(message.eventId());
            failure.enqueue(
                    messages.creationFailed(failure.getStoreId(), draftOrderId, reason, Correlation.of(message)));
            try {
                store.save(failure);
                log.info("no order for draft {}: {}", draftOrderId, reason);
                return;
            } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
                if (attempt >= saveAttempts) {
                    throw e;
                }
            }
        }
    }

    private static OrderCreationFailureDocument newFailure(String draftOrderId, IncomingMessage<?> message) {
        OrderCreationFailureDocument failure = new OrderCreationFailureDocument();
        failure.setId(draftOrderId);
        failure.setStoreId(message.storeId());
        return failure;
    }
}
