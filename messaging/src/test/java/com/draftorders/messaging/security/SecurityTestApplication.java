package com.draftorders.messaging.security;

import com.draftorders.messaging.web.ApiExceptionHandler;
import com.draftorders.messaging.web.StoreId;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A tiny service with routes shaped like the real ones, and only the web and security auto-configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration(
        excludeName = {
            "com.draftorders.messaging.MessagingAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.metrics.MongoMetricsAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveRepositoriesAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration"
        })
class SecurityTestApplication {

    @Bean
    ApiExceptionHandler apiExceptionHandler() {
        return new ApiExceptionHandler();
    }

    /** Registered as a member class of this configuration. */
    @RestController
    static class Routes {

        @GetMapping("/draft-orders")
        Map<String, String> drafts(StoreId store) {
            return Map.of("store", store.value());
        }

        @PostMapping("/draft-orders")
        Map<String, Object> create(StoreId store, @RequestBody Map<String, Object> body) {
            return Map.of("store", store.value(), "fields", body.size());
        }

        @GetMapping("/orders/{id}")
        Map<String, String> order(StoreId store, @PathVariable String id) {
            return Map.of("store", store.value(), "id", id);
        }

        @GetMapping("/invoices/{id}")
        Map<String, String> invoice(@PathVariable String id) {
            return Map.of("invoice", id);
        }
    }
}
