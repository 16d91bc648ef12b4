package com.draftorders.messaging.work;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;

/** Creates the indexes of every {@link AggregateType} once the application context is ready (idempotent). */
public final class AggregateIndexes implements SmartInitializingSingleton {

    private final MongoDatabase database;
    private final List<AggregateType<?>> aggregates;

    public AggregateIndexes(MongoDatabase database, List<AggregateType<?>> aggregates) {
        this.database = database;
        this.aggregates = List.copyOf(aggregates);
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (AggregateType<?> type : aggregates) {
            if (!type.indexes().isEmpty()) {
                database.getCollection(type.collection()).createIndexes(type.indexes());
            }
        }
    }
}
