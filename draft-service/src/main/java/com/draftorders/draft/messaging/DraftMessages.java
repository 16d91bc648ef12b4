package com.draftorders.draft.messaging;

import com.draftorders.avro.cart.CartType;
import com.draftorders.avro.cart.CreateCart;
import com.draftorders.avro.cart.LockCart;
import com.draftorders.avro.cart.ReplaceCartContent;
import com.draftorders.avro.cart.UnlockCart;
import com.draftorders.avro.common.CartSnapshot;
import com.draftorders.avro.draft.DraftOrderCanceled;
import com.draftorders.avro.draft.DraftOrderCompleted;
import com.draftorders.avro.draft.DraftOrderCompletionFailed;
import com.draftorders.avro.draft.DraftOrderCompletionStarted;
import com.draftorders.avro.draft.DraftOrderCreated;
import com.draftorders.avro.draft.DraftOrderDeleted;
import com.draftorders.avro.draft.DraftOrderInvoiceSent;
import com.draftorders.avro.draft.DraftOrderUpdated;
import com.draftorders.avro.order.CreateOrderFromCart;
import com.draftorders.avro.payment.AuthorizePayment;
import com.draftorders.avro.payment.VoidPayment;
import com.draftorders.draft.domain.DraftOrder;
import com.draftorders.draft.domain.DraftOrderEvent;
import com.draftorders.messaging.MessageFactory;
import com.draftorders.messaging.MessageFactory.Correlation;
import com.draftorders.messaging.OutgoingMessage;
import com.draftorders.schemas.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What each {@link DraftOrderEvent} means on Kafka: the draft's own events on draft-order-events and the saga's
 * commands to the other services. Written into the draft's outbox with the state change that caused them.
 */
@Component
public class DraftMessages {

    private final MessageFactory factory;

    public DraftMessages(MessageFactory factory) {
        this.factory = factory;
    }

