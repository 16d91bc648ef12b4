package com.draftorders.order;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * order-service settings ({@code draftorders.order.*}).
 *
 * @param firstOrderNumber the number of a store's first order ({@code 1001} makes it {@code #1001})
 * @param saveAttempts how often a change is reloaded and applied again when another writer changed the same order
 *     first (optimistic locking) before the message is handed back to the consumer's retries
 */
@ConfigurationProperties("draftorders.order")
public record OrderProperties(
        @DefaultValue("1001") long firstOrderNumber,
        @DefaultValue("5") int saveAttempts) {

    public OrderProperties {
        if (firstOrderNumber < 1) {
            throw new IllegalArgumentException("draftorders.order.first-order-number must be at least 1");
        }
        if (saveAttempts < 1) {
            throw new IllegalArgumentException("draftorders.order.save-attempts must be at least 1");
        }
    }
}
