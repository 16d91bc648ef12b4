package com.draftorders.schemas;

import com.draftorders.avro.cart.CartCommandEnvelope;
import com.draftorders.avro.cart.CartEventEnvelope;
import com.draftorders.avro.draft.DraftOrderEventEnvelope;
import com.draftorders.avro.draft.DraftOrderRequestEnvelope;
import com.draftorders.avro.order.OrderCommandEnvelope;
import com.draftorders.avro.order.OrderEventEnvelope;
import com.draftorders.avro.payment.PaymentCommandEnvelope;
import com.draftorders.avro.payment.PaymentEventEnvelope;
import java.util.List;
import java.util.Map;

/** The topic catalog: every topic of the system, its key and value types and its partition count. */
public final class Topics {

    /** Partitions per topic: room for several instances of each service in one consumer group. */
    public static final int PARTITIONS = 6;

    /** Requests from upstream sales channels. Key: {@code channel:external_reference}. */
    public static final Topic<String, DraftOrderRequestEnvelope> DRAFT_ORDER_REQUESTS = new Topic<>(
            "draft-order-requests",
            String.class,
            DraftOrderRequestEnvelope.class,
            PARTITIONS,
            DraftOrderRequestEnvelope::new);

    /** What happened to draft orders; written by draft-service only. Key: draft order id. */
    public static final Topic<String, DraftOrderEventEnvelope> DRAFT_ORDER_EVENTS = new Topic<>(
            "draft-order-events",
            String.class,
            DraftOrderEventEnvelope.class,
            PARTITIONS,
            DraftOrderEventEnvelope::new);

    /** Commands to cart-service from the draft-service orchestrator. Key: cart id. */
    public static final Topic<String, CartCommandEnvelope> CART_COMMANDS =
            new Topic<>("cart-commands", String.class, CartCommandEnvelope.class, PARTITIONS, CartCommandEnvelope::new);

    /** What happened to carts; written by cart-service only. Key: cart id. */
    public static final Topic<String, CartEventEnvelope> CART_EVENTS =
            new Topic<>("cart-events", String.class, CartEventEnvelope.class, PARTITIONS, CartEventEnvelope::new);

    /** Commands to payment-service. Key: payment id. */
    public static final Topic<String, PaymentCommandEnvelope> PAYMENT_COMMANDS = new Topic<>(
            "payment-commands", String.class, PaymentCommandEnvelope.class, PARTITIONS, PaymentCommandEnvelope::new);

    /** What happened to payments; written by payment-service only. Key: payment id. */
    public static final Topic<String, PaymentEventEnvelope> PAYMENT_EVENTS = new Topic<>(
            "payment-events", String.class, PaymentEventEnvelope.class, PARTITIONS, PaymentEventEnvelope::new);

    /** Commands to order-service from the draft-service orchestrator. Key: draft order id. */
    public static final Topic<String, OrderCommandEnvelope> ORDER_COMMANDS = new Topic<>(
            "order-commands", String.class, OrderCommandEnvelope.class, PARTITIONS, OrderCommandEnvelope::new);

    /** What happened to orders; written by order-service only. Key: order id. */
    public static final Topic<String, OrderEventEnvelope> ORDER_EVENTS =
            new Topic<>("order-events", String.class, OrderEventEnvelope.class, PARTITIONS, OrderEventEnvelope::new);

    public static final List<Topic<String, ?>> ALL = List.of(
            DRAFT_ORDER_REQUESTS,
            DRAFT_ORDER_EVENTS,
            CART_COMMANDS,
            CART_EVENTS,
            PAYMENT_COMMANDS,
            PAYMENT_EVENTS,
            ORDER_COMMANDS,
            ORDER_EVENTS);

    /** Upstream sales channels outside this system: they write {@link #DRAFT_ORDER_REQUESTS}. */
    public static final String SALES_CHANNELS = "sales-channels";

    /**
     * Who writes and who reads a topic (DESIGN.md "Services and ownership"), and what its record key is. A consumer
     * also writes the topic's dead-letter topic. The AsyncAPI document's operations come from here.
     *
     * @param key what the record key is
     * @param producers the services (or outside parties) that write the topic
     * @param consumers the services that read it, each in a consumer group named after itself
     */
    public record Participants(String key, List<String> producers, List<String> consumers) {}

    private static final Map<String, Participants> PARTICIPANTS = Map.of(
            DRAFT_ORDER_REQUESTS.name(),
            new Participants("channel:external_reference", List.of(SALES_CHANNELS), List.of("draft-service")),
            DRAFT_ORDER_EVENTS.name(),
            new Participants("draft order id", List.of("draft-service"), List.of()),
            CART_COMMANDS.name(),
            new Participants("cart id", List.of("draft-service"), List.of("cart-service")),
            CART_EVENTS.name(),
            new Participants("cart id", List.of("cart-service"), List.of("draft-service")),
            PAYMENT_COMMANDS.name(),
            new Participants("payment id", List.of("draft-service", "order-service"), List.of("payment-service")),
            PAYMENT_EVENTS.name(),
            new Participants("payment id", List.of("payment-service"), List.of("draft-service", "order-service")),
            ORDER_COMMANDS.name(),
            new Participants("draft order id", List.of("draft-service"), List.of("order-service")),
            ORDER_EVENTS.name(),
            new Participants("order id", List.of("order-service"), List.of("draft-service")));

    /** The package of every generated class; Avro 1.12 must be told to trust it. */
    public static final String AVRO_PACKAGE = "com.draftorders.avro";

    static {
        AvroTrust.trustGeneratedClasses();
    }

    private Topics() {}

    /** Who writes and reads {@code topic}, and its key. */
    public static Participants participants(Topic<String, ?> topic) {
        Participants participants = PARTICIPANTS.get(topic.name());
        if (participants == null) {
            throw new IllegalArgumentException("no participants recorded for topic " + topic.name());
        }
        return participants;
    }

    public static Topic<String, ?> byName(String name) {
        return ALL.stream()
                .filter(topic -> topic.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown topic " + name));
    }
}
