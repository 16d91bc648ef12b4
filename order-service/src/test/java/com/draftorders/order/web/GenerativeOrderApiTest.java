package com.draftorders.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.messaging.MessageCodec;
import com.draftorders.messaging.testing.GenerativeRest;
import com.draftorders.messaging.testing.GenerativeRest.Route;
import com.draftorders.messaging.work.Address;
import com.draftorders.messaging.work.Outboxes;
import com.draftorders.messaging.work.UnitOfWork;
import com.draftorders.order.Testbed;
import com.draftorders.order.domain.Order;
import com.draftorders.order.domain.OrderFixtures;
import com.draftorders.order.domain.PaymentStatus;
import com.draftorders.order.persistence.Orders;
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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 12's generative test of order-service: capture, void and refund get hundreds of requests each derived from a
 * valid one. No 5xx, every refusal problem+json, the store's orders unchanged after every refusal; it prints the counts.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=order-service",
            "draftorders.security.enabled=false",
            "spring.kafka.bootstrap-servers=127.0.0.1:9",
            "spring.kafka.producer.properties.max.block.ms=500",
            "draftorders.messaging.create-topics=false",
            "draftorders.messaging.registry-url=http://127.0.0.1:9/apis/registry/v2",
            "spring.jmx.enabled=false"
        })
@Import(GenerativeOrderApiTest.NoRegistry.class)
class GenerativeOrderApiTest {

    /** No schema registry runs here: what an accepted request sends is kept, not registered (see Testbed). */
    @TestConfiguration
    static class NoRegistry {
        @Bean
        @Primary
        MessageCodec recordingCodec() {
            return new Testbed.RecordingCodec();
        }
    }

    private static final long SEED = Long.getLong("generative.seed", 12L);
    private static final int PER_ROUTE = Integer.getInteger("generative.requests", 200);
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static InetSocketAddress mongoAddress;
    private static final AtomicInteger DRAFTS = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    UnitOfWork work;

    @Autowired
    Orders orders;

    @Autowired
    MongoTemplate mongo;

    private String authorized;
    private String captured;

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

    private String storedOrder(PaymentStatus status, long capturedAmount) {
        String draft = "dorder_gen_" + DRAFTS.incrementAndGet();
        Order order = Order.restore(OrderFixtures.withIds(
                OrderFixtures.storedOrder(status, capturedAmount, 0).state(), "order_" + draft, draft, "pay_" + draft));
        work.execute(Address.byId(orders, order.id(), order.storeId()), null, target -> target.create(order));
        return order.id();
    }

    private void freshOrders() {
        authorized = storedOrder(PaymentStatus.AUTHORIZED, 0);
        captured = storedOrder(PaymentStatus.CAPTURED, 3380);
    }

    private Object storedOrders() {
        List<Document> documents = new ArrayList<>();
        mongo.getCollection(Orders.COLLECTION)
                .find(Filters.eq("storeId", OrderFixtures.STORE))
                .sort(Sorts.ascending("_id"))
                .forEach(document -> {
                    document.remove(Outboxes.FIELD);
                    documents.add(document);
                });
        return documents;
    }

    @Test
    void mutatedRequestsOnEveryMutatingRouteAreAnsweredWithoutA5xxAndRefusalsChangeNothing() {
        freshOrders();
        List<Route> routes = List.of(
                new Route(
                        "/orders/{id}/capture",
                        "POST",
                        () -> "/orders/" + authorized + "/capture",
                        "{\"amount\": \"12.50\"}"),
                new Route(
                        "/orders/{id}/void",
                        "POST",
                        () -> "/orders/" + authorized + "/void",
                        "{\"reason\": \"customer canceled\"}"),
                new Route(
                        "/orders/{id}/refund",
                        "POST",
                        () -> "/orders/" + captured + "/refund",
                        "{\"amount\": \"5.00\", \"reason\": \"damaged\"}"));
        routes = routes.stream()
                .map(r -> r.withHeader("X-Store-Id", OrderFixtures.STORE))
                .toList();

        var tally = GenerativeRest.run(
                "order-service", port, SEED, PER_ROUTE, routes, this::storedOrders, accepted -> freshOrders());

        assertThat(tally.requests()).isEqualTo(PER_ROUTE * routes.size());
        assertThat(tally.refused()).isPositive();
        assertThat(tally.byStatus().keySet()).allMatch(status -> status < 500);
    }
}
