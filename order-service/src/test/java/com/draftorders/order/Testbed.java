package com.draftorders.order;

import com.draftorders.avro.common.Metadata;
import com.draftorders.messaging.IncomingMessage;
import com.draftorders.messaging.MessageCodec;
import com.draftorders.messaging.MessageFactory;
import com.draftorders.messaging.OutboxRelay;
import com.draftorders.messaging.OutboxWriter;
import com.draftorders.messaging.OutgoingMessage;
import com.draftorders.order.application.PaymentRequests;
import com.draftorders.order.messaging.OrderCommandHandler;
import com.draftorders.order.messaging.OrderMessages;
import com.draftorders.order.messaging.PaymentEventHandler;
import com.draftorders.order.persistence.MongoOrderNumbers;
import com.draftorders.order.persistence.OrderStore;
import com.draftorders.schemas.Topic;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecordBase;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * order-service's handlers, store and counters wired by hand against a real MongoDB wire-protocol server in memory
 * (the one the embedded stack runs), with indexes created from the document annotations as in the service. Only the
 * schema registry is left out: messages are kept as envelopes instead of registry-encoded bytes.
 */
public final class Testbed implements AutoCloseable {

    public static final Instant NOW = Instant.parse("2025-03-01T10:15:30.123Z");

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    public final MongoTemplate mongo;
    public final RecordingCodec codec = new RecordingCodec();
    public final OrderStore store;
    public final MongoOrderNumbers numbers;
    public final OrderCommandHandler commands;
    public final PaymentEventHandler payments;
    public final PaymentRequests paymentRequests;
    private final AtomicInteger offsets = new AtomicInteger();

    public Testbed() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        var factory = new SimpleMongoClientDatabaseFactory(client, "orders");
        var conversions = new MongoCustomConversions(List.of());
        var context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.setAutoIndexCreation(true);
        var converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        mongo = new MongoTemplate(factory, converter);
        var relay = new OutboxRelay(mongo, null, List.of(), Duration.ofSeconds(1));
        store = new OrderStore(mongo, new OutboxWriter(mongo, relay));
        OrderProperties properties = new OrderProperties(1001, 5);
        numbers = new MongoOrderNumbers(mongo, properties);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        var messages = new OrderMessages(new MessageFactory(codec, "order-service", clock));
        commands = new OrderCommandHandler(store, numbers, messages, clock, properties);
        payments = new PaymentEventHandler(store, messages, properties);
        paymentRequests = new PaymentRequests(store, messages, properties);
    }

    /** A record as the consumer hands it over: metadata from the store, a fresh event id, a correlation id. */
    public <P> IncomingMessage<P> incoming(String topic, String storeId, String key, P payload) {
        Metadata metadata = Metadata.newBuilder()
                .setEventId("evt_in_" + offsets.incrementAndGet())
                .setOccurredAt(NOW)
                .setCorrelationId("corr_1")
                .setStoreId(storeId)
                .setAggregateId(key)
                .setSource("test")
                .build();
        return new IncomingMessage<>(metadata, payload, key, topic, 0, offsets.get());
    }

    /** The envelope behind an outbox entry. */
    public SpecificRecordBase envelope(OutgoingMessage message) {
        return codec.envelope(message);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }

    /** Keeps envelopes instead of registering schemas: the outbox stores the message id as its "bytes". */
    public static final class RecordingCodec extends MessageCodec {
        private final Map<String, SpecificRecordBase> envelopes = new ConcurrentHashMap<>();

        RecordingCodec() {
            super("http://127.0.0.1:9/apis/registry/v2");
        }

        @Override
        public <V extends SpecificRecordBase> byte[] encode(Topic<String, V> topic, V envelope) {
            String eventId = Topic.metadataOf(envelope).getEventId();
            envelopes.put(eventId, envelope);
            return eventId.getBytes(StandardCharsets.UTF_8);
        }

        SpecificRecordBase envelope(OutgoingMessage message) {
            return envelopes.get(new String(message.value(), StandardCharsets.UTF_8));
        }
    }
}
