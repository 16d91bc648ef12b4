package com.draftorders.draft.persistence;

import com.draftorders.draft.application.DraftOrderService.DraftNumbers;
import com.draftorders.messaging.work.Sequences;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class DraftPersistenceConfiguration {

    /** Most draft numbers an instance reserves at once under load (a crash skips what it had not used). */
    private static final int NUMBER_BLOCK = 100;

    @Bean
    DraftNumbers draftNumbers(MongoTemplate mongo) {
        return new DraftNumbers(new Sequences(mongo.getDb(), "draft_counters", NUMBER_BLOCK));
    }
}
