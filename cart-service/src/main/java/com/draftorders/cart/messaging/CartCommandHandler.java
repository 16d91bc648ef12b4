package com.draftorders.cart.messaging;

import com.draftorders.avro.cart.CartLockRejected;
import com.draftorders.avro.cart.CreateCart;
import com.draftorders.avro.cart.LockCart;
import com.draftorders.avro.cart.ReplaceCartContent;
import com.draftorders.avro.cart.UnlockCart;
import com.draftorders.cart.domain.Cart;
import com.draftorders.cart.domain.CartCalculator;
import com.draftorders.cart.domain.CartContent;
import com.draftorders.cart.domain.CartEvent;
import com.draftorders.cart.domain.InvalidCartContentException;
import com.draftorders.cart.domain.LockOutcome;
import com.draftorders.cart.domain.ReplaceOutcome;
import com.draftorders.cart.domain.UnlockOutcome;
import com.draftorders.cart.persistence.CartDocument;
import com.draftorders.cart.persistence.CartDocumentMapper;
import com.draftorders.cart.persistence.CartLockRejectionDocument;
import com.draftorders.cart.persistence.CartRepository;
import com.draftorders.cart.persistence.DiscountCodeRepository;
import com.draftorders.messaging.IncomingMessage;
import com.draftorders.messaging.InvalidMessageException;
import com.draftorders.messaging.MessageFactory;
import com.draftorders.messaging.OutboxDocument;
import com.draftorders.schemas.Topics;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Handles {@code cart-commands}. Every command reloads the cart, lets the aggregate decide, and saves the new state,
 * the {@code cart-events} it caused and the command's {@code event_id} in one write; a redelivered command (its id
 * already recorded) and a command that changes nothing write and emit nothing. A concurrent write is retried on a
 * fresh copy a few times, then left to the consumer's retries.
 *
 * <p>Replies: {@code CreateCart} and a newer {@code ReplaceCartContent} → {@code CartTotalsCalculated};
 * {@code LockCart} → {@code CartLocked} or {@code CartLockRejected} (also for an unknown cart); {@code UnlockCart} of
 * a locked cart → {@code CartUnlocked}. Content that cannot be calculated, and a {@code ReplaceCartContent} for an
 * unknown cart, are invalid messages (dead-letter topic).
 */
@Component
public class CartCommandHandler {

    /** Reason of the {@code CartLockRejected} reply for a cart this service does not have. */
    public static final String CART_NOT_FOUND = "cart not found";

    static final int SAVE_ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(CartCommandHandler.class);

    private final CartRepository carts;
    private final DiscountCodeRepository discountCodes;
    private final MessageFactory messages;
    private final CartCalculator calculator;
    private final Clock clock;

    public CartCommandHandler(
            CartRepository carts,
            DiscountCodeRepository discountCodes,
            MessageFactory messages,
            CartCalculator calculator,
            Clock clock) {
        this.carts = carts;
        this.discountCodes = discountCodes;
        this.messages = messages;
        this.calculator = calculator;
        this.clock = clock;
    }

    public void create(IncomingMessage<CreateCart> message) {
        CreateCart command = message.payload();
        String cartId = requireId(command.getCartId(), "cart_id");
        if (carts.find(cartId).isPresent()) {
            log.debug("CreateCart {}: cart exists already, nothing to do", cartId);
            return;
        }
        CartContent content = CartMessages.content(command.getContent());
        Cart cart = valid(() -> Cart.create(
                cartId,
                command.getDraftOrderId(),
                CartMessages.type(command.getType()),
                command.getDraftVersion(),
                content,
                calculator,
                discountCodes.forStore(message.storeId(), content.discountCodes()),
                clock.instant()));
        CartDocument document = CartDocumentMapper.newDocument(cart, message.storeId(), clock.instant());
        document.markProcessed(message.eventId());
        enqueue(document, message, cartId, cart.revision(), cart.pullEvents(), List.of());
        try {
            carts.save(document);
            log.info(
                    "cart {} created for draft {} v{}: total {} {}",
                    cartId,
                    command.getDraftOrderId(),
                    command.getDraftVersion(),
                    cart.calculation().totals().totalPrice(),
                    cart.calculation().totals().currency());
        } catch (DuplicateKeyException e) {
            log.debug("CreateCart {}: created concurrently, nothing to do", cartId);
        }
    }

    public void replace(IncomingMessage<ReplaceCartContent> message) {
        ReplaceCartContent command = message.payload();
        String cartId = requireId(command.getCartId(), "cart_id");
        CartContent content = CartMessages.content(command.getContent());
        update(
                message,
                cartId,
                () -> {
                    throw new InvalidMessageException("ReplaceCartContent for cart " + cartId
                            + " which does not exist in store " + message.storeId());
                },
                cart -> {
                    ReplaceOutcome outcome = valid(() -> cart.replaceContent(
                            command.getDraftVersion(),
                            content,
                            calculator,
                            discountCodes.forStore(message.storeId(), content.discountCodes()),
                            clock.instant()));
                    if (outcome instanceof ReplaceOutcome.RefusedLocked locked) {
                        log.warn(
                                "ReplaceCartContent for cart {} v{} ignored: the cart is locked at v{} by attempt {}"
                                        + " of draft {}",
                                cartId,
                                command.getDraftVersion(),
                                locked.lock().draftVersion(),
                                locked.lock().attempt(),
                                locked.lock().draftOrderId());
                    } else if (outcome instanceof ReplaceOutcome.Stale stale) {
                        log.debug(
                                "ReplaceCartContent for cart {} v{} ignored: cart is at v{}",
                                cartId,
                                stale.requestedDraftVersion(),
                                stale.currentDraftVersion());
                    }
                    return List.of();
                });
    }

