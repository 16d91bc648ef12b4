package com.draftorders.messaging;

import java.time.Instant;

/**
 * A message ready for its topic: the exact key and value bytes (registry wire format). Aggregates keep these in an
 * {@code outbox} array inside their own document, written in the same atomic update as the state change; the
 * {@link OutboxRelay} sends them and removes them.
 */
public record OutgoingMessage(String messageId, String topic, String key, byte[] value, Instant createdAt) {}
