package com.draftorders.draft;

import com.draftorders.draft.domain.StoreDirectory;
import com.draftorders.messaging.web.KnownStores;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The store directory from {@code draftorders.drafts.stores}, for the Kafka intake and for REST. */
@Configuration(proxyBeanMethods = false)
class StoreDirectoryConfiguration {

    @Bean
    StoreDirectory storeDirectory(DraftProperties properties) {
        var stores = properties.stores();
        return new StoreDirectory(stores.known(), stores.channels());
    }

    /** REST: a token for a store that is not in the directory is refused with 403 {@code unknown_store}. */
    @Bean
    KnownStores knownStores(StoreDirectory directory) {
        return directory::isKnown;
    }
}
