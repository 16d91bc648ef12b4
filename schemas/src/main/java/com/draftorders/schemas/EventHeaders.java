package com.draftorders.schemas;

import java.util.List;

/**
 * The Kafka record headers every message on every topic carries, next to its Avro value. Producers (the outbox
 * relay) and the AsyncAPI document take the names from here, so the contract is written down once.
 *
 * <p>The {@code ce_*} headers follow the CloudEvents Kafka protocol binding (binary content mode, spec 1.0): a
 * CloudEvents-aware consumer routes on them without decoding the payload. {@code traceparent} is the W3C Trace
 * Context header that carries one trace id through every hop of a saga.
 */
public final class EventHeaders {

    /** The envelope's {@code metadata.event_id}; consumers deduplicate on it. */
    public static final String EVENT_ID = "event_id";

    /** CloudEvents {@code id}: equal to {@link #EVENT_ID}. */
    public static final String CE_ID = "ce_id";

    /** CloudEvents {@code type}: the payload's Avro full name, e.g. {@code com.draftorders.avro.draft.DraftOrderCompleted}. */
    public static final String CE_TYPE = "ce_type";

    /** CloudEvents {@code source}: the producing service as a URI reference, e.g. {@code /draft-service}. */
    public static final String CE_SOURCE = "ce_source";

    /** CloudEvents {@code time}: RFC 3339 UTC, the envelope's {@code metadata.occurred_at}. */
    public static final String CE_TIME = "ce_time";

    /** CloudEvents {@code specversion}: always {@value #SPEC_VERSION}. */
    public static final String CE_SPECVERSION = "ce_specversion";

    /** CloudEvents {@code subject}: the aggregate id (the record key). */
    public static final String CE_SUBJECT = "ce_subject";

    /** CloudEvents {@code datacontenttype} in the Kafka binding: {@value #AVRO_CONTENT_TYPE}. */
    public static final String CONTENT_TYPE = "content-type";

    /** W3C Trace Context: {@code 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>}. */
    public static final String TRACEPARENT = "traceparent";

    public static final String SPEC_VERSION = "1.0";

    /** The value bytes are Confluent wire format: magic byte, 4-byte schema id, Avro binary. */
    public static final String AVRO_CONTENT_TYPE = "application/avro";

    /** Every header, in the order producers write them. */
    public static final List<String> ALL = List.of(
            EVENT_ID, CE_ID, CE_TYPE, CE_SOURCE, CE_TIME, CE_SPECVERSION, CE_SUBJECT, CONTENT_TYPE, TRACEPARENT);

    private EventHeaders() {}
}
