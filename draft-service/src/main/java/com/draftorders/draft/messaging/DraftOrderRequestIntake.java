package com.draftorders.draft.messaging;

import com.draftorders.avro.draft.CancelDraftOrder;
import com.draftorders.avro.draft.CompleteDraftOrder;
import com.draftorders.avro.draft.CreateDraftOrder;
import com.draftorders.avro.draft.DraftOrderRequestRejected;
import com.draftorders.draft.application.DraftOrderService;
import com.draftorders.draft.application.DraftOrderService.NewDraft;
import com.draftorders.draft.domain.DraftContent;
import com.draftorders.draft.domain.DraftOrder;
import com.draftorders.draft.domain.DraftValidation;
import com.draftorders.draft.domain.Refusal;
import com.draftorders.draft.persistence.RequestRejectionDocument;
import com.draftorders.messaging.IncomingMessage;
import com.draftorders.messaging.MessageFactory;
import com.draftorders.messaging.MessageFactory.Correlation;
import com.draftorders.messaging.OutboxWriter;
import com.draftorders.messaging.Subscription;
import com.draftorders.schemas.Topics;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;

/**
 * Requests from upstream channels on {@code draft-order-requests}. The same request (channel + request id) sent
 * twice has one effect; a request that cannot be carried out changes nothing and produces
 * {@code DraftOrderRequestRejected} on draft-order-events naming the request and the reason.
 */
@Configuration
public class DraftOrderRequestIntake {

    private final DraftOrderService drafts;
    private final MessageFactory messages;
    private final OutboxWriter writer;
    private final Clock clock;

    public DraftOrderRequestIntake(
            DraftOrderService drafts, MessageFactory messages, OutboxWriter writer, Clock clock) {
        this.drafts = drafts;
        this.messages = messages;
        this.writer = writer;
        this.clock = clock;
    }

    @Bean
    Subscription draftOrderRequests() {
        return Subscription.to(Topics.DRAFT_ORDER_REQUESTS)
                .on(CreateDraftOrder.class, this::create)
                .on(CompleteDraftOrder.class, this::complete)
                .on(CancelDraftOrder.class, this::cancel);
    }

    void create(IncomingMessage<CreateDraftOrder> message) {
        var request = message.payload();
        Request r = new Request(
                message,
                request.getRequestId(),
                request.getChannel(),
                request.getExternalReference(),
                null,
                "CreateDraftOrder");
        if (blank(request.getRequestId()) || blank(request.getChannel()) || blank(request.getExternalReference())) {
            reject(r, "request_id", "request_id, channel and external_reference are required");
            return;
        }
        var customer = new DraftOrder.Customer(request.getEmail(), request.getPhone(), request.getCustomerId());
        DraftContent content = AvroMapping.fromAvro(request.getContent());
        var details = AvroMapping.detailsOf(request);
        List<DraftValidation.Violation> violations =
                DraftValidation.validate(customer, content, request.getNote(), request.getTags(), details);
        if (!violations.isEmpty()) {
            var first = violations.get(0);
            reject(r, first.field(), first.field() + " " + first.reason());
            return;
        }
        drafts.createForChannel(
                message.storeId(),
                request.getChannel(),
                request.getExternalReference(),
                new NewDraft(
                        customer,
                        content,
                        request.getNote(),
                        request.getTags(),
                        details,
                        request.getNoNotificationOrder()),
                Correlation.of(message),
                r.key());
    }

    void complete(IncomingMessage<CompleteDraftOrder> message) {
        var request = message.payload();
        Request r = new Request(
                message,
                request.getRequestId(),
                request.getChannel(),
                request.getExternalReference(),
                request.getDraftOrderId(),
                "CompleteDraftOrder");
        onDraft(
                r,
                (draft) -> draft.completeWhenReady(
                        request.getPaymentPending(),
                        request.getPaymentGateway(),
                        AvroMapping.fromAvro(request.getPaymentTerms()),
                        clock.instant()));
    }

    void cancel(IncomingMessage<CancelDraftOrder> message) {
        var request = message.payload();
        Request r = new Request(
                message,
                request.getRequestId(),
                request.getChannel(),
                request.getExternalReference(),
                request.getDraftOrderId(),
                "CancelDraftOrder");
        onDraft(r, draft -> draft.cancel(request.getReason(), clock.instant()));
    }

    private void onDraft(Request r, java.util.function.Function<DraftOrder, Optional<Refusal>> change) {
        if (blank(r.requestId()) || blank(r.channel())) {
            reject(r, "request_id", "request_id and channel are required");
            return;
        }
        Optional<DraftOrder> target = !blank(r.draftOrderId())
                ? drafts.find(r.message().storeId(), r.draftOrderId())
                : blank(r.externalReference())
                        ? Optional.empty()
                        : drafts.findByChannelReference(r.message().storeId(), r.channel(), r.externalReference());
        if (target.isEmpty()) {
            reject(r, blank(r.draftOrderId()) ? "external_reference" : "draft_order_id", "draft order not found");
            return;
        }
        var outcome = drafts.change(
                r.message().storeId(),
                target.get().id(),
                Correlation.of(r.message()),
                r.key(),
                (draft, doc) -> change.apply(draft));
        outcome.flatMap(o -> o.refusal()).ifPresent(refusal -> reject(r, null, refusal.reason()));
    }

    /** A request and where it came from; {@link #key} identifies it for deduplication. */
    private record Request(
            IncomingMessage<?> message,
            String requestId,
            String channel,
            String externalReference,
            String draftOrderId,
            String type) {
        String key() {
            return "request:" + channel + ":" + requestId;
        }
    }

    private void reject(Request r, String field, String reason) {
        String storeId = r.message().storeId();
        String id = storeId + ":" + r.channel() + ":"
                + (blank(r.requestId()) ? r.message().eventId() : r.requestId());
        var rejection = new RequestRejectionDocument(id, storeId, reason, clock.instant());
        String key = r.draftOrderId() != null ? r.draftOrderId() : r.channel() + ":" + r.externalReference();
        rejection.enqueue(messages.create(
                Topics.DRAFT_ORDER_EVENTS,
                key,
                storeId,
                key,
                0,
                Correlation.of(r.message()),
                DraftOrderRequestRejected.newBuilder()
                        .setRequestId(r.requestId() == null ? "" : r.requestId())
                        .setChannel(r.channel())
                        .setExternalReference(r.externalReference())
                        .setDraftOrderId(r.draftOrderId())
                        .setRequestType(r.type())
                        .setField(field)
                        .setReason(reason)
                        .build()));
        try {
            writer.save(rejection);
        } catch (DuplicateKeyException alreadyRejected) {
            // the same request again: rejected once
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
