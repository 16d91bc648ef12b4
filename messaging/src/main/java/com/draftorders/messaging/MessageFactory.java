package com.draftorders.messaging;

import com.draftorders.avro.common.Metadata;
import com.draftorders.schemas.EventHeaders;
import com.draftorders.schemas.Topic;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Builds envelopes with complete metadata, encodes them for the outbox and fixes their record headers
 * ({@link EventHeaders}): the CloudEvents attributes and a {@code traceparent} continuing the trace of the work that
 * builds the message ({@link TraceContext#current()}, a new trace when there is none). Headers are decided here, on
 * the thread that knows the trace, and stored with the message, because the relay sends it later on another thread.
 */
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
        return create(
                topic,
                key,
                storeId,
                aggregateId,
                aggregateVersion,
                cause,
                payload,
                TraceContext.current().map(TraceContext::child).orElseGet(TraceContext::newTrace));
    }

    /** As {@link #create(Topic, String, String, String, long, Correlation, Object)}, in the span {@code trace}. */
    public <V extends SpecificRecordBase> OutgoingMessage create(
            Topic<String, V> topic,
            String key,
            String storeId,
            String aggregateId,
            long aggregateVersion,
            Correlation cause,
            Object payload,
            TraceContext trace) {
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
        return new OutgoingMessage(
                eventId,
                topic.name(),
                key,
                codec.encode(topic, envelope),
                now,
                headers(eventId, payload, now, aggregateId, trace));
    }

    private Map<String, String> headers(
            String eventId, Object payload, Instant occurredAt, String aggregateId, TraceContext trace) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(EventHeaders.EVENT_ID, eventId);
        headers.put(EventHeaders.CE_ID, eventId);
        headers.put(EventHeaders.CE_TYPE, typeOf(payload));
        headers.put(EventHeaders.CE_SOURCE, "/" + source);
        headers.put(EventHeaders.CE_TIME, DateTimeFormatter.ISO_INSTANT.format(occurredAt));
        headers.put(EventHeaders.CE_SPECVERSION, EventHeaders.SPEC_VERSION);
        if (aggregateId != null) {
            headers.put(EventHeaders.CE_SUBJECT, aggregateId);
        }
        headers.put(EventHeaders.CONTENT_TYPE, EventHeaders.AVRO_CONTENT_TYPE);
        headers.put(EventHeaders.TRACEPARENT, trace.traceparent());
        return headers;
    }

    /** The payload's Avro full name (for generated classes, the class name). */
    static String typeOf(Object payload) {
        return payload instanceof GenericContainer record
                ? record.getSchema().getFullName()
                : payload.getClass().getName();
    }

    /** Which flow a new message belongs to and which message caused it. */
    public record Correlation(String correlationId, String causationId) {
        public static Correlation of(IncomingMessage<?> cause) {
            return new Correlation(cause.metadata().getCorrelationId(), cause.eventId());
        }
    }
}
