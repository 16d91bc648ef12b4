package com.draftorders.messaging;

import com.draftorders.avro.common.Metadata;
import com.draftorders.schemas.Topic;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.avro.specific.SpecificRecordBase;

/** Builds envelopes with complete metadata and encodes them for the outbox. */
public class MessageFactory {

    private final MessageCodec codec;
    private final String source;
    private final Clock clock;

    public MessageFactory(MessageCodec codec, String source, Clock clock) {
        this.codec = codec;
        this.source = source;
        this.clock = clock;
    }

    /**
     * A message about {@code aggregateId} caused by {@code cause} (null for a flow that starts here, in which case
     * the new event id becomes the correlation id).
     */
    public <V extends SpecificRecordBase> OutgoingMessage create(
            Topic<String, V> topic,
            String key,
            String storeId,
            String aggregateId,
            long aggregateVersion,
            Correlation cause,
            Object payload) {
        String eventId = Ids.next("evt");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Metadata metadata = Metadata.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(now)
                .setCorrelationId(cause == null ? eventId : cause.correlationId())
                .setCausationId(cause == null ? null : cause.causationId())
                .setStoreId(storeId)
                .setAggregateId(aggregateId)
                .setAggregateVersion(aggregateVersion)
                .setSource(source)
                .build();
        V envelope = topic.wrap(metadata, payload);
        return new OutgoingMessage(eventId, topic.name(), key, codec.encode(topic, envelope), now);
    }

    /** Which flow a new message belongs to and which message caused it. */
    public record Correlation(String correlationId, String causationId) {
        public static Correlation of(IncomingMessage<?> cause) {
            return new Correlation(cause.metadata().getCorrelationId(), cause.eventId());
        }
    }
}
