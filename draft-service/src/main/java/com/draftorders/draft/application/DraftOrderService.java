package com.draftorders.draft.application;

import com.draftorders.draft.domain.DraftContent;
import com.draftorders.draft.domain.DraftOrder;
import com.draftorders.draft.domain.PaymentTerms;
import com.draftorders.draft.domain.Refusal;
import com.draftorders.draft.messaging.DraftMessages;
import com.draftorders.draft.persistence.DraftNumbers;
import com.draftorders.draft.persistence.DraftOrderDocument;
import com.draftorders.draft.persistence.DraftOrderStore;
import com.draftorders.draft.persistence.DraftOrderStore.Loaded;
import com.draftorders.messaging.Ids;
import com.draftorders.messaging.MessageFactory.Correlation;
import com.draftorders.messaging.OutboxWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
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
    private final Clock clock;

    public DraftOrderService(
            DraftOrderStore store, DraftNumbers numbers, DraftMessages messages, OutboxWriter writer, Clock clock) {
        this.store = store;
        this.numbers = numbers;
        this.messages = messages;
        this.writer = writer;
        this.clock = clock;
    }

    /** The content of a new draft, validated by the caller. */
    public record NewDraft(
            DraftOrder.Customer customer,
            DraftContent content,
            String note,
            List<String> tags,
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
                input.noNotificationOrder(),
                clock.instant());
        DraftOrderDocument document = store.newDocument(draft);
        if (requestKey != null) {
            document.markProcessed(requestKey);
        }
        write(document, draft, cause);
        return draft;
    }

    /** The outcome of a request to change a draft: the draft as it is now, or why it was refused. */
    public record Outcome(DraftOrder draft, Optional<Refusal> refusal) {}

    public Optional<Outcome> complete(
            String storeId, String id, boolean paymentPending, String gateway, PaymentTerms terms) {
        return change(
                storeId,
                id,
                newFlow(),
                null,
                (draft, doc) -> draft.complete(paymentPending, gateway, terms, clock.instant()));
    }

    public Optional<Outcome> cancel(String storeId, String id, String reason) {
        return change(storeId, id, newFlow(), null, (draft, doc) -> draft.cancel(reason, clock.instant()));
    }

    /**
     * Applies {@code decision} to a draft of {@code storeId}, at most once per {@code messageId} (null: no dedupe),
     * retrying on concurrent writes. Empty when there is no such draft; a duplicate message changes nothing.
     */
    public Optional<Outcome> change(
            String storeId,
            String id,
            Correlation cause,
            String messageId,
            BiFunction<DraftOrder, DraftOrderDocument, Optional<Refusal>> decision) {
        for (int attempt = 1; ; attempt++) {
            Optional<Loaded> loaded = storeId == null ? store.find(id) : store.find(storeId, id);
            if (loaded.isEmpty()) {
                return Optional.empty();
            }
            DraftOrder draft = loaded.get().draft();
            DraftOrderDocument document = loaded.get().document();
            if (messageId != null && document.hasProcessed(messageId)) {
                return Optional.of(new Outcome(draft, Optional.empty()));
            }
            Optional<Refusal> refusal = decision.apply(draft, document);
            if (messageId != null) {
                document.markProcessed(messageId);
            }
            try {
                write(document, draft, cause);
                return Optional.of(new Outcome(draft, refusal));
            } catch (OptimisticLockingFailureException conflict) {
                if (attempt == ATTEMPTS) {
                    throw conflict;
                }
                log.debug("draft {} changed concurrently, retrying ({})", id, attempt);
            }
        }
    }

    private void write(DraftOrderDocument document, DraftOrder draft, Correlation cause) {
        var events = draft.pullEvents();
        messages.messagesFor(draft, events, document.getLockedCart(), cause).forEach(document::enqueue);
        store.update(document, draft);
        writer.save(document);
    }

    public Optional<DraftOrder> find(String storeId, String id) {
        return store.find(storeId, id).map(Loaded::draft);
    }

    public Optional<DraftOrder> findByChannelReference(String storeId, String channel, String externalReference) {
        return store.findByChannelReference(storeId, channel, externalReference).map(Loaded::draft);
    }

    /** A new business flow (a REST call): its messages share a fresh correlation id. */
    public static Correlation newFlow() {
        return new Correlation(Ids.next("corr"), null);
    }
}
