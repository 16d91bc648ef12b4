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
import com.draftorders.draft.domain.PaymentTerms;
import com.draftorders.draft.domain.Refusal;
import com.draftorders.draft.domain.RequestRejection;
import com.draftorders.draft.domain.StoreDirectory;
import com.draftorders.draft.persistence.Drafts;
import com.draftorders.messaging.IncomingMessage;
import com.draftorders.messaging.MessageFactory;
import com.draftorders.messaging.MessageFactory.Correlation;
import com.draftorders.messaging.Subscription;
import com.draftorders.messaging.work.Address;
import com.draftorders.messaging.work.Target;
import com.draftorders.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Requests from upstream channels on {@code draft-order-requests}. The same request (channel + request id) sent
 * twice has one effect; a request that cannot be carried out changes nothing and produces
 * {@code DraftOrderRequestRejected} on draft-order-events naming the request, the field, a code and the reason.
 *
 * <p>Checks, in order, each rejecting with the first problem found: the request's identifiers (required, bounded:
 * {@code invalid}); the store ({@code metadata.store_id}) against the {@link StoreDirectory} ({@code unknown_store},
 * {@code store_not_allowed} for a channel restricted to other stores); the request's input with the same
 * {@link DraftValidation} limits as REST ({@code invalid}, naming the field); then the draft it names, looked up in
 * the request's store only ({@code draft_not_found}, whether or not another store has such a draft), and the
 * draft's own refusal (e.g. {@code already_completed}).
 */
@Configuration
public class DraftOrderRequestIntake {

    /** Longest store id echoed back in a rejection (a longer one is not a store id anyway). */
    private static final int MAX_ECHOED_STORE = 64;

    private final DraftOrderService drafts;
    private final Drafts draftType;
    private final MessageFactory messages;
    private final Clock clock;
    private final StoreDirectory directory;

    public DraftOrderRequestIntake(
            DraftOrderService drafts,
            Drafts draftType,
            MessageFactory messages,
            Clock clock,
            StoreDirectory directory) {
        this.drafts = drafts;
        this.draftType = draftType;
        this.messages = messages;
        this.clock = clock;
        this.directory = directory;
    }

    @Bean
    Subscription draftOrderRequests() {
        return Subscription.to(Topics.DRAFT_ORDER_REQUESTS)
                .on(
                        CreateDraftOrder.class,
                        m -> byReference(
                                m, m.payload().getChannel(), m.payload().getExternalReference()),
                        this::create)
                .on(
                        CompleteDraftOrder.class,
                        m -> named(
                                m,
                                m.payload().getDraftOrderId(),
                                m.payload().getChannel(),
                                m.payload().getExternalReference()),
                        this::complete)
                .on(
                        CancelDraftOrder.class,
                        m -> named(
                                m,
                                m.payload().getDraftOrderId(),
                                m.payload().getChannel(),
                                m.payload().getExternalReference()),
                        this::cancel);
    }

    /** The draft a channel's reference names, in the request's store; none when the reference is incomplete. */
    private Address<DraftOrder> byReference(IncomingMessage<?> message, String channel, String externalReference) {
        if (blank(channel) || blank(externalReference)) {
            return null;
        }
        return Address.by(
                draftType,
                Drafts.CHANNEL_REFERENCE,
                Drafts.channelReference(message.storeId(), channel, externalReference),
                message.storeId());
    }

    /** The draft a request names: by id, else by the channel's reference; none when it names neither. */
    private Address<DraftOrder> named(
            IncomingMessage<?> message, String draftOrderId, String channel, String externalReference) {
        return !blank(draftOrderId)
                ? drafts.byId(message.storeId(), draftOrderId)
                : byReference(message, channel, externalReference);
    }

    void create(Target<DraftOrder> target, IncomingMessage<CreateDraftOrder> message) {
        var request = message.payload();
        Request r = new Request(
                message,
                request.getRequestId(),
                request.getChannel(),
                request.getExternalReference(),
                null,
                "CreateDraftOrder");
        var customer = new DraftOrder.Customer(request.getEmail(), request.getPhone(), request.getCustomerId());
        var details = AvroMapping.detailsOf(request);
        DraftContent content = AvroMapping.fromAvro(request.getContent());
        Optional<RequestRejection> rejection = firstOf(
                () -> admit(r),
                () -> blank(r.externalReference())
                        ? Optional.of(RequestRejection.invalid("external_reference", "is required"))
                        : Optional.empty(),
                () -> invalid(
                        DraftValidation.validate(customer, content, request.getNote(), request.getTags(), details)));
        if (rejection.isPresent()) {
            reject(target, r, rejection.get());
            return;
        }
        if (target.taken()) {
            return; // the channel's reference has its draft already: the same request again, or another for it
        }
        DraftOrder draft = drafts.newDraft(
                message.storeId(),
                request.getChannel(),
                request.getExternalReference(),
                new NewDraft(
                        customer,
                        content,
                        request.getNote(),
                        request.getTags(),
                        details,
                        request.getNoNotificationOrder()));
        target.create(draft);
        target.markProcessed(r.key());
    }

