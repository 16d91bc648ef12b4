package com.draftorders.draft.application;

import com.draftorders.draft.domain.DraftContent;
import com.draftorders.draft.domain.DraftDetails;
import com.draftorders.draft.domain.DraftOrder;
import com.draftorders.draft.domain.DraftOrderEvent;
import com.draftorders.draft.domain.Invoice;
import com.draftorders.draft.domain.PaymentTerms;
import com.draftorders.draft.domain.Refusal;
import com.draftorders.draft.messaging.DraftMessages;
import com.draftorders.draft.metrics.SagaMetrics;
import com.draftorders.draft.persistence.DraftNumbers;
import com.draftorders.draft.persistence.DraftOrderDocument;
import com.draftorders.draft.persistence.DraftOrderStore;
import com.draftorders.draft.persistence.DraftOrderStore.Loaded;
import com.draftorders.draft.persistence.DraftSearch;
import com.draftorders.messaging.Ids;
import com.draftorders.messaging.MessageFactory.Correlation;
import com.draftorders.messaging.OutboxWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * The draft use cases. Each loads the draft, lets the aggregate decide, and writes the new state together with the
 * messages it caused and the id of the message that caused it, in one atomic write; a concurrent writer makes the
 * write fail and the use case runs again on fresh state.
 */
@Service
public class DraftOrderService {

    private static final Logger log = LoggerFactory.getLogger(DraftOrderService.class);
    private static final int ATTEMPTS = 8;

    private final DraftOrderStore store;
    private final DraftNumbers numbers;
    private final DraftMessages messages;
    private final OutboxWriter writer;
    private final InvoiceLinks invoiceLinks;
    private final SagaMetrics sagaMetrics;
    private final Clock clock;

    public DraftOrderService(
            DraftOrderStore store,
            DraftNumbers numbers,
            DraftMessages messages,
            OutboxWriter writer,
            InvoiceLinks invoiceLinks,
            SagaMetrics sagaMetrics,
            Clock clock) {
        this.store = store;
        this.numbers = numbers;
        this.messages = messages;
        this.writer = writer;
        this.invoiceLinks = invoiceLinks;
        this.sagaMetrics = sagaMetrics;
        this.clock = clock;
    }

    /** The content of a new draft, validated by the caller. */
    public record NewDraft(
            DraftOrder.Customer customer,
            DraftContent content,
            String note,
            List<String> tags,
            DraftDetails details,
            boolean noNotificationOrder) {}

    /** Creates a draft from REST; it becomes ready once its cart has calculated. */
    public DraftOrder create(String storeId, NewDraft input) {
        return insert(storeId, null, null, input, newFlow(), null);
    }

    /**
     * Creates a draft for an upstream channel, once per {@code external_reference}: a re-sent request returns the
     * draft the first one made.
     */
    public DraftOrder createForChannel(
            String storeId,
            String channel,
            String externalReference,
            NewDraft input,
            Correlation cause,
            String requestKey) {
        Optional<Loaded> existing = store.findByChannelReference(storeId, channel, externalReference);
        if (existing.isPresent()) {
            return existing.get().draft();
        }
        try {
            return insert(storeId, channel, externalReference, input, cause, requestKey);
        } catch (DuplicateKeyException raced) {
            return store.findByChannelReference(storeId, channel, externalReference)
                    .orElseThrow()
                    .draft();
        }
    }

    private DraftOrder insert(
            String storeId,
            String channel,
            String externalReference,
            NewDraft input,
            Correlation cause,
            String requestKey) {
        DraftOrder draft = DraftOrder.create(
                Ids.next("dorder"),
                storeId,
                numbers.next(storeId),
                Ids.next("cart"),
                channel,
                externalReference,
                input.customer(),
                input.content(),
                input.note(),
                input.tags(),
                input.details(),
                input.noNotificationOrder(),
                now());
        DraftOrderDocument document = store.newDocument(draft);
        if (requestKey != null) {
            document.markProcessed(requestKey);
        }
        write(document, draft, cause);
        return draft;
    }

