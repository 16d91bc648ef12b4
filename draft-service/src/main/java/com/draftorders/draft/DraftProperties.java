package com.draftorders.draft;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * draft-service settings ({@code draftorders.drafts.*}).
 *
 * @param defaultCurrency the shop currency of a store not in {@code shopCurrencies}: the currency of a REST draft
 *     whose request names none (an explicit {@code "currency": null} is refused)
 * @param shopCurrencies per store id, its shop currency (an active ISO 4217 code in upper case)
 * @param saga deadlines of the completion saga
 * @param invoice signed invoice links
 * @param idempotency {@code Idempotency-Key} handling of the REST API
 * @param cartServiceUrl base URL of cart-service's REST API; {@code POST /draft-orders/calculate} asks its
 *     {@code POST /carts/calculate} (the embedded stack passes the cart-service it runs)
 * @param stores the store directory: which stores draft-service serves, and which stores each channel may write for
 */
@ConfigurationProperties("draftorders.drafts")
public record DraftProperties(
        @DefaultValue("USD") String defaultCurrency,
        @DefaultValue Saga saga,
        @DefaultValue Invoice invoice,
        @DefaultValue Idempotency idempotency,
        @DefaultValue("http://127.0.0.1:8082") URI cartServiceUrl,
        @DefaultValue Stores stores,
        Map<String, String> shopCurrencies) {

    public DraftProperties {
        shopCurrencies = shopCurrencies == null ? Map.of() : Map.copyOf(shopCurrencies);
        for (var entry : shopCurrencies.entrySet()) {
            if (!com.draftorders.schemas.InputRules.isCurrency(entry.getValue())) {
                throw new IllegalArgumentException("draftorders.drafts.shop-currencies." + entry.getKey() + ": "
                        + entry.getValue() + " " + com.draftorders.schemas.InputRules.CURRENCY_RULE);
            }
        }
    }

    /** The shop currency of {@code store}: what a draft is in when its request names no currency. */
    public String shopCurrency(String store) {
        return shopCurrencies.getOrDefault(store, defaultCurrency);
    }

    /**
     * The store directory. A Kafka request whose {@code metadata.store_id} is not known is rejected
     * ({@code DraftOrderRequestRejected}, code {@code unknown_store}), and so is a REST call whose token names such a
     * store (403 {@code unknown_store}).
     *
     * @param known store ids served; an entry ending in {@code *} is a prefix ({@code test-*}), {@code *} alone
     *     admits every store (development and tests only)
     * @param channels per upstream channel (the requests' {@code channel}), the stores it may write for (same
     *     entries as {@code known}); a request of a listed channel for another store is rejected with
     *     {@code store_not_allowed}. A channel not listed may write for every known store
     */
    public record Stores(@DefaultValue("dev") List<String> known, Map<String, List<String>> channels) {

        public Stores {
            known = known == null ? List.of() : List.copyOf(known);
            channels = channels == null ? Map.of() : Map.copyOf(channels);
        }
    }

    /**
     * @param stepTimeout how long a saga step may wait for its reply before its command is sent again
     * @param maxTries sends of a step before the attempt is compensated (creating the order, the pivot, is retried
     *     without limit)
     * @param checkInterval how often overdue steps are looked for (among the completions in flight this instance
     *     knows of: no query)
     * @param rescanInterval how often the store is asked for every completing draft, for completions this instance
     *     cannot know of (another instance's that stopped); also once at start
     */
    public record Saga(
            @DefaultValue("15s") Duration stepTimeout,
            @DefaultValue("4") int maxTries,
            @DefaultValue("1s") Duration checkInterval,
            @DefaultValue("5m") Duration rescanInterval) {}

    /**
     * @param baseUrl where customers reach the public invoice view; invoice links are
     *     {@code <baseUrl>/invoices/<draft id>?token=...}
     * @param secret the HMAC-SHA256 key that signs invoice tokens (at least 32 characters). When unset a random key
     *     is generated at startup (with a warning): links then stop working when the service restarts, and several
     *     instances do not accept each other's links — set it in production
     * @param lifetime how long an invoice link stays valid
     */
    public record Invoice(
            @DefaultValue("http://127.0.0.1:8081") String baseUrl,
            String secret,
            @DefaultValue("30d") Duration lifetime) {}

    /**
     * @param retention how long a key is remembered after its first use (then it may be used again); removed by a
     *     periodic cleanup, no TTL index
     * @param leaseTime how long a request may hold its key while running; a key held longer is assumed abandoned by
     *     a crashed request and may be taken over by a retry
     * @param cleanupInterval how often expired keys are removed
     */
    public record Idempotency(
            @DefaultValue("24h") Duration retention,
            @DefaultValue("60s") Duration leaseTime,
            @DefaultValue("1h") Duration cleanupInterval) {}
}
