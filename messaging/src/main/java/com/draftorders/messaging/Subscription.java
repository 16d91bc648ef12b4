package com.draftorders.messaging;

import com.draftorders.schemas.Topic;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a service consumes from one topic: a handler per payload type. Payload types without a handler are skipped,
 * so a producer may add new message types without breaking this consumer.
 *
 * <pre>{@code
 * Subscription.to(Topics.CART_COMMANDS)
 *     .on(LockCart.class, carts::lock)
 *     .on(UnlockCart.class, carts::unlock);
 * }</pre>
 */
public final class Subscription {

    private final Topic<String, ?> topic;
    private final Map<Class<?>, Consumer<IncomingMessage<?>>> handlers = new LinkedHashMap<>();

    private Subscription(Topic<String, ?> topic) {
        this.topic = topic;
    }

    public static Subscription to(Topic<String, ?> topic) {
        return new Subscription(topic);
    }

    @SuppressWarnings("unchecked")
    public <P> Subscription on(Class<P> payloadType, Consumer<IncomingMessage<P>> handler) {
        if (!topic.acceptsPayloadType(payloadType)) {
            throw new IllegalArgumentException(payloadType.getSimpleName() + " is not a payload of " + topic.name());
        }
        handlers.put(payloadType, message -> handler.accept((IncomingMessage<P>) message));
        return this;
    }

    public Topic<String, ?> topic() {
        return topic;
    }

    /** Hands the message to the handler of its payload type; returns false when this service ignores the type. */
    boolean dispatch(IncomingMessage<?> message) {
        Consumer<IncomingMessage<?>> handler = handlers.get(message.payload().getClass());
        if (handler == null) {
            return false;
        }
        handler.accept(message);
        return true;
    }
}
