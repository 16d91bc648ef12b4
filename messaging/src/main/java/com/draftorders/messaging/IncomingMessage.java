package com.draftorders.messaging;

import com.draftorders.avro.common.Metadata;

/** A decoded record: the envelope's metadata and payload, and where it came from. */
public record IncomingMessage<P>(Metadata metadata, P payload, String key, String topic, int partition, long offset) {

    public String eventId() {
        return metadata.getEventId();
    }

    public String storeId() {
        return metadata.getStoreId();
    }
}
