package com.draftorders.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.draftorders.avro.cart.CartUnlocked;
import com.draftorders.avro.cart.LockCart;
import com.draftorders.avro.common.Metadata;
import com.draftorders.schemas.Topics;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The codec against a stand-in of the registry's Confluent-compatible API. */
class MessageCodecTest {

    private final FakeRegistry registry = new FakeRegistry();
    private MessageCodec codec;

    @BeforeEach
    void start() throws IOException {
        registry.start();
        codec = new MessageCodec(registry.url());
    }

    @AfterEach
    void stop() {
        codec.close();
        registry.stop();
    }

    @Test
    void encodingWritesMagicByteTheRegisteredIdAndPlainAvroBinary() throws IOException {
        var envelope = Topics.CART_COMMANDS.wrap(metadata("cart_1"), new LockCart("cart_1", "dorder_1", 3L, 1));

        byte[] bytes = codec.encode(Topics.CART_COMMANDS, envelope);

        int id = registry.idOf("cart-commands-value");
        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        assertThat(java.util.Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(avroBinary(envelope));
        assertThat(registry.schemaOf(id)).isEqualTo(Topics.CART_COMMANDS.valueSchema());
    }

    @Test
    void theRegistryIsAskedOncePerSchemaNotPerMessage() {
        for (int i = 0; i < 50; i++) {
            var envelope = Topics.CART_COMMANDS.wrap(metadata("cart_" + i), new LockCart("cart_" + i, "d", 1L, 1));
            assertThat(codec.decode(Topics.CART_COMMANDS, codec.encode(Topics.CART_COMMANDS, envelope)))
                    .isEqualTo(envelope);
        }

        assertThat(registry.registrations.get()).isEqualTo(1);
        assertThat(registry.lookupsById.get()).isEqualTo(1);
    }

    @Test
    void aRecordWrittenByAnotherCodecInstanceDecodesThroughTheIdItCarries() {
        var envelope = Topics.CART_EVENTS.wrap(metadata("cart_2"), new CartUnlocked("cart_2", "dorder_2", 2));
        byte[] bytes = codec.encode(Topics.CART_EVENTS, envelope);

        try (var other = new MessageCodec(registry.url())) {
            assertThat(other.decode(Topics.CART_EVENTS, bytes)).isEqualTo(envelope);
        }
    }

    @Test
    void aRecordOfAnotherTopicsSchemaIsUndecodable() {
        var envelope = Topics.CART_EVENTS.wrap(metadata("cart_3"), new CartUnlocked("cart_3", "dorder_3", 2));
        byte[] bytes = codec.encode(Topics.CART_EVENTS, envelope);

        assertThatThrownBy(() -> codec.decode(Topics.CART_COMMANDS, bytes))
                .isInstanceOf(UndecodableMessageException.class)
                .hasMessageContaining("CartCommandEnvelope");
    }

    @Test
    void aValidRecordFollowedByExtraBytesIsUndecodable() {
        var envelope = Topics.CART_EVENTS.wrap(metadata("cart_5"), new CartUnlocked("cart_5", "dorder_5", 2));
        byte[] bytes = codec.encode(Topics.CART_EVENTS, envelope);
        assertThat(codec.decode(Topics.CART_EVENTS, bytes)).isEqualTo(envelope);

        for (byte[] tail : new byte[][] {{0}, {1, 2, 3}, "ignored".getBytes(StandardCharsets.UTF_8)}) {
            byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + tail.length);
            System.arraycopy(tail, 0, longer, bytes.length, tail.length);

            assertThatThrownBy(() -> codec.decode(Topics.CART_EVENTS, longer))
                    .isInstanceOf(UndecodableMessageException.class)
                    .hasMessageContaining("bytes are left after the Avro record");
        }
    }

