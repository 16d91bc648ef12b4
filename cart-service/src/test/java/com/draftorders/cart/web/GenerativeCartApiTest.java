package com.draftorders.cart.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.cart.persistence.Carts;
import com.draftorders.cart.persistence.DiscountCodeStore;
import com.draftorders.messaging.testing.GenerativeRest;
import com.draftorders.messaging.testing.GenerativeRest.Route;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 12's generative test of cart-service: the discount-code admin routes and the cart calculation get hundreds of
 * requests each derived from a valid one. No 5xx, every refusal problem+json, the store's discount codes and carts
 * unchanged after every refusal; it prints the counts.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=cart-service",
            "draftorders.security.enabled=false",
            "spring.kafka.bootstrap-servers=127.0.0.1:9",
            "spring.kafka.producer.properties.max.block.ms=500",
            "draftorders.messaging.create-topics=false",
            "draftorders.messaging.registry-url=http://127.0.0.1:9/apis/registry/v2",
            "spring.jmx.enabled=false"
        })
class GenerativeCartApiTest {

    private static final long SEED = Long.getLong("generative.seed", 12L);
    private static final int PER_ROUTE = Integer.getInteger("generative.requests", 200);
    private static final String STORE = "store-gen";
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static InetSocketAddress mongoAddress;
    private final AtomicInteger codes = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private String code = "SUMMER0";

    @BeforeAll
    static void startMongo() {
        mongoAddress = MONGO.bind();
    }

    @AfterAll
    static void stopMongo() {
        MONGO.shutdownNow();
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.mongodb.uri", () -> "mongodb://" + mongoAddress.getHostString() + ":" + mongoAddress.getPort());
    }

    private Object stored() {
        List<Document> documents = new ArrayList<>();
        for (String collection : List.of(DiscountCodeStore.COLLECTION, Carts.COLLECTION)) {
            mongo.getCollection(collection)
                    .find(Filters.eq("storeId", STORE))
                    .sort(Sorts.ascending("_id"))
                    .forEach(documents::add);
        }
        return documents;
    }

    @Test
    void mutatedRequestsOnEveryMutatingRouteAreAnsweredWithoutA5xxAndRefusalsChangeNothing() {
        String discountCode = """
                {"discount_code": {"title": "Summer sale", "description": "10% off everything",
                  "value_type": "percentage", "value": "10", "minimum_subtotal": "20.00", "currency": "EUR",
                  "starts_at": "2026-01-01T00:00:00Z", "ends_at": "2036-09-01T00:00:00Z"}}
                """;
        String cart = """
                {"currency": "EUR",
                 "line_items": [{"id": "l1", "variant_id": "var_mug", "title": "Mug", "price": "19.99", "quantity": 2,
                   "grams": 350, "applied_discount": {"value_type": "percentage", "value": "10"}}],
                 "applied_discount": {"value_type": "fixed_amount", "value": "1.00"},
                 "shipping_line": {"title": "DHL", "price": "4.95"},
                 "shipping_address": {"country_code": "US", "province_code": "CA"},
                 "presentment_currency": "USD", "exchange_rate": "1.0850", "discount_codes": ["SUMMER0"]}
                """;
        List<Route> routes = List.of(
                new Route("/discount-codes/{code}", "PUT", () -> "/discount-codes/" + code, discountCode),
                new Route("/discount-codes/{code}", "DELETE", () -> "/discount-codes/" + code, (String) null),
                new Route("/carts/calculate", "POST", () -> "/carts/calculate", cart));
        routes = routes.stream().map(r -> r.withHeader("X-Store-Id", STORE)).toList();

        var tally = GenerativeRest.run(
                "cart-service",
                port,
                SEED,
                PER_ROUTE,
                routes,
                this::stored,
                accepted -> code = "SUMMER" + codes.incrementAndGet());

        assertThat(tally.requests()).isEqualTo(PER_ROUTE * routes.size());
        assertThat(tally.refused()).isPositive();
        assertThat(tally.byStatus().keySet()).allMatch(status -> status < 500);
    }
}
