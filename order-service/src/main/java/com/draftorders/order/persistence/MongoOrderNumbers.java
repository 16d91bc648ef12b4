package com.draftorders.order.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.draftorders.order.OrderProperties;
import com.draftorders.order.domain.OrderNumbers;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Order numbers from one counter document per store, incremented atomically ({@code findAndModify}, {@code $inc},
 * upsert): safe with any number of instances. A number taken by a creation that then fails or crashes stays unused;
 * it is never handed out twice.
 */
@Component
public class MongoOrderNumbers implements OrderNumbers {

    /** Two instances upserting a store's very first counter at once: one insert loses with a duplicate key. */
    private static final int ATTEMPTS = 3;

    private final MongoTemplate mongo;
    private final long firstOrderNumber;

    public MongoOrderNumbers(MongoTemplate mongo, OrderProperties properties) {
        this.mongo = mongo;
        this.firstOrderNumber = properties.firstOrderNumber();
    }

    @Override
    public long next(String storeId) {
        for (int attempt = 1; ; attempt++) {
            try {
                OrderCounterDocument counter = mongo.findAndModify(
                        query(where("_id").is(storeId)),
                        new Update().inc("seq", 1L),
                        FindAndModifyOptions.options().upsert(true).returnNew(true),
                        OrderCounterDocument.class);
                if (counter == null) {
                    throw new IllegalStateException("no order counter returned for store " + storeId);
                }
                return firstOrderNumber - 1 + counter.getSeq();
            } catch (DuplicateKeyException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
