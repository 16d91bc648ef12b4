package com.draftorders.payment.messaging;

import com.draftorders.avro.payment.AuthorizePayment;
import com.draftorders.avro.payment.CapturePayment;
import com.draftorders.avro.payment.RefundPayment;
import com.draftorders.avro.payment.VoidPayment;
import com.draftorders.messaging.IncomingMessage;
import com.draftorders.messaging.InvalidMessageException;
import com.draftorders.messaging.MessageFactory;
import com.draftorders.messaging.OutgoingMessage;
import com.draftorders.payment.domain.Payment;
import com.draftorders.payment.domain.PaymentCommand;
import com.draftorders.payment.domain.PaymentEvent;
import com.draftorders.payment.domain.PaymentOutcome;
import com.draftorders.payment.domain.PaymentProviders;
import com.draftorders.payment.persistence.PaymentCommandRejectionDocument;
import com.draftorders.payment.persistence.PaymentDocument;
import com.draftorders.payment.persistence.PaymentStore;
import com.draftorders.schemas.Topics;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Handles payment-commands: loads the payment, lets it decide, and saves its new state together with the event it
 * publishes (key: payment id) and the handled message id, in one write.
 *
 * <p>Idempotency: a message already handled (its event id is on the payment) does nothing; a new message with an
 * idempotency key the payment already handled does nothing either (the domain says so); a second authorization of
 * an existing payment id does nothing. A command about a payment that does not exist in the message's store is
 * answered from a {@link PaymentCommandRejectionDocument} whose id is the message's event id.
 */
@Component
public class PaymentCommandHandler {

    /** Loads and saves after a concurrent change before the record goes back to the consumer's retries. */
    static final int ATTEMPTS = 5;

    private static final Logger log = LoggerFactory.getLogger(PaymentCommandHandler.class);

    private final PaymentStore store;
    private final PaymentProviders providers;
    private final MessageFactory messages;
    private final Clock clock;

    public PaymentCommandHandler(PaymentStore store, PaymentProviders providers, MessageFactory messages, Clock clock) {
        this.store = store;
        this.providers = providers;
        this.messages = messages;
        this.clock = clock;
    }

    public void authorize(IncomingMessage<AuthorizePayment> message) {
        PaymentCommand.Authorize command = PaymentMessages.toCommand(message.payload());
        String storeId = storeOf(message);
        if (store.exists(command.paymentId())) {
            log.debug(
                    "payment {} exists already; AuthorizePayment {} does nothing",
                    command.paymentId(),
                    message.eventId());
            return;
        }
        Payment.Authorization authorization = Payment.authorize(storeId, command, providers, clock.instant());
        Payment payment = authorization.payment();
        PaymentDocument document = PaymentDocument.of(payment);
        document.markProcessed(message.eventId());
        document.enqueue(outgoing(message, payment.id(), payment.revision(), authorization.event()));
        try {
            store.save(document);
        } catch (DuplicateKeyException e) {
            log.debug(
                    "payment {} was created concurrently; AuthorizePayment {} does nothing",
                    payment.id(),
                    message.eventId());
        }
    }

    public void capture(IncomingMessage<CapturePayment> message) {
        PaymentCommand.Capture command = PaymentMessages.toCommand(message.payload());
        change(message, command, payment -> payment.capture(command, providers, clock.instant()));
    }

    public void voidPayment(IncomingMessage<VoidPayment> message) {
        PaymentCommand.VoidAuthorization command = PaymentMessages.toCommand(message.payload());
        change(message, command, payment -> payment.voidAuthorization(command, providers, clock.instant()));
    }

    public void refund(IncomingMessage<RefundPayment> message) {
        PaymentCommand.Refund command = PaymentMessages.toCommand(message.payload());
        change(message, command, payment -> payment.refund(command, providers, clock.instant()));
    }

    private void change(
            IncomingMessage<?> message, PaymentCommand command, Function<Payment, PaymentOutcome> decision) {
        String storeId = storeOf(message);
        for (int attempt = 1; ; attempt++) {
            Optional<PaymentDocument> found = store.find(command.paymentId(), storeId);
            if (found.isEmpty()) {
                rejectUnknown(message, command, storeId);
                return;
            }
            PaymentDocument document = found.get();
            if (document.hasProcessed(message.eventId())) {
                return;
            }
            Payment payment = document.toPayment();
            PaymentOutcome outcome = decision.apply(payment);
            if (outcome instanceof PaymentOutcome.Unchanged unchanged) {
                log.debug(
                        "{} {} on {} does nothing: {}",
                        command.name(),
                        message.eventId(),
                        payment.id(),
                        unchanged.why());
                return;
            }
            if (outcome instanceof PaymentOutcome.Rejected rejected) {
                log.info("{} {} on {} refused: {}", command.name(), message.eventId(), payment.id(), rejected.reason());
            }
            document.update(payment);
            document.markProcessed(message.eventId());
            outcome.published()
                    .ifPresent(event -> document.enqueue(outgoing(message, payment.id(), payment.revision(), event)));
            try {
                store.save(document);
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                log.debug("payment {} changed concurrently; trying {} again", payment.id(), command.name());
            }
        }
    }

    private void rejectUnknown(IncomingMessage<?> message, PaymentCommand command, String storeId) {
        if (store.hasRejection(message.eventId())) {
            return;
        }
        PaymentEvent answer = command.unknownPayment();
        String reason = reasonOf(answer);
        log.info("{} {} refused: {}", command.name(), message.eventId(), reason);
        var rejection = new PaymentCommandRejectionDocument(
                message.eventId(), storeId, command.paymentId(), command.name(), reason, clock.instant());
        rejection.markProcessed(message.eventId());
        rejection.enqueue(outgoing(message, command.paymentId(), 0, answer));
        try {
            store.save(rejection);
        } catch (DuplicateKeyException e) {
            log.debug("{} {} was answered concurrently", command.name(), message.eventId());
        }
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
