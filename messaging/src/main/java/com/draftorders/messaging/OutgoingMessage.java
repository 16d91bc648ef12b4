package com.draftorders.messaging;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * A message ready for its topic: the exact key and value bytes (registry wire format) and the record headers
 * ({@link com.draftorders.schemas.EventHeaders}: CloudEvents attributes and {@code traceparent}, fixed when the
 * message was built). Aggregates keep these in an {@code outbox} array inside their own document, written in the
 * same atomic update as the state change; the {@link OutboxRelay} sends them and removes them.
 *
 * @param headers header name to value, in the order they are written; empty for messages stored before headers
 *     were kept (the relay then sends only {@code event_id})
 */
public record OutgoingMessage(
        String messageId, String topic, String key, byte[] value, Instant createdAt, Map<String, String> headers) {

    @PersistenceCreator
    public OutgoingMessage {
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A message without headers. */
    public OutgoingMessage(String messageId, String topic, String key, byte[] value, Instant createdAt) {
        this(messageId, topic, key, value, createdAt, Map.of());
    }
}