    /**
     * A new open draft with the content, customer, note, tags and details of draft {@code id} (any status), with a
     * new id, number and cart. Empty when there is no such draft.
     */
    public Optional<DraftOrder> duplicate(String storeId, String id) {
        return store.find(storeId, id).map(loaded -> {
            DraftOrder copy = loaded.draft()
                    .duplicate(
                            Ids.next("dorder"), numbers.next(storeId), Ids.next("cart"), () -> Ids.next("li"), now());
            write(store.newDocument(copy), copy, newFlow());
            return copy;
        });
    }

    /**
     * The outcome of a request to change a draft: the draft as it is now, why it was refused, and whether the
     * request changed it.
     */
    public record Outcome(DraftOrder draft, Optional<Refusal> refusal, boolean changed) {}

    public Optional<Outcome> complete(
            String storeId, String id, boolean paymentPending, String gateway, PaymentTerms terms) {
        return change(
                storeId, id, newFlow(), null, (draft, doc) -> draft.complete(paymentPending, gateway, terms, now()));
    }

    public Optional<Outcome> cancel(String storeId, String id, String reason) {
        return change(storeId, id, newFlow(), null, (draft, doc) -> draft.cancel(reason, now()));
    }

    /**
     * Edits a draft: {@code edit} merges the request into the draft as it is at the time of the write (run again
     * when a concurrent write intervenes), so no concurrent change is lost. {@code expectedVersion} (If-Match) null
     * means any version.
     */
    public Optional<Outcome> update(
            String storeId, String id, Long expectedVersion, Function<DraftOrder, DraftOrder.Edit> edit) {
        return change(
                storeId, id, newFlow(), null, (draft, doc) -> draft.update(expectedVersion, edit.apply(draft), now()));
    }

    public Optional<Outcome> addTags(String storeId, String id, List<String> tags) {
        return change(storeId, id, newFlow(), null, (draft, doc) -> draft.addTags(tags, now()));
    }

    public Optional<Outcome> removeTags(String storeId, String id, List<String> tags) {
        return change(storeId, id, newFlow(), null, (draft, doc) -> draft.removeTags(tags, now()));
    }

    /** Sends the invoice with a freshly signed link; {@code invoice.url()} is ignored. */
    public Optional<Outcome> sendInvoice(String storeId, String id, Invoice invoice) {
        return change(storeId, id, newFlow(), null, (draft, doc) -> {
            var link = invoiceLinks.linkFor(storeId, id, now());
            var signed =
                    new Invoice(invoice.to(), invoice.from(), invoice.subject(), invoice.customMessage(), link.url());
            return draft.sendInvoice(signed, now());
        });
    }

    /** What deleting found. */
    public enum Deletion {
        /** Deleted now. */
        DELETED,
        /** There is no such draft, or it was deleted before. */
        GONE,
        /** The draft cannot be deleted (completing or completed). */
        REFUSED
    }

    /** The result of a deletion, with the reason when it was refused. */
    public record DeleteResult(Deletion deletion, Optional<Refusal> refusal) {}

    public DeleteResult delete(String storeId, String id) {
        Optional<Outcome> outcome = change(
                storeId,
                id,
                newFlow(),
                null,
                true,
                (draft, doc) -> draft.isDeleted() ? Optional.empty() : draft.delete(now()));
        if (outcome.isEmpty()) {
            return new DeleteResult(Deletion.GONE, Optional.empty());
        }
        if (outcome.get().refusal().isPresent()) {
            return new DeleteResult(Deletion.REFUSED, outcome.get().refusal());
        }
        return new DeleteResult(outcome.get().changed() ? Deletion.DELETED : Deletion.GONE, Optional.empty());
    }

