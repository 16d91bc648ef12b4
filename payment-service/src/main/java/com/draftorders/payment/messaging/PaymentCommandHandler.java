package com.draftorders.payment.messaging;

import com.draftorders.avro.payment.AuthorizePayment;
import com.draftorders.avro.payment.CapturePayment;
import com.draftorders.avro.payment.RefundPayment;
import com.draftorders.avro.payment.VoidPayment;
import com.draftorders.messaging.IncomingMessage;
import com.draftorders.messaging.InvalidMessageException;
import com.draftorders.messaging.MessageFactory;
import com.draftorders.messaging.OutgoingMessage;
import com.draftorders.messaging.Subscription;
import com.draftorders.messaging.work.Address;
import com.draftorders.messaging.work.Target;
import com.draftorders.payment.domain.Payment;
import com.draftorders.payment.domain.PaymentCommand;
import com.draftorders.payment.domain.PaymentEvent;
import com.draftorders.payment.domain.PaymentOutcome;
import com.draftorders.payment.domain.PaymentProviders;
import com.draftorders.payment.persistence.Payments;
import com.draftorders.schemas.Topics;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Handles payment-commands, each on the payment it names (found by payment id within the message's store): the
 * payment decides, and the event it publishes (key: payment id) is written with its new state and the handled message
 * id by the unit of work.
 *
 * <p>Idempotency: a message already handled (its event id is on the payment) does nothing; a new message with an
 * idempotency key the payment already handled does nothing either (the domain says so); a second authorization of
 * an existing payment id does nothing. A command about a payment that does not exist in the message's store is
 * answered once, from a receipt keyed by the message's event id.
 */
@Component
public class PaymentCommandHandler {

    private static final Logger log = LoggerFactory.getLogger(PaymentCommandHandler.class);

    private final Payments payments;
    private final PaymentProviders providers;
    private final MessageFactory messages;
    private final Clock clock;

    public PaymentCommandHandler(Payments payments, PaymentProviders providers, MessageFactory messages, Clock clock) {
        this.payments = payments;
        this.providers = providers;
        this.messages = messages;
        this.clock = clock;
    }

    /** payment-commands, each on the payment it names. */
    public Subscription subscription() {
        return Subscription.to(Topics.PAYMENT_COMMANDS)
                .on(AuthorizePayment.class, m -> payment(m, PaymentMessages.toCommand(m.payload())), this::authorize)
                .on(CapturePayment.class, m -> payment(m, PaymentMessages.toCommand(m.payload())), this::capture)
                .on(VoidPayment.class, m -> payment(m, PaymentMessages.toCommand(m.payload())), this::voidPayment)
                .on(RefundPayment.class, m -> payment(m, PaymentMessages.toCommand(m.payload())), this::refund);
    }

    private Address<Payment> payment(IncomingMessage<?> message, PaymentCommand command) {
        return Address.byId(payments, command.paymentId(), storeOf(message));
    }

    void authorize(Target<Payment> target, IncomingMessage<AuthorizePayment> message) {
        PaymentCommand.Authorize command = PaymentMessages.toCommand(message.payload());
        if (target.taken()) {
            log.debug(
                    "payment {} exists already; AuthorizePayment {} does nothing",
                    command.paymentId(),
                    message.eventId());
            return;
        }
        Payment.Authorization authorization = Payment.authorize(storeOf(message), command, providers, now());
        Payment payment = target.create(authorization.payment());
        target.send(outgoing(message, payment.id(), payment.revision(), authorization.event()));
    }

    void capture(Target<Payment> target, IncomingMessage<CapturePayment> message) {
        PaymentCommand.Capture command = PaymentMessages.toCommand(message.payload());
        change(target, message, command, payment -> payment.capture(command, providers, now()));
    }

    void voidPayment(Target<Payment> target, IncomingMessage<VoidPayment> message) {
        PaymentCommand.VoidAuthorization command = PaymentMessages.toCommand(message.payload());
        change(target, message, command, payment -> payment.voidAuthorization(command, providers, now()));
    }

    void refund(Target<Payment> target, IncomingMessage<RefundPayment> message) {
        PaymentCommand.Refund command = PaymentMessages.toCommand(message.payload());
        change(target, message, command, payment -> payment.refund(command, providers, now()));
    }

    private void change(
            Target<Payment> target,
            IncomingMessage<?> message,
            PaymentCommand command,
            Function<Payment, PaymentOutcome> decision) {
        Optional<Payment> found = target.current();
        if (found.isEmpty()) {
            PaymentEvent answer = command.unknownPayment();
            log.info("{} {} refused: {}", command.name(), message.eventId(), reasonOf(answer));
            target.send(outgoing(message, command.paymentId(), 0, answer));
            return;
        }
        Payment payment = found.get();
        PaymentOutcome outcome = decision.apply(payment);
        if (outcome instanceof PaymentOutcome.Unchanged unchanged) {
            log.debug("{} {} on {} does nothing: {}", command.name(), message.eventId(), payment.id(), unchanged.why());
            return;
        }
        if (outcome instanceof PaymentOutcome.Rejected rejected) {
            log.info("{} {} on {} refused: {}", command.name(), message.eventId(), payment.id(), rejected.reason());
        }
        outcome.published().ifPresent(event -> target.send(outgoing(message, payment.id(), payment.revision(), event)));
    }

    private OutgoingMessage outgoing(IncomingMessage<?> cause, String paymentId, long revision, PaymentEvent event) {
        return messages.create(
                Topics.PAYMENT_EVENTS,
                paymentId,
                storeOf(cause),
                paymentId,
                revision,
                MessageFactory.Correlation.of(cause),
                PaymentMessages.toPayload(event));
    }

    /** Now, to the millisecond MongoDB keeps, so a payment in memory is the payment read back. */
    private java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static String storeOf(IncomingMessage<?> message) {
        String storeId = message.storeId();
        if (storeId == null || storeId.isBlank()) {
            throw new InvalidMessageException("metadata.store_id must not be blank");
        }
        return storeId;
    }

    private static String reasonOf(PaymentEvent answer) {
        if (answer instanceof PaymentEvent.CaptureFailed failed) {
            return failed.reason();
        }
        if (answer instanceof PaymentEvent.CommandRejected rejected) {
            return rejected.reason();
        }
        return answer.toString();
    }
}
