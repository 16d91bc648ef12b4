package com.draftorders.order;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * order-service settings ({@code draftorders.order.*}). How often a change is tried again when other writers changed
 * the same order is the unit of work's ({@code draftorders.messaging.write-attempts}).
 *
 * @param firstOrderNumber the number of a store's first order ({@code 1001} makes it {@code #1001})
 * @param orderNumberBlock the most order numbers an instance reserves with one counter write while orders come in
 *     fast (one at a time while they come in slowly); numbers a stopped or crashed instance had reserved stay unused
 */
@ConfigurationProperties("draftorders.order")
public record OrderProperties(
        @DefaultValue("1001") long firstOrderNumber,
        @DefaultValue("100") int orderNumberBlock) {

    public OrderProperties {
        if (firstOrderNumber < 1) {
            throw new IllegalArgumentException("draftorders.order.first-order-number must be at least 1");
        }
        if (orderNumberBlock < 1) {
            throw new IllegalArgumentException("draftorders.order.order-number-block must be at least 1");
        }
    }
}