    void complete(Target<DraftOrder> target, IncomingMessage<CompleteDraftOrder> message) {
        var request = message.payload();
        Request r = new Request(
                message,
                request.getRequestId(),
                request.getChannel(),
                request.getExternalReference(),
                request.getDraftOrderId(),
                "CompleteDraftOrder");
        PaymentTerms terms = AvroMapping.fromAvro(request.getPaymentTerms());
        onDraft(
                target,
                r,
                DraftValidation.validateCompletion(request.getPaymentGateway(), terms, clock.instant()),
                draft -> draft.completeWhenReady(
                        request.getPaymentPending(), request.getPaymentGateway(), terms, clock.instant()));
    }

    void cancel(Target<DraftOrder> target, IncomingMessage<CancelDraftOrder> message) {
        var request = message.payload();
        Request r = new Request(
                message,
                request.getRequestId(),
                request.getChannel(),
                request.getExternalReference(),
                request.getDraftOrderId(),
                "CancelDraftOrder");
        onDraft(
                target,
                r,
                DraftValidation.validateCancellation(request.getReason()),
                draft -> draft.cancel(request.getReason(), clock.instant()));
    }

    /**
     * A request acting on an existing draft of the request's store, named by id or by the channel's reference; the
     * same request (channel and request id) acts once.
     */
    private void onDraft(
            Target<DraftOrder> target,
            Request r,
            List<DraftValidation.Violation> inputViolations,
            Function<DraftOrder, Optional<Refusal>> change) {
        Optional<RequestRejection> rejection = firstOf(
                () -> admit(r),
                () -> invalid(inputViolations),
                () -> blank(r.draftOrderId()) && blank(r.externalReference())
                        ? Optional.of(RequestRejection.invalid("draft_order_id", "or external_reference is required"))
                        : Optional.empty());
        if (rejection.isPresent()) {
            reject(target, r, rejection.get());
            return;
        }
        if (target.current().filter(d -> !d.isDeleted()).isEmpty()) {
            reject(
                    target,
                    r,
                    RequestRejection.draftNotFound(blank(r.draftOrderId()) ? "external_reference" : "draft_order_id"));
            return;
        }
        if (target.hasProcessed(r.key())) {
            return;
        }
        var outcome = drafts.decide(target, false, change).orElseThrow();
        if (outcome.refusal().isPresent()) {
            reject(target, r, RequestRejection.refused(outcome.refusal().get()));
        }
        if (outcome.changed() || outcome.refusal().isPresent()) {
            target.markProcessed(r.key());
        }
    }

    /** The request's identifiers are valid, and its channel may write for its store. */
    private Optional<RequestRejection> admit(Request r) {
        return firstOf(
                () -> invalid(DraftValidation.validateRequest(
                        r.requestId(), r.channel(), r.externalReference(), r.draftOrderId())),
                () -> directory.admit(r.message().storeId(), r.channel()));
    }

    @SafeVarargs
    private static Optional<RequestRejection> firstOf(Supplier<Optional<RequestRejection>>... checks) {
        return Stream.of(checks).map(Supplier::get).flatMap(Optional::stream).findFirst();
    }

    private static Optional<RequestRejection> invalid(List<DraftValidation.Violation> violations) {
        return violations.stream().findFirst().map(RequestRejection::invalid);
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

    /**
     * Publishes {@code DraftOrderRequestRejected} once per request (store, channel, request id): in the draft's outbox
     * when there is a draft, else from a receipt under the rejection's id. Identifiers are echoed back clipped to their
     * limits, so that an over-long input never makes an over-long event or document id.
     */
    private void reject(Target<DraftOrder> target, Request r, RequestRejection rejection) {
        String storeId = clip(r.message().storeId(), MAX_ECHOED_STORE);
        String requestId = clip(r.requestId(), DraftValidation.MAX_REFERENCE);
        String channel = clip(r.channel(), DraftValidation.MAX_CHANNEL);
        String externalReference = clip(r.externalReference(), DraftValidation.MAX_REFERENCE);
        String draftOrderId = clip(r.draftOrderId(), DraftValidation.MAX_KEY);
        String id = rejectionId(storeId + ":" + r.channel() + ":"
                + (blank(r.requestId()) ? r.message().eventId() : r.requestId()));
        String key = draftOrderId != null ? draftOrderId : channel + ":" + externalReference;
        target.send(
                id,
                messages.create(
                        Topics.DRAFT_ORDER_EVENTS,
                        key,
                        storeId,
                        key,
                        0,
                        Correlation.of(r.message()),
                        DraftOrderRequestRejected.newBuilder()
                                .setRequestId(requestId == null ? "" : requestId)
                                .setChannel(channel)
                                .setExternalReference(externalReference)
                                .setDraftOrderId(draftOrderId)
                                .setRequestType(r.type())
                                .setField(rejection.field())
                                .setReason(rejection.message())
                                .setCode(rejection.code())
                                .build()));
    }

    /** The id of a rejection: readable when short, a digest when the request's identifiers are long. */
    private static String rejectionId(String natural) {
        if (natural.length() <= 200) {
            return natural;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(natural.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
