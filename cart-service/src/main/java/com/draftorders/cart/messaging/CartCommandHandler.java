package com.draftorders.cart.messaging;

import com.draftorders.avro.cart.CartLockRejected;
import com.draftorders.avro.cart.CreateCart;
import com.draftorders.avro.cart.LockCart;
import com.draftorders.avro.cart.ReplaceCartContent;
import com.draftorders.avro.cart.UnlockCart;
import com.draftorders.cart.domain.Cart;
import com.draftorders.cart.domain.CartCalculator;
import com.draftorders.cart.domain.CartContent;
import com.draftorders.cart.domain.InvalidCartContentException;
import com.draftorders.cart.domain.LockOutcome;
import com.draftorders.cart.domain.ReplaceOutcome;
import com.draftorders.cart.domain.UnlockOutcome;
import com.draftorders.cart.persistence.DiscountCodeStore;
import com.draftorders.messaging.IncomingMessage;
import com.draftorders.messaging.InvalidMessageException;
import com.draftorders.messaging.MessageFactory;
import com.draftorders.messaging.OutgoingMessage;
import com.draftorders.messaging.work.Target;
import com.draftorders.schemas.Topics;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Handles {@code cart-commands}, each on the cart it names (found by cart id within the message's store; see
 * {@link CartMessagingConfiguration}): the cart decides, and the unit of work writes its new state with the
 * {@code cart-events} it recorded and the command's {@code event_id}. A redelivered command (its id already on the
 * cart) and a command that changes nothing write and send nothing.
 *
 * <p>Replies: {@code CreateCart} and a newer {@code ReplaceCartContent} → {@code CartTotalsCalculated};
 * {@code LockCart} → {@code CartLocked} or {@code CartLockRejected} (for an unknown cart from a receipt, once per
 * command); {@code UnlockCart} of a locked cart → {@code CartUnlocked}. Content that cannot be calculated, and a
 * {@code ReplaceCartContent} for an unknown cart, are invalid messages (dead-letter topic).
 */
@Component
public class CartCommandHandler {

    /** Reason of the {@code CartLockRejected} reply for a cart this service does not have. */
    public static final String CART_NOT_FOUND = "cart not found";

    private static final Logger log = LoggerFactory.getLogger(CartCommandHandler.class);

    private final DiscountCodeStore discountCodes;
    private final MessageFactory messages;
    private final CartCalculator calculator;
    private final Clock clock;

    public CartCommandHandler(
            DiscountCodeStore discountCodes, MessageFactory messages, CartCalculator calculator, Clock clock) {
        this.discountCodes = discountCodes;
        this.messages = messages;
        this.calculator = calculator;
        this.clock = clock;
    }

    void create(Target<Cart> target, IncomingMessage<CreateCart> message) {
        CreateCart command = message.payload();
        if (target.taken()) {
            log.debug("CreateCart {}: cart exists already, nothing to do", command.getCartId());
            return;
        }
        CartContent content = CartMessages.content(command.getContent());
        Cart cart = target.create(valid(() -> Cart.create(
                command.getCartId(),
                message.storeId(),
                command.getDraftOrderId(),
                CartMessages.type(command.getType()),
                command.getDraftVersion(),
                content,
                calculator,
                discountCodes.forStore(message.storeId(), content.discountCodes()),
                now())));
        log.info(
                "cart {} created for draft {} v{}: total {} {}",
                cart.id(),
                command.getDraftOrderId(),
                command.getDraftVersion(),
                cart.calculation().totals().totalPrice(),
                cart.calculation().totals().currency());
    }

    void replace(Target<Cart> target, IncomingMessage<ReplaceCartContent> message) {
        ReplaceCartContent command = message.payload();
        CartContent content = CartMessages.content(command.getContent());
        Cart cart = target.current()
                .orElseThrow(() -> new InvalidMessageException("ReplaceCartContent for cart " + command.getCartId()
                        + " which does not exist in store " + message.storeId()));
        ReplaceOutcome outcome = valid(() -> cart.replaceContent(
                command.getDraftVersion(),
                content,
                calculator,
                discountCodes.forStore(message.storeId(), content.discountCodes()),
                now()));
        if (outcome instanceof ReplaceOutcome.RefusedLocked locked) {
            log.warn(
                    "ReplaceCartContent for cart {} v{} ignored: the cart is locked at v{} by attempt {} of draft {}",
                    cart.id(),
                    command.getDraftVersion(),
                    locked.lock().draftVersion(),
                    locked.lock().attempt(),
                    locked.lock().draftOrderId());
        } else if (outcome instanceof ReplaceOutcome.Stale stale) {
            log.debug(
                    "ReplaceCartContent for cart {} v{} ignored: cart is at v{}",
                    cart.id(),
                    stale.requestedDraftVersion(),
                    stale.currentDraftVersion());
        }
    }

    void lock(Target<Cart> target, IncomingMessage<LockCart> message) {
        LockCart command = message.payload();
        Cart cart = target.current().orElse(null);
        if (cart == null) {
            log.info("LockCart {} attempt {} rejected: {}", command.getCartId(), command.getAttempt(), CART_NOT_FOUND);
            target.send(rejection(target, message, 0, CART_NOT_FOUND));
            return;
        }
        LockOutcome outcome =
                cart.lock(command.getDraftOrderId(), command.getDraftVersion(), command.getAttempt(), now());
        if (outcome instanceof LockOutcome.Rejected rejected) {
            log.info("LockCart {} attempt {} rejected: {}", cart.id(), command.getAttempt(), rejected.reason());
            target.send(rejection(target, message, cart.revision(), rejected.reason()));
        } else if (outcome instanceof LockOutcome.AlreadyLocked already) {
            log.debug(
                    "LockCart {} v{}: already locked by attempt {}",
                    cart.id(),
                    command.getDraftVersion(),
                    already.lock().attempt());
        }
    }

    void unlock(Target<Cart> target, IncomingMessage<UnlockCart> message) {
        UnlockCart command = message.payload();
        Cart cart = target.current().orElse(null);
        if (cart == null) {
            log.info("UnlockCart for cart {} which does not exist: nothing to unlock", command.getCartId());
            return;
        }
        UnlockOutcome outcome = cart.unlock(command.getAttempt(), now());
        if (outcome instanceof UnlockOutcome.HeldByLaterAttempt held) {
            log.warn(
                    "UnlockCart {} from attempt {} ignored: the lock is held by the later attempt {}",
                    cart.id(),
                    held.requestedAttempt(),
                    held.lock().attempt());
        } else if (outcome instanceof UnlockOutcome.NotLocked) {
            log.debug("UnlockCart {}: not locked, nothing to do", cart.id());
        }
    }

    /** {@code CartLockRejected}, keyed by the cart id like the cart's own events. */
    private OutgoingMessage rejection(
            Target<Cart> target, IncomingMessage<LockCart> message, long revision, String reason) {
        LockCart command = message.payload();
        return messages.create(
                Topics.CART_EVENTS,
                command.getCartId(),
                message.storeId(),
                command.getCartId(),
                revision,
                target.cause(),
                new CartLockRejected(
                        command.getCartId(),
                        command.getDraftOrderId(),
                        command.getDraftVersion(),
                        command.getAttempt(),
                        reason));
    }

    /** Now, to the millisecond that MongoDB stores: the cart as decided is the cart as read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static <T> T valid(Supplier<T> calculation) {
        try {
            return calculation.get();
        } catch (InvalidCartContentException e) {
            throw new InvalidMessageException("invalid cart content: " + e.getMessage());
        }
    }
}
