package com.draftorders.draft.application;

import com.draftorders.draft.domain.DraftContent;
import com.draftorders.draft.domain.DraftDetails;
import com.draftorders.draft.domain.DraftOrder;
import com.draftorders.draft.domain.Invoice;
import com.draftorders.draft.domain.PaymentTerms;
import com.draftorders.draft.domain.Refusal;
import com.draftorders.draft.metrics.SagaMetrics;
import com.draftorders.draft.persistence.DraftQueries;
import com.draftorders.draft.persistence.DraftSearch;
import com.draftorders.draft.persistence.Drafts;
import com.draftorders.messaging.Ids;
import com.draftorders.messaging.MessageFactory.Correlation;
import com.draftorders.messaging.work.Address;
import com.draftorders.messaging.work.Sequences;
import com.draftorders.messaging.work.Target;
import com.draftorders.messaging.work.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * The draft use cases. Each finds the draft, lets the aggregate decide and leaves the rest — the versioned write of
 * the new state with the messages it caused, durably, retried on fresh state when another writer intervened — to the
 * {@link UnitOfWork}. Message handlers decide through {@link #decide} on the draft their message addresses.
 */
@Service
public class DraftOrderService {

    /** Display numbers start at {@code #D1001}. */
    private static final long FIRST_NUMBER = 1001;

    private final Drafts drafts;
    private final DraftQueries queries;
    private final UnitOfWork work;
    private final Sequences numbers;
    private final InvoiceLinks invoiceLinks;
    private final SagaMetrics sagaMetrics;
    private final Clock clock;

    public DraftOrderService(
            Drafts drafts,
            DraftQueries queries,
            UnitOfWork work,
            DraftNumbers numbers,
            InvoiceLinks invoiceLinks,
            SagaMetrics sagaMetrics,
            Clock clock) {
        this.drafts = drafts;
        this.queries = queries;
        this.work = work;
        this.numbers = numbers.sequences();
        this.invoiceLinks = invoiceLinks;
        this.sagaMetrics = sagaMetrics;
        this.clock = clock;
    }

    /** The draft numbers per store, from a counter document per store ({@code draft_counters}). */
    public record DraftNumbers(Sequences sequences) {}

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
        DraftOrder draft = newDraft(storeId, null, null, input);
        return work.execute(byId(storeId, draft.id()), newFlow(), target -> target.create(draft));
    }

    /** A new open draft, numbered, with new ids (for a channel: tied to its reference). */
    public DraftOrder newDraft(String storeId, String channel, String externalReference, NewDraft input) {
        return DraftOrder.create(
                Ids.next("dorder"),
                storeId,
                nextName(storeId),
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
    }

    private String nextName(String storeId) {
        return "#D" + (FIRST_NUMBER - 1 + numbers.next(storeId));
    }

    /**
     * A new open draft with the content, customer, note, tags and details of draft {@code id} (any status), with a
     * new id, number and cart. Empty when there is no such draft.
     */
    public Optional<DraftOrder> duplicate(String storeId, String id) {
        return find(storeId, id).map(source -> {
            DraftOrder copy = source.duplicate(
                    Ids.next("dorder"), nextName(storeId), Ids.next("cart"), () -> Ids.next("li"), now());
            return work.execute(byId(storeId, copy.id()), newFlow(), target -> target.create(copy));
        });
    }

    /**
     * The outcome of a request to change a draft: the draft as it is now, why it was refused, and whether the
     * request changed it.
     */
    public record Outcome(DraftOrder draft, Optional<Refusal> refusal, boolean changed) {}

    public Optional<Outcome> complete(
            String storeId, String id, boolean paymentPending, String gateway, PaymentTerms terms) {
        return change(storeId, id, newFlow(), draft -> draft.complete(paymentPending, gateway, terms, now()));
    }

    public Optional<Outcome> cancel(String storeId, String id, String reason) {
        return change(storeId, id, newFlow(), draft -> draft.cancel(reason, now()));
    }

    /**
     * Edits a draft: {@code edit} merges the request into the draft as it is at the time of the write (run again
     * when a concurrent write intervenes), so no concurrent change is lost. {@code expectedVersion} (If-Match) null
     * means any version.
     */
    public Optional<Outcome> update(
            String storeId, String id, Long expectedVersion, Function<DraftOrder, DraftOrder.Edit> edit) {
        return change(storeId, id, newFlow(), draft -> draft.update(expectedVersion, edit.apply(draft), now()));
    }

    /** Adds a merchant's comment to the draft's timeline (any status). */
    public Optional<Outcome> comment(String storeId, String id, String body) {
        return change(storeId, id, newFlow(), draft -> draft.addComment(body, now()));
    }

    public Optional<Outcome> addTags(String storeId, String id, List<String> tags) {
        return change(storeId, id, newFlow(), draft -> draft.addTags(tags, now()));
    }

    public Optional<Outcome> removeTags(String storeId, String id, List<String> tags) {
        return change(storeId, id, newFlow(), draft -> draft.removeTags(tags, now()));
    }

    /** Sends the invoice with a freshly signed link; {@code invoice.url()} is ignored. */
    public Optional<Outcome> sendInvoice(String storeId, String id, Invoice invoice) {
        return change(storeId, id, newFlow(), draft -> {
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
        return deleteEach(storeId, List.of(id)).get(0);
    }

    /** Deletes each of the drafts, in one unit of work (one durable write for all of them). */
    public List<DeleteResult> deleteEach(String storeId, List<String> ids) {
        return changeEach(storeId, ids, true, draft -> draft.isDeleted() ? Optional.empty() : draft.delete(now()))
                .stream()
                .map(DraftOrderService::deletion)
                .toList();
    }

    private static DeleteResult deletion(Optional<Outcome> outcome) {
        if (outcome.isEmpty()) {
            return new DeleteResult(Deletion.GONE, Optional.empty());
        }
        if (outcome.get().refusal().isPresent()) {
            return new DeleteResult(Deletion.REFUSED, outcome.get().refusal());
        }
        return new DeleteResult(outcome.get().changed() ? Deletion.DELETED : Deletion.GONE, Optional.empty());
    }

    /**
     * Applies {@code decision} to each of the drafts {@code ids} of {@code storeId}, in one unit of work: one load, one
     * durable write for all of them. Per id, in order: empty when there is no such draft (or it was deleted).
     */
    public List<Optional<Outcome>> changeEach(
            String storeId, List<String> ids, Function<DraftOrder, Optional<Refusal>> decision) {
        return changeEach(storeId, ids, false, decision);
    }

    @SuppressWarnings("unchecked")
    private List<Optional<Outcome>> changeEach(
            String storeId,
            List<String> ids,
            boolean includeDeleted,
            Function<DraftOrder, Optional<Refusal>> decision) {
        Correlation flow = newFlow();
        List<UnitOfWork.Work<?>> works = new ArrayList<>();
        for (String id : ids) {
            works.add(UnitOfWork.Work.of(byId(storeId, id), flow, target -> decide(target, includeDeleted, decision)));
        }
        List<Optional<Outcome>> outcomes = new ArrayList<>();
        for (UnitOfWork.Outcome outcome : work.run(works)) {
            if (outcome.failed()) {
                throw outcome.failure();
            }
            outcomes.add((Optional<Outcome>) outcome.value());
        }
        return outcomes;
    }

    /**
     * Applies {@code decision} to draft {@code id} of {@code storeId} (null: any store) now, durably. Empty when there
     * is no such draft (or it was deleted).
     */
    public Optional<Outcome> change(
            String storeId, String id, Correlation cause, Function<DraftOrder, Optional<Refusal>> decision) {
        return work.execute(byId(storeId, id), cause, target -> decide(target, false, decision));
    }

    /**
     * Applies {@code decision} to the draft at {@code target} (in a message handler or a use case): empty when there
     * is none (a deleted one counts as none unless {@code includeDeleted}). The saga metrics of the change are
     * recorded once it is written.
     */
    public Optional<Outcome> decide(
            Target<DraftOrder> target, boolean includeDeleted, Function<DraftOrder, Optional<Refusal>> decision) {
        Optional<DraftOrder> found = target.current().filter(d -> includeDeleted || !d.isDeleted());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DraftOrder draft = found.get();
        long before = draft.version();
        var sagaBefore = SagaMetrics.Before.of(draft);
        Optional<Refusal> refusal = decision.apply(draft);
        target.afterWrite(sagaMetrics.observation(sagaBefore, draft, draft.recordedEvents(), clock.instant()));
        return Optional.of(new Outcome(draft, refusal, draft.version() != before));
    }

    /** The address of a draft (a null store: any store). */
    public Address<DraftOrder> byId(String storeId, String id) {
        return Address.byId(drafts, id, storeId);
    }

    public Optional<DraftOrder> find(String storeId, String id) {
        return queries.find(storeId, id).filter(d -> !d.isDeleted());
    }

    /** The draft a channel created for its reference, unless it was deleted. */
    public Optional<DraftOrder> findByChannelReference(String storeId, String channel, String externalReference) {
        return queries.findByChannelReference(storeId, channel, externalReference)
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
        return queries.search(search);
    }

    /** Now, to the millisecond MongoDB keeps, so the times a write answers are the times a read shows. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A new business flow (a REST call): its messages share a fresh correlation id. */
    public static Correlation newFlow() {
        return new Correlation(Ids.next("corr"), null);
    }
}
