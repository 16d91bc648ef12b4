package com.draftorders.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.messaging.Subscription;
import com.draftorders.messaging.work.Address;
import com.draftorders.messaging.work.UnitOfWork;
import com.draftorders.order.domain.Order;
import com.draftorders.order.domain.OrderFixtures;
import com.draftorders.order.persistence.Orders;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service as configured by {@code order-service.yml}, on a random port, against an in-memory MongoDB wire server.
 * No Kafka broker and no registry are reachable: consuming and publishing are not exercised here, only the wiring,
 * the indexes and the REST answers.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=order-service",
            "draftorders.security.enabled=false",
            "spring.kafka.bootstrap-servers=127.0.0.1:9",
            "draftorders.messaging.create-topics=false",
            "draftorders.messaging.registry-url=http://127.0.0.1:9/apis/registry/v2",
            "spring.jmx.enabled=false"
        })
class OrderServiceApplicationTest {

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static InetSocketAddress mongoAddress;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    UnitOfWork work;

    @Autowired
    Orders orders;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    List<Subscription> subscriptions;

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

    private HttpResponse<String> get(String path, String storeId) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (storeId != null) {
            request.header("X-Store-Id", storeId);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Stores the fixture order under another id, draft and payment, through the service's unit of work. */
    private String storedOrder(String draftOrderId) {
        Order order = Order.restore(OrderFixtures.withIds(
                OrderFixtures.newOrder().state(), "order_" + draftOrderId, draftOrderId, "pay_" + draftOrderId));
        work.execute(Address.byId(orders, order.id(), order.storeId()), null, target -> target.create(order));
        return order.id();
    }

    @Test
    void itConsumesOrderCommandsAndPaymentEvents() {
        assertThat(subscriptions)
                .extracting(s -> s.topic().name())
                .containsExactlyInAnyOrder("order-commands", "payment-events");
    }

    @Test
    void oneOrderPerDraftAndOnePerPaymentAreEnforcedByUniqueIndexesCreatedAtStart() {
        List<Document> indexes =
                mongo.getDb().getCollection(Orders.COLLECTION).listIndexes().into(new ArrayList<>());

        assertThat(indexes)
                .anySatisfy(index -> {
                    assertThat(index.get("key", Document.class).keySet()).containsExactly("draftOrderId");
                    assertThat(index.getBoolean("unique")).isTrue();
                })
                .anySatisfy(index -> {
                    assertThat(index.get("key", Document.class).keySet()).containsExactly("paymentId");
                    assertThat(index.getBoolean("unique")).isTrue();
                });
    }

    @Test
    void anOrderOfTheCallersStoreIsShownAsSnakeCaseJson() throws Exception {
        String id = storedOrder("dorder_rest_1");

        HttpResponse<String> response = get("/orders/" + id, OrderFixtures.STORE);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode order = JSON.readTree(response.body());
        assertThat(order.get("id").stringValue()).isEqualTo(id);
        assertThat(order.get("name").stringValue()).isEqualTo("#1001");
        assertThat(order.get("draft_order_id").stringValue()).isEqualTo("dorder_rest_1");
        assertThat(order.get("payment_status").stringValue()).isEqualTo("authorized");
        assertThat(order.get("total_price").stringValue()).isEqualTo("33.80");
        assertThat(order.get("line_items").get(0).get("variant_title").stringValue())
                .isEqualTo("Blue / M");
        assertThat(order.get("created_at").stringValue()).isEqualTo("2025-03-01T10:15:30.123Z");
    }

    @Test
    void anotherStoresOrderIsNotFound() throws Exception {
        String id = storedOrder("dorder_rest_2");

        HttpResponse<String> response = get("/orders/" + id, "store-b");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("code").stringValue()).isEqualTo("not_found");
    }

    @Test
    void theOrderOfADraftIsListedForItsStoreOnly() throws Exception {
        String id = storedOrder("dorder_rest_3");

        JsonNode mine = JSON.readTree(
                get("/orders?draft_order_id=dorder_rest_3", OrderFixtures.STORE).body());
        JsonNode theirs = JSON.readTree(
                get("/orders?draft_order_id=dorder_rest_3", "store-b").body());
        JsonNode none = JSON.readTree(get("/orders?draft_order_id=dorder_unknown", OrderFixtures.STORE)
                .body());

        assertThat(mine.get("orders")).hasSize(1);
        assertThat(mine.get("orders").get(0).get("id").stringValue()).isEqualTo(id);
        assertThat(theirs.get("orders")).isEmpty();
        assertThat(none.get("orders")).isEmpty();
    }

    @Test
    void listingWithoutADraftIdIsRefusedWithTheField() throws Exception {
        HttpResponse<String> response = get("/orders", OrderFixtures.STORE);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(response.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .stringValue())
                .isEqualTo("draft_order_id");
    }
}
