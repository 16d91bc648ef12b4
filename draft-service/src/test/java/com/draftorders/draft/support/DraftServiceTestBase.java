package com.draftorders.draft.support;

import com.draftorders.draft.application.DraftOrderService;
import com.draftorders.draft.domain.CartCalculation;
import com.draftorders.draft.domain.DraftOrder;
import com.draftorders.messaging.IncomingMessage;
import com.draftorders.messaging.MessageCodec;
import com.draftorders.messaging.Subscription;
import com.draftorders.messaging.TraceContext;
import com.draftorders.messaging.work.UnitOfWork;
import com.draftorders.schemas.Topics;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * draft-service as configured by {@code draft-service.yml}, on a random port, against an in-memory MongoDB wire
 * server. No Kafka broker and no registry are reachable: messages stay in the outbox, and {@link RecordingCodec}
 * shows what was written. The cart's reply is simulated by applying totals through the service. Subclasses share one
 * context; each test works in a store of its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=draft-service",
            "draftorders.security.enabled=false",
            "spring.kafka.bootstrap-servers=127.0.0.1:9",
            "spring.kafka.producer.properties.max.block.ms=500",
            "draftorders.messaging.create-topics=false",
            "draftorders.messaging.registry-url=http://127.0.0.1:9/apis/registry/v2",
            "draftorders.drafts.invoice.base-url=https://shop.test/",
            "draftorders.drafts.invoice.secret=a-test-secret-that-is-long-enough-for-hmac",
            "spring.jmx.enabled=false",
            "draftorders.drafts.stores.known=dev,store-*",
            "draftorders.drafts.stores.channels.kiosk=store-kiosk"
        })
@Import(DraftServiceTestBase.Recording.class)
public abstract class DraftServiceTestBase {

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();
    private static final AtomicInteger STORES = new AtomicInteger();
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** cart-service's REST API as far as draft-service calls it (POST /carts/calculate). */
    protected static final CartServiceStub CART_SERVICE = CartServiceStub.start();

    @TestConfiguration
    static class Recording {
        @Bean
        @Primary
        RecordingCodec recordingCodec() {
            return new RecordingCodec();
        }
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.mongodb.uri",
                () -> "mongodb://" + MONGO_ADDRESS.getHostString() + ":" + MONGO_ADDRESS.getPort());
        registry.add("draftorders.drafts.cart-service-url", CART_SERVICE::url);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected DraftOrderService drafts;

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected MessageCodec codec;

    @Autowired
    protected List<Subscription> subscriptions;

    @Autowired
    protected UnitOfWork unitOfWork;

    /**
     * Delivers a message as the consumer does: through the service's subscription to its topic, as a poll of its
     * own; rethrows what a handler threw (the record would go to the dead-letter topic).
     */
    protected void deliver(IncomingMessage<?> message) {
        Subscription subscription = subscriptions.stream()
                .filter(s -> s.topic().name().equals(message.topic()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no subscription to " + message.topic()));
        for (UnitOfWork.Outcome outcome : unitOfWork.run(subscription.worksFor(message, TraceContext.newTrace()))) {
            if (outcome.failed()) {
                throw outcome.failure();
            }
        }
    }

    /** A store no other test uses. */
    protected static String newStore() {
        return "store-" + STORES.incrementAndGet();
    }

    protected RecordingCodec recorded() {
        return (RecordingCodec) codec;
    }

    /** The draft-order-events payloads of {@code type} written for draft {@code id}, in order. */
    protected <P> List<P> draftEvents(String id, Class<P> type) {
        return recorded().payloads(Topics.DRAFT_ORDER_EVENTS.name(), id, type);
    }

    protected <P> List<P> cartCommands(String cartId, Class<P> type) {
        return recorded().payloads(Topics.CART_COMMANDS.name(), cartId, type);
    }

    /** An HTTP answer: status, headers and the body as JSON (a missing node when there is none). */
    public record Response(int status, java.net.http.HttpHeaders headers, JsonNode body, String raw) {
        public JsonNode path(String... names) {
            JsonNode node = body;
            for (String name : names) {
                node = node.path(name);
            }
            return node;
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    protected Response send(String method, String path, String store, String body, String... headers) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (store != null) {
            request.header("X-Store-Id", store);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), response.headers(), json, response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected Response get(String path, String store) {
        return send("GET", path, store, null);
    }

    protected Response post(String path, String store, String body, String... headers) {
        return send("POST", path, store, body, headers);
    }

    /** A simple draft body: one mug line at {@code price}, the customer's {@code email}, {@code tags}. */
    protected static String draftBody(String price, String email, String tags) {
        return """
                {"draft_order": {"currency": "EUR", "email": "%s", "tags": "%s",
                  "line_items": [{"variant_id": "var_mug", "title": "Mug", "price": "%s", "quantity": 2, "grams": 350}],
                  "shipping_line": {"title": "DHL", "price": "4.95"}}}
                """.formatted(email, tags, price);
    }

    protected String createDraft(String store, String body) {
        var response = post("/draft-orders", store, body);
        if (response.status() != 201) {
            throw new AssertionError("create failed: " + response.raw());
        }
        return response.path("draft_order", "id").asString();
    }

    /** What the cart-service's CartTotalsCalculated does to the draft: totals for its current content version. */
    protected DraftOrder calculate(String store, String id) {
        return drafts.change(store, id, DraftOrderService.newFlow(), draft -> {
                    draft.applyCalculation(totalsOf(draft), Instant.now());
                    return Optional.empty();
                })
                .orElseThrow()
                .draft();
    }

    protected String readyDraft(String store, String body) {
        String id = createDraft(store, body);
        calculate(store, id);
        return id;
    }

    /** Totals without discounts or taxes: the sum of the lines plus shipping. */
    protected static CartCalculation totalsOf(DraftOrder draft) {
        var content = draft.content();
        List<CartCalculation.LineCalculation> lines = new ArrayList<>();
        long subtotal = 0;
        int quantity = 0;
        long weight = 0;
        for (var line : content.lineItems()) {
            long total = line.price() * line.quantity();
            lines.add(new CartCalculation.LineCalculation(line.id(), null, List.of(), total));
            subtotal += total;
            quantity += line.quantity();
            weight += line.grams() * line.quantity();
        }
        long shipping =
                content.shippingLine() == null ? 0 : content.shippingLine().price();
        return new CartCalculation(
                draft.contentVersion(),
                new CartCalculation.Totals(subtotal, 0, subtotal, shipping, 0, subtotal + shipping, quantity, weight),
                lines,
                null,
                List.of(),
                List.of());
    }
}
