package com.draftorders.draft.persistence;

import com.draftorders.draft.domain.DraftOrder;
import java.util.Optional;
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

    public Optional<Loaded> find(String id) {
        return Optional.ofNullable(mongo.findById(id, DraftOrderDocument.class)).map(DraftOrderStore::loaded);
    }

    /** A draft of {@code storeId}; another store's draft is "not found". */
    public Optional<Loaded> find(String storeId, String id) {
        return find(id).filter(l -> l.draft().storeId().equals(storeId));
    }

    public Optional<Loaded> findByChannelReference(String storeId, String channel, String externalReference) {
        var query = Query.query(Criteria.where("channelReference")
                .is(DraftOrderDocument.channelReference(storeId, channel, externalReference)));
        return Optional.ofNullable(mongo.findOne(query, DraftOrderDocument.class))
                .map(DraftOrderStore::loaded);
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
