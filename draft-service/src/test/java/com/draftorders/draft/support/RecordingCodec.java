package com.draftorders.draft.support;

import com.draftorders.messaging.MessageCodec;
import com.draftorders.schemas.Topic;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Keeps envelopes instead of registering schemas (no registry in these tests): the outbox stores the message id as
 * its "bytes", and every message the service wrote can be looked at.
 */
public final class RecordingCodec extends MessageCodec {

    /** One message as written: its topic, key and envelope. */
    public record Recorded(String topic, String key, SpecificRecordBase envelope) {
        public Object payload() {
            return Topic.payloadOf(envelope);
        }
    }

    private final Map<String, SpecificRecordBase> byId = new ConcurrentHashMap<>();
    private final List<Recorded> all = new CopyOnWriteArrayList<>();

    public RecordingCodec() {
        super("http://127.0.0.1:9/apis/registry/v2");
    }

    @Override
    public <V extends SpecificRecordBase> byte[] encode(Topic<String, V> topic, V envelope) {
        String eventId = Topic.metadataOf(envelope).getEventId();
        byId.put(eventId, envelope);
        all.add(new Recorded(topic.name(), Topic.metadataOf(envelope).getAggregateId(), envelope));
        return eventId.getBytes(StandardCharsets.UTF_8);
    }

    public SpecificRecordBase envelope(byte[] bytes) {
        return byId.get(new String(bytes, StandardCharsets.UTF_8));
    }

    /** The payloads of type {@code type} written on {@code topic} about {@code aggregateId}, in order. */
    public <P> List<P> payloads(String topic, String aggregateId, Class<P> type) {
        return all.stream()
                .filter(r -> r.topic().equals(topic) && r.key().equals(aggregateId))
                .map(Recorded::payload)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    /** Every message written for {@code storeId}, in order. */
    public List<Recorded> ofStore(String storeId) {
        return all.stream()
                .filter(r -> storeId.equals(Topic.metadataOf(r.envelope()).getStoreId()))
                .toList();
    }
}