    public void lock(IncomingMessage<LockCart> message) {
        LockCart command = message.payload();
        String cartId = requireId(command.getCartId(), "cart_id");
        update(message, cartId, () -> rejectUnknownCart(message), cart -> {
            LockOutcome outcome = cart.lock(command.getDraftOrderId(), command.getDraftVersion(), command.getAttempt());
            if (outcome instanceof LockOutcome.Rejected rejected) {
                log.info("LockCart {} attempt {} rejected: {}", cartId, command.getAttempt(), rejected.reason());
                return List.of(rejection(command, rejected.reason()));
            }
            if (outcome instanceof LockOutcome.AlreadyLocked already) {
                log.debug(
                        "LockCart {} v{}: already locked by attempt {}",
                        cartId,
                        command.getDraftVersion(),
                        already.lock().attempt());
            }
            return List.of();
        });
    }

    public void unlock(IncomingMessage<UnlockCart> message) {
        UnlockCart command = message.payload();
        String cartId = requireId(command.getCartId(), "cart_id");
        update(
                message,
                cartId,
                () -> log.info("UnlockCart for cart {} which does not exist: nothing to unlock", cartId),
                cart -> {
                    UnlockOutcome outcome = cart.unlock(command.getAttempt());
                    if (outcome instanceof UnlockOutcome.HeldByLaterAttempt held) {
                        log.warn(
                                "UnlockCart {} from attempt {} ignored: the lock is held by the later attempt {}",
                                cartId,
                                held.requestedAttempt(),
                                held.lock().attempt());
                    } else if (outcome instanceof UnlockOutcome.NotLocked) {
                        log.debug("UnlockCart {}: not locked, nothing to do", cartId);
                    }
                    return List.of();
                });
    }

    /**
     * Loads the cart, applies {@code change} (which returns replies that are not cart events, e.g. a lock rejection),
     * and saves state + events + replies + the handled id in one write, unless nothing happened.
     */
    private void update(
            IncomingMessage<?> message, String cartId, Runnable whenMissing, Function<Cart, List<Object>> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<CartDocument> found = carts.findInStore(cartId, message.storeId());
            if (found.isEmpty()) {
                whenMissing.run();
                return;
            }
            CartDocument document = found.get();
            if (document.hasProcessed(message.eventId())) {
                log.debug("{} {} handled already", message.payload().getClass().getSimpleName(), message.eventId());
                return;
            }
            Cart cart = CartDocumentMapper.toDomain(document);
            List<Object> replies = change.apply(cart);
            List<CartEvent> events = cart.pullEvents();
            if (events.isEmpty() && replies.isEmpty()) {
                return;
            }
            if (!events.isEmpty()) {
                CartDocumentMapper.apply(cart, document, clock.instant());
            }
            document.markProcessed(message.eventId());
            enqueue(document, message, cartId, cart.revision(), events, replies);
            try {
                carts.save(document);
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= SAVE_ATTEMPTS) {
                    throw e;
                }
                log.debug("cart {} changed concurrently, retrying {} on a fresh copy", cartId, message.eventId());
            }
        }
    }

    private void rejectUnknownCart(IncomingMessage<LockCart> message) {
        LockCart command = message.payload();
        log.info("LockCart {} attempt {} rejected: {}", command.getCartId(), command.getAttempt(), CART_NOT_FOUND);
        var rejection = new CartLockRejectionDocument(
                message.eventId(),
                message.storeId(),
                command.getCartId(),
                command.getDraftOrderId(),
                command.getDraftVersion(),
                command.getAttempt(),
                CART_NOT_FOUND,
                clock.instant());
        rejection.markProcessed(message.eventId());
        enqueue(rejection, message, command.getCartId(), 0, List.of(), List.of(rejection(command, CART_NOT_FOUND)));
        try {
            carts.save(rejection);
        } catch (DuplicateKeyException e) {
            log.debug("LockCart {} rejected already", message.eventId());
        }
    }

    private static CartLockRejected rejection(LockCart command, String reason) {
        return new CartLockRejected(
                command.getCartId(),
                command.getDraftOrderId(),
                command.getDraftVersion(),
                command.getAttempt(),
                reason);
    }

    private void enqueue(
            OutboxDocument document,
            IncomingMessage<?> cause,
            String cartId,
            long revision,
            List<CartEvent> events,
            List<Object> replies) {
        for (CartEvent event : events) {
            document.enqueue(create(cause, cartId, revision, CartMessages.payload(event)));
        }
        for (Object reply : replies) {
            document.enqueue(create(cause, cartId, revision, reply));
        }
    }

    private com.draftorders.messaging.OutgoingMessage create(
            IncomingMessage<?> cause, String cartId, long revision, Object payload) {
        return messages.create(
                Topics.CART_EVENTS,
                cartId,
                cause.storeId(),
                cartId,
                revision,
                MessageFactory.Correlation.of(cause),
                payload);
    }

    private static String requireId(String id, String field) {
        if (id == null || id.isBlank()) {
            throw new InvalidMessageException(field + " must not be blank");
        }
        return id;
    }

    private static <T> T valid(Supplier<T> calculation) {
        try {
            return calculation.get();
        } catch (InvalidCartContentException e) {
            throw new InvalidMessageException("invalid cart content: " + e.getMessage());
        }
    }
}