    /**
     * Applies {@code decision} to a draft of {@code storeId}, at most once per {@code messageId} (null: no dedupe),
     * retrying on concurrent writes. Empty when there is no such draft (or it was deleted); a duplicate message
     * changes nothing.
     */
    public Optional<Outcome> change(
            String storeId,
            String id,
            Correlation cause,
            String messageId,
            BiFunction<DraftOrder, DraftOrderDocument, Optional<Refusal>> decision) {
        return change(storeId, id, cause, messageId, false, decision);
    }

    private Optional<Outcome> change(
            String storeId,
            String id,
            Correlation cause,
            String messageId,
            boolean includeDeleted,
            BiFunction<DraftOrder, DraftOrderDocument, Optional<Refusal>> decision) {
        for (int attempt = 1; ; attempt++) {
            Optional<Loaded> loaded = storeId == null
                    ? store.find(id)
                    : includeDeleted ? store.findIncludingDeleted(storeId, id) : store.find(storeId, id);
            if (loaded.isEmpty()) {
                return Optional.empty();
            }
            DraftOrder draft = loaded.get().draft();
            DraftOrderDocument document = loaded.get().document();
            if (messageId != null && document.hasProcessed(messageId)) {
                return Optional.of(new Outcome(draft, Optional.empty(), false));
            }
            long before = draft.version();
            var sagaBefore = SagaMetrics.Before.of(draft);
            Optional<Refusal> refusal = decision.apply(draft, document);
            boolean changed = draft.version() != before;
            if (messageId == null && !changed && !draft.hasPendingEvents()) {
                // Nothing to write: no state change, no message, no id to remember.
                return Optional.of(new Outcome(draft, refusal, false));
            }
            if (messageId != null) {
                document.markProcessed(messageId);
            }
            try {
                var events = write(document, draft, cause);
                sagaMetrics.changed(sagaBefore, draft, events, clock.instant());
                return Optional.of(new Outcome(draft, refusal, changed));
            } catch (OptimisticLockingFailureException conflict) {
                if (attempt == ATTEMPTS) {
                    throw conflict;
                }
                log.debug("draft {} changed concurrently, retrying ({})", id, attempt);
            }
        }
    }

    private List<DraftOrderEvent> write(DraftOrderDocument document, DraftOrder draft, Correlation cause) {
        var events = draft.pullEvents();
        messages.messagesFor(draft, events, document.getLockedCart(), cause).forEach(document::enqueue);
        store.update(document, draft);
        writer.save(document);
        return events;
    }

    public Optional<DraftOrder> find(String storeId, String id) {
        return store.find(storeId, id).map(Loaded::draft);
    }

    /** The draft a channel created for its reference, unless it was deleted. */
    public Optional<DraftOrder> findByChannelReference(String storeId, String channel, String externalReference) {
        return store.findByChannelReference(storeId, channel, externalReference)
                .map(Loaded::draft)
                .filter(d -> !d.isDeleted());
    }

    /** The draft an invoice link shows, when the link's token is valid and unexpired. */
    public Optional<DraftOrder> findByInvoiceToken(String id, String token) {
        return invoiceLinks.verify(id, token, now()).flatMap(storeId -> find(storeId, id));
    }

    /** Whether the invoice token is valid and unexpired for the draft (whether or not it still exists). */
    public boolean invoiceTokenValid(String id, String token) {
        return invoiceLinks.verify(id, token, now()).isPresent();
    }

    /** One page of a store's drafts, plus one more when there is a next page. */
    public List<DraftOrder> search(DraftSearch search) {
        return store.search(search).stream().map(Loaded::draft).toList();
    }

    /** Now, to the millisecond MongoDB keeps, so the times a write answers are the times a read shows. */
    private java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /** A new business flow (a REST call): its messages share a fresh correlation id. */
    public static Correlation newFlow() {
        return new Correlation(Ids.next("corr"), null);
    }
}
