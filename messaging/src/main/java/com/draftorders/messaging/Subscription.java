package com.draftorders.messaging;

import com.draftorders.messaging.MessageFactory.Correlation;
import com.draftorders.messaging.work.Address;
import com.draftorders.messaging.work.Target;
import com.draftorders.messaging.work.UnitOfWork.Work;
import com.draftorders.schemas.Topic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a service consumes from one topic: per payload type, where the message finds its aggregate and what the
 * aggregate decides. The {@link SubscriptionContainer} runs a poll's records through the unit of work as one batch.
 * Payload types without a handler are skipped, so a producer may add new message types without breaking this
 * consumer.
 *
 * <pre>{@code
 * Subscription.to(Topics.CART_COMMANDS)
 *     .on(LockCart.class, m -> Address.byId(CARTS, m.payload().getCartId(), m.storeId()), carts::lock)
 *     .on(UnlockCart.class, m -> Address.byId(CARTS, m.payload().getCartId(), m.storeId()), carts::unlock);
 * }</pre>
 */
public final class Subscription {

    /** Decides on the aggregate a message addresses. */
    @FunctionalInterface
    public interface Handler<A, P> {
        void handle(Target<A> target, IncomingMessage<P> message);
    }

    private final Topic<String, ?> topic;
    private final Map<Class<?>, List<Route<?, ?>>> routes = new LinkedHashMap<>();

    private Subscription(Topic<String, ?> topic) {
        this.topic = topic;
    }

    public static Subscription to(Topic<String, ?> topic) {
        return new Subscription(topic);
    }

    /**
     * Handles {@code payloadType} on the aggregate at {@code address} (which may return null for a message that
     * touches no aggregate and only replies, or throw {@link InvalidMessageException} for one that names none). A
     * payload type handled more than once has an effect on each aggregate, each written atomically on its own (and
     * deduplicated there), in the order they were declared.
     */
    public <P, A> Subscription on(
            Class<P> payloadType, Function<IncomingMessage<P>, Address<A>> address, Handler<A, P> handler) {
        if (!topic.acceptsPayloadType(payloadType)) {
            throw new IllegalArgumentException(payloadType.getSimpleName() + " is not a payload of " + topic.name());
        }
        routes.computeIfAbsent(payloadType, t -> new ArrayList<>()).add(new Route<>(address, handler));
        return this;
    }

    public Topic<String, ?> topic() {
        return topic;
    }

    /** The work a message stands for, one per aggregate it touches; empty when this service ignores its type. */
    @SuppressWarnings("unchecked")
    public List<Work<?>> worksFor(IncomingMessage<?> message, TraceContext trace) {
        List<Route<?, ?>> found = routes.get(message.payload().getClass());
        if (found == null) {
            return List.of();
        }
        List<Work<?>> works = new ArrayList<>(found.size());
        for (Route<?, ?> route : found) {
            works.add(((Route<Object, Object>) route).work((IncomingMessage<Object>) message, trace));
        }
        return works;
    }

    private record Route<P, A>(Function<IncomingMessage<P>, Address<A>> address, Handler<A, P> handler) {

        Work<A> work(IncomingMessage<P> message, TraceContext trace) {
            return new Work<>(address.apply(message), message.eventId(), Correlation.of(message), trace, target -> {
                handler.handle(target, message);
                return null;
            });
        }
    }
}