    public List<OutgoingMessage> messagesFor(DraftOrder draft, List<DraftOrderEvent> events, Correlation cause) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<OutgoingMessage> messages = new ArrayList<>();
        for (DraftOrderEvent event : events) {
            messages.addAll(messagesFor(draft, event, cause));
        }
        return messages;
    }

    private List<OutgoingMessage> messagesFor(DraftOrder draft, DraftOrderEvent event, Correlation cause) {
        var s = draft.state();
        if (event instanceof DraftOrderEvent.Created) {
            return List.of(
                    draftEvent(draft, cause, new DraftOrderCreated(AvroMapping.snapshot(draft))),
                    cartCommand(
                            draft,
                            cause,
                            new CreateCart(
                                    draft.cartId(),
                                    draft.id(),
                                    draft.contentVersion(),
                                    CartType.DRAFT_ORDER,
                                    AvroMapping.toAvro(draft.content(), null))));
        }
        if (event instanceof DraftOrderEvent.Updated) {
            return List.of(draftEvent(draft, cause, new DraftOrderUpdated(AvroMapping.snapshot(draft))));
        }
        if (event instanceof DraftOrderEvent.ContentChanged changed) {
            return List.of(cartCommand(
                    draft,
                    cause,
                    new ReplaceCartContent(
                            draft.cartId(), changed.draftVersion(), AvroMapping.toAvro(draft.content(), null))));
        }
        if (event instanceof DraftOrderEvent.CompletionStarted started) {
            return List.of(
                    draftEvent(
                            draft,
                            cause,
                            new DraftOrderCompletionStarted(
                                    draft.id(), started.paymentPending(), started.attempt(), started.paymentGateway())),
                    cartCommand(
                            draft,
                            cause,
                            new LockCart(draft.cartId(), draft.id(), started.draftVersion(), started.attempt())));
        }
        if (event instanceof DraftOrderEvent.CartLockRequested lock) {
            return List.of(cartCommand(
                    draft, cause, new LockCart(draft.cartId(), draft.id(), lock.draftVersion(), lock.attempt())));
        }
        if (event instanceof DraftOrderEvent.PaymentAuthorizationRequested authorize) {
            return List.of(paymentCommand(
                    draft,
                    authorize.paymentId(),
                    cause,
                    AuthorizePayment.newBuilder()
                            .setPaymentId(authorize.paymentId())
                            .setIdempotencyKey(draft.id() + ":" + authorize.attempt())
                            .setDraftOrderId(draft.id())
                            .setAmount(authorize.amount())
                            .setCurrency(authorize.currency())
                            .setProvider(authorize.gateway())
                            .setEmail(s.customer() == null ? null : s.customer().email())
                            .build()));
        }
        if (event instanceof DraftOrderEvent.OrderCreationRequested create) {
            return List.of(factory.create(
                    Topics.ORDER_COMMANDS,
                    draft.id(),
                    draft.storeId(),
                    draft.id(),
                    draft.version(),
                    cause,
                    CreateOrderFromCart.newBuilder()
                            .setDraftOrderId(draft.id())
                            .setDraftOrderName(s.name())
                            .setPaymentId(create.paymentId())
                            .setCart(decodeCart(draft.completion()
                                    .map(com.draftorders.draft.domain.Completion::cartSnapshot)
                                    .orElse(null)))
                            .setEmail(s.customer() == null ? null : s.customer().email())
                            .setPhone(s.customer() == null ? null : s.customer().phone())
                            .setCustomerId(
                                    s.customer() == null ? null : s.customer().customerId())
                            .setNote(s.note())
                            .setTags(s.tags())
                            .setPaymentPending(create.paymentPending())
                            .setPaymentTerms(AvroMapping.toAvro(create.paymentTerms()))
                            .setSourceName(
                                    draft.details().sourceName() != null
                                            ? draft.details().sourceName()
                                            : s.channel() == null ? "draft_order" : s.channel())
                            .setPurchasingEntity(
                                    AvroMapping.purchasingEntity(draft.details().purchasingEntity()))
                            .build()));
        }
        if (event instanceof DraftOrderEvent.Completed) {
            return List.of(draftEvent(draft, cause, new DraftOrderCompleted(AvroMapping.snapshot(draft))));
        }
        if (event instanceof DraftOrderEvent.CompletionFailed failed) {
            List<OutgoingMessage> messages = new ArrayList<>();
            if (failed.paymentIdToVoid() != null) {
                messages.add(voidPayment(draft, failed.paymentIdToVoid(), cause, failed.reason()));
            }
            if (failed.unlockCart()) {
                messages.add(cartCommand(draft, cause, new UnlockCart(draft.cartId(), draft.id(), failed.attempt())));
            }
            messages.add(draftEvent(
                    draft,
                    cause,
                    new DraftOrderCompletionFailed(draft.id(), failed.step(), failed.reason(), failed.attempt())));
            return messages;
        }
        if (event instanceof DraftOrderEvent.StrayPaymentVoidRequested stray) {
            return List.of(voidPayment(draft, stray.paymentId(), cause, "no completion is waiting for it"));
        }
        if (event instanceof DraftOrderEvent.Canceled canceled) {
            return List.of(
                    draftEvent(draft, cause, new DraftOrderCanceled(AvroMapping.snapshot(draft), canceled.reason())));
        }
        if (event instanceof DraftOrderEvent.InvoiceSent sent) {
            var invoice = sent.invoice();
            return List.of(draftEvent(
                    draft,
                    cause,
                    DraftOrderInvoiceSent.newBuilder()
                            .setDraftOrderId(draft.id())
                            .setTo(invoice.to())
                            .setFrom(invoice.from())
                            .setSubject(invoice.subject())
                            .setCustomMessage(invoice.customMessage())
                            .setInvoiceUrl(invoice.url())
                            .setSentAt(sent.sentAt())
                            .setDraftOrder(AvroMapping.snapshot(draft))
                            .build()));
        }
        if (event instanceof DraftOrderEvent.Deleted) {
            return List.of(draftEvent(draft, cause, new DraftOrderDeleted(draft.id())));
        }
        throw new IllegalArgumentException("unmapped draft order event " + event);
    }

    private OutgoingMessage draftEvent(DraftOrder draft, Correlation cause, Object payload) {
        return factory.create(
                Topics.DRAFT_ORDER_EVENTS, draft.id(), draft.storeId(), draft.id(), draft.version(), cause, payload);
    }

    private OutgoingMessage cartCommand(DraftOrder draft, Correlation cause, Object payload) {
        return factory.create(
                Topics.CART_COMMANDS, draft.cartId(), draft.storeId(), draft.cartId(), draft.version(), cause, payload);
    }

    private OutgoingMessage paymentCommand(DraftOrder draft, String paymentId, Correlation cause, Object payload) {
        return factory.create(
                Topics.PAYMENT_COMMANDS, paymentId, draft.storeId(), paymentId, draft.version(), cause, payload);
    }

    private OutgoingMessage voidPayment(DraftOrder draft, String paymentId, Correlation cause, String reason) {
        return paymentCommand(draft, paymentId, cause, new VoidPayment(paymentId, "void:" + paymentId, reason));
    }

    public static byte[] encodeCart(CartSnapshot cart) {
        try {
            ByteBuffer buffer = cart.toByteBuffer();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CartSnapshot decodeCart(byte[] bytes) {
        if (bytes == null) {
            throw new IllegalStateException("no locked cart to create the order from");
        }
        try {
            return CartSnapshot.fromByteBuffer(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
