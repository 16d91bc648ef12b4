package com.draftorders.order.persistence;

import com.draftorders.messaging.work.Sequences;
import com.draftorders.order.OrderProperties;
import com.draftorders.order.domain.OrderNumbers;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Order numbers per store from {@link Sequences}: one counter document per store in {@value #COLLECTION} (id: the
 * store id; {@code seq}: the store's last sequence reserved), offset so that a store's first order gets the configured
 * first order number. Safe with any number of instances; each reserves numbers in blocks of up to
 * {@link OrderProperties#orderNumberBlock()} under load, so numbers a crashed instance had reserved stay unused.
 */
@Component
public class SequencedOrderNumbers implements OrderNumbers {

    public static final String COLLECTION = "order_counters";

    private final Sequences sequences;
    private final long firstOrderNumber;

    @Autowired
    public SequencedOrderNumbers(MongoTemplate mongo, OrderProperties properties) {
        this(mongo.getDb(), properties);
    }

    public SequencedOrderNumbers(MongoDatabase database, OrderProperties properties) {
        this.sequences = new Sequences(database, COLLECTION, properties.orderNumberBlock());
        this.firstOrderNumber = properties.firstOrderNumber();
    }

    @Override
    public long next(String storeId) {
        return firstOrderNumber - 1 + sequences.next(storeId);
    }
}
