package com.draftorders.draft.persistence;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Display numbers per store: {@code #D1001}, {@code #D1002}, ... An atomic {@code $inc} on one counter document per
 * store, safe with several instances. A crash after taking a number skips it; numbers are never reused.
 */
@Component
public class DraftNumbers {

    private static final long FIRST = 1001;
    private final MongoTemplate mongo;

    public DraftNumbers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public String next(String storeId) {
        Document counter = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(storeId)),
                new Update().inc("seq", 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class,
                "draft_counters");
        long seq = ((Number) counter.get("seq")).longValue();
        return "#D" + (FIRST - 1 + seq);
    }
}