    @Test
    void anUnknownSchemaIdOrGarbageAfterAKnownOneIsUndecodable() {
        var envelope = Topics.CART_EVENTS.wrap(metadata("cart_4"), new CartUnlocked("cart_4", "dorder_4", 2));
        byte[] bytes = codec.encode(Topics.CART_EVENTS, envelope);
        byte[] unknownId = bytes.clone();
        unknownId[4] = 99;
        byte[] truncated = java.util.Arrays.copyOf(bytes, 9);

        assertThatThrownBy(() -> codec.decode(Topics.CART_EVENTS, unknownId))
                .isInstanceOf(UndecodableMessageException.class);
        assertThatThrownBy(() -> codec.decode(Topics.CART_EVENTS, truncated))
                .isInstanceOf(UndecodableMessageException.class);
        assertThatThrownBy(() -> codec.decode(Topics.CART_EVENTS, new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOf(UndecodableMessageException.class);
    }

    @Test
    void aConcurrentFirstRegistrationRefusedWith409IsRetried() {
        registry.conflictsBeforeSuccess.set(2);
        var envelope = Topics.CART_COMMANDS.wrap(metadata("cart_5"), new LockCart("cart_5", "dorder_5", 3L, 1));

        byte[] bytes = codec.encode(Topics.CART_COMMANDS, envelope);

        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registry.idOf("cart-commands-value"));
    }

    private static byte[] avroBinary(SpecificRecordBase record) throws IOException {
        var out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecordBase>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static Metadata metadata(String aggregateId) {
        return Metadata.newBuilder()
                .setEventId("evt_" + aggregateId)
                .setOccurredAt(Instant.parse("2026-11-23T10:15:30.123Z"))
                .setCorrelationId("evt_corr")
                .setCausationId(null)
                .setStoreId("store_1")
                .setAggregateId(aggregateId)
                .setAggregateVersion(1L)
                .setSource("test")
                .build();
    }

    /** Registers schemas per subject with ids from 1 (the same schema twice: the same id) and serves them by id. */
    private static final class FakeRegistry {
        private static final JsonMapper JSON = JsonMapper.builder().build();
        private final Map<String, Integer> idsBySchema = new ConcurrentHashMap<>();
        private final Map<String, Integer> idsBySubject = new ConcurrentHashMap<>();
        private final Map<Integer, String> schemasById = new ConcurrentHashMap<>();
        final AtomicInteger registrations = new AtomicInteger();
        final AtomicInteger lookupsById = new AtomicInteger();
        final AtomicInteger conflictsBeforeSuccess = new AtomicInteger();
        private HttpServer server;

        void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/apis/ccompat/v7/", this::handle);
            server.start();
        }

        void stop() {
            server.stop(0);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/apis/registry/v2";
        }

        int idOf(String subject) {
            return idsBySubject.get(subject);
        }

        Schema schemaOf(int id) {
            return new Schema.Parser().parse(schemasById.get(id));
        }

        private synchronized void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath().substring("/apis/ccompat/v7".length());
            if (path.startsWith("/subjects/")
                    && path.endsWith("/versions")
                    && exchange.getRequestMethod().equals("POST")) {
                registrations.incrementAndGet();
                if (conflictsBeforeSuccess.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    respond(exchange, 409, "{\"error_code\":409,\"message\":\"already exists\"}");
                    return;
                }
                String subject = path.substring("/subjects/".length(), path.length() - "/versions".length());
                String schema = JSON.readTree(exchange.getRequestBody().readAllBytes())
                        .get("schema")
                        .asString();
                int id = idsBySchema.computeIfAbsent(schema, s -> idsBySchema.size() + 1);
                schemasById.put(id, schema);
                idsBySubject.put(subject, id);
                respond(exchange, 200, "{\"id\":" + id + "}");
            } else if (path.startsWith("/subjects/")
                    && exchange.getRequestMethod().equals("POST")) {
                respond(exchange, 404, "{\"error_code\":40403}");
            } else if (path.startsWith("/schemas/ids/")) {
                lookupsById.incrementAndGet();
                String schema = schemasById.get(Integer.parseInt(path.substring("/schemas/ids/".length())));
                if (schema == null) {
                    respond(exchange, 404, "{\"error_code\":40403}");
                } else {
                    respond(exchange, 200, JSON.writeValueAsString(Map.of("schema", schema)));
                }
            } else {
                respond(exchange, 404, "{}");
            }
        }

        private static void respond(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }
}
