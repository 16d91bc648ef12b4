package com.draftorders.draft.persistence;

import com.draftorders.draft.domain.DraftOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Loads drafts with their documents; saving goes through the outbox writer. */
@Component
public class DraftOrderStore {

    private final MongoTemplate mongo;

    public DraftOrderStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A draft and the document it lives in. */
    public record Loaded(DraftOrderDocument document, DraftOrder draft) {}

    /** A draft by id, of any store, deleted or not (for the saga's own bookkeeping). */
    public Optional<Loaded> find(String id) {
        return Optional.ofNullable(mongo.findById(id, DraftOrderDocument.class)).map(DraftOrderStore::loaded);
    }

    /** A draft of {@code storeId}; another store's draft and a deleted draft are "not found". */
    public Optional<Loaded> find(String storeId, String id) {
        return findIncludingDeleted(storeId, id).filter(l -> !l.draft().isDeleted());
    }

    /** A draft of {@code storeId}, also when it was deleted (deleting again is a no-op). */
    public Optional<Loaded> findIncludingDeleted(String storeId, String id) {
        return find(id).filter(l -> l.draft().storeId().equals(storeId));
    }

    /** The draft a channel created for its reference, also when it was deleted. */
    public Optional<Loaded> findByChannelReference(String storeId, String channel, String externalReference) {
        var query = Query.query(Criteria.where("channelReference")
                .is(DraftOrderDocument.channelReference(storeId, channel, externalReference)));
        return Optional.ofNullable(mongo.findOne(query, DraftOrderDocument.class))
                .map(DraftOrderStore::loaded);
    }

    /**
     * A page of the store's drafts (never deleted ones), up to {@code search.limit() + 1} so the caller can tell
     * whether another page follows.
     */
    public List<Loaded> search(DraftSearch search) {
        List<Criteria> criteria = new ArrayList<>();
        criteria.add(Criteria.where("storeId").is(search.storeId()));
        criteria.add(Criteria.where("deleted").ne(true));
        if (!search.statuses().isEmpty()) {
            criteria.add(Criteria.where("status").in(search.statuses()));
        }
        if (search.tag() != null) {
            criteria.add(Criteria.where("tagsLower").is(DraftOrderDocument.lower(search.tag())));
        }
        if (search.email() != null) {
            criteria.add(Criteria.where("emailLower").is(DraftOrderDocument.lower(search.email())));
        }
        range(criteria, "createdAt", search.createdAtMin(), search.createdAtMax());
        range(criteria, "updatedAt", search.updatedAtMin(), search.updatedAtMax());
        if (search.text() != null) {
            String pattern = ".*" + literal(DraftOrderDocument.lower(search.text())) + ".*";
            criteria.add(new Criteria()
                    .orOperator(
                            Criteria.where("nameLower").regex(pattern),
                            Criteria.where("emailLower").regex(pattern)));
        }
        String field = search.sort().field;
        if (search.after() != null) {
            var after = search.after();
            criteria.add(new Criteria()
                    .orOperator(
                            search.ascending()
                                    ? Criteria.where(field).gt(after.value())
                                    : Criteria.where(field).lt(after.value()),
                            new Criteria()
                                    .andOperator(
                                            Criteria.where(field).is(after.value()),
                                            search.ascending()
                                                    ? Criteria.where("_id").gt(after.id())
                                                    : Criteria.where("_id").lt(after.id()))));
        }
        Sort.Direction direction = search.ascending() ? Sort.Direction.ASC : Sort.Direction.DESC;
        var query = Query.query(new Criteria().andOperator(criteria))
                .with(Sort.by(direction, field, "_id"))
                .limit(search.limit() + 1);
        return mongo.find(query, DraftOrderDocument.class).stream()
                .map(DraftOrderStore::loaded)
                .toList();
    }

    private static void range(List<Criteria> criteria, String field, java.time.Instant min, java.time.Instant max) {
        if (min != null) {
            criteria.add(Criteria.where(field).gte(min));
        }
        if (max != null) {
            criteria.add(Criteria.where(field).lte(max));
        }
    }

    /** The text as a regular expression matching exactly it (every non-alphanumeric character escaped). */
    static String literal(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (!Character.isLetterOrDigit(c) && c != ' ') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Ids of drafts whose completion step was (last) sent before {@code before}. */
    public java.util.List<String> findCompletingWithStepStartedBefore(java.time.Instant before, int limit) {
        var query = Query.query(Criteria.where("status")
                        .is("COMPLETING")
                        .and("draft.completion.stepStartedAt")
                        .lt(before))
                .limit(limit);
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, "draft_orders").stream()
                .map(d -> d.getString("_id"))
                .toList();
    }

    /** Copies the draft's state into its document before the write. */
    public void update(DraftOrderDocument document, DraftOrder draft) {
        document.update(draft.state());
    }

    public DraftOrderDocument newDocument(DraftOrder draft) {
        return new DraftOrderDocument(draft.state());
    }

    private static Loaded loaded(DraftOrderDocument document) {
        return new Loaded(document, DraftOrder.restore(document.getDraft()));
    }
}
