package com.draftorders.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.messaging.Subscription;
import com.draftorders.order.domain.OrderFixtures;
import com.draftorders.order.persistence.OrderDocument;
import com.draftorders.order.persistence.OrderDocuments;
import com.draftorders.order.persistence.OrderStore;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
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
    OrderStore store;

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

    private String storedOrder(String draftOrderId) {
        OrderDocument document = OrderDocuments.toDocument(OrderFixtures.newOrder());
        document.setId("order_" + draftOrderId);
        document.setDraftOrderId(draftOrderId);
        store.save(document);
        return document.getId();
    }

    @Test
    void itConsumesOrderCommandsAndPaymentEvents() {
        assertThat(subscriptions)
                .extracting(s -> s.topic().name())
                .containsExactlyInAnyOrder("order-commands", "payment-events");
    }

    @Test
    void oneOrderPerDraftIsEnforcedByAUniqueIndexAndPaymentsHaveAnIndex() {
        List<IndexInfo> indexes = mongo.indexOps(OrderDocument.class).getIndexInfo();

        assertThat(indexes)
                .anySatisfy(index -> {
                    assertThat(index.isIndexForFields(List.of("draftOrderId"))).isTrue();
                    assertThat(index.isUnique()).isTrue();
                })
                .anySatisfy(index ->
                        assertThat(index.isIndexForFields(List.of("paymentId"))).isTrue());
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
