package com.draftorders.order;

import com.draftorders.avro.common.Metadata;
import com.draftorders.messaging.IncomingMessage;
import com.draftorders.messaging.MessageCodec;
import com.draftorders.messaging.MessageFactory;
import com.draftorders.messaging.OutgoingMessage;
import com.draftorders.messaging.Subscription;
import com.draftorders.messaging.testing.WorkTestbed;
import com.draftorders.messaging.testing.WorkTestbed.Stored;
import com.draftorders.messaging.work.UnitOfWork.Outcome;
import com.draftorders.order.application.PaymentRequests;
import com.draftorders.order.domain.Order;
import com.draftorders.order.messaging.OrderCommandHandler;
import com.draftorders.order.messaging.OrderMessages;
import com.draftorders.order.messaging.PaymentEventHandler;
import com.draftorders.order.persistence.Orders;
import com.draftorders.order.persistence.SequencedOrderNumbers;
import com.draftorders.schemas.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * order-service's handlers, subscriptions and use cases wired by hand on a {@link WorkTestbed}: the real unit of work
 * and the real MongoDB driver against the embedded MongoDB-protocol server, in memory. No relay runs, so what a change
 * sends stays in its order's outbox (or a receipt) for the test to read. Only the schema registry is left out: the
 * codec keeps each envelope and stores its event id as the message's bytes.
 */
public final class Testbed implements AutoCloseable {

    public static final Instant NOW = Instant.parse("2025-03-01T10:15:30.123Z");
    public static final long FIRST_ORDER_NUMBER = 1001;

    public final RecordingCodec codec = new RecordingCodec();
    public final Orders orders;
    public final WorkTestbed work;
    public final SequencedOrderNumbers numbers;
    public final Subscription orderCommands;
    public final Subscription paymentEvents;
    public final PaymentRequests paymentRequests;
    private final AtomicInteger offsets = new AtomicInteger();

    public Testbed() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        OrderMessages messages = new OrderMessages(new MessageFactory(codec, "order-service", clock));
        orders = new Orders(messages);
        work = new WorkTestbed("orders", orders);
        numbers = new SequencedOrderNumbers(work.database, new OrderProperties(FIRST_ORDER_NUMBER, 100));
        orderCommands = new OrderCommandHandler(orders, numbers, messages, clock).subscription();
        paymentEvents = new PaymentEventHandler(orders).subscription();
        paymentRequests = new PaymentRequests(work.work, orders);
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

    /** Delivers one message through the subscription of its topic, as its own poll; rethrows what its handler threw. */
    public void deliver(IncomingMessage<?> message) {
        work.deliver(subscriptionOf(message), message);
    }

    /** Delivers messages of one topic as one poll. */
    public List<Outcome> deliverBatch(List<? extends IncomingMessage<?>> messages) {
        return work.deliverBatch(subscriptionOf(messages.get(0)), messages);
    }

    private Subscription subscriptionOf(IncomingMessage<?> message) {
        return switch (message.topic()) {
            case "order-commands" -> orderCommands;
            case "payment-events" -> paymentEvents;
            default -> throw new IllegalArgumentException("order-service does not consume " + message.topic());
        };
    }

    /** The order of a draft as stored, with its outbox, processed ids and version; null when there is none. */
    public Stored<Order> orderOf(String draftOrderId) {
        return work.reads
                .by(orders, Orders.DRAFT_ORDER_ID, draftOrderId, null)
                .map(order -> work.stored(orders, order.id()))
                .orElse(null);
    }

    public long orderCount() {
        return work.database.getCollection(Orders.COLLECTION).countDocuments();
    }

    /** The envelope behind an outbox entry. */
    public SpecificRecordBase envelope(OutgoingMessage message) {
        return codec.envelope(message);
    }

    public Object payloadOf(OutgoingMessage message) {
        return Topic.payloadOf(envelope(message));
    }

    public Metadata metadataOf(OutgoingMessage message) {
        return Topic.metadataOf(envelope(message));
    }

    @Override
    public void close() {
        work.close();
    }

    /**
     * Keeps envelopes instead of registering schemas: the outbox stores the message id as its "bytes". A test may run
     * something while a message is encoded, which is while the unit of work decides, between its load and its write.
     */
    public static final class RecordingCodec extends MessageCodec {
        private final Map<String, SpecificRecordBase> envelopes = new ConcurrentHashMap<>();
        public volatile Runnable whileEncoding = () -> {};

        public RecordingCodec() {
            super("http://127.0.0.1:9/apis/registry/v2");
        }

        @Override
        public <V extends SpecificRecordBase> byte[] encode(Topic<String, V> topic, V envelope) {
            whileEncoding.run();
            String eventId = Topic.metadataOf(envelope).getEventId();
            envelopes.put(eventId, envelope);
            return eventId.getBytes(StandardCharsets.UTF_8);
        }

        SpecificRecordBase envelope(OutgoingMessage message) {
            return envelopes.get(new String(message.value(), StandardCharsets.UTF_8));
        }
    }
}
