package com.draftorders.messaging;

import com.draftorders.schemas.EventHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.support.ProducerListener;

/**
 * One INFO line per message a service handles and per message it emits (the relay's send acknowledged by the
 * broker), each in the trace of that message, so that one {@code grep <trace id>} over the services' logs finds a
 * whole completion, step by step. The line's MDC also names the service ({@value #MDC_SERVICE}), by which the
 * embedded stack writes each service's lines to a file of its own.
 *
 * <pre>
 * 13:37:48.671 INFO  [cart-service-subscriptions-0-C-1] [4bf9…-00f0…] c.d.messaging.SagaLog - cart-service handled LockCart cart_01M84… from cart-commands[3]@12
 * 13:37:48.702 INFO  [kafka-producer-network-thread | producer-2] [4bf9…-a3ce…] c.d.messaging.SagaLog - cart-service emitted CartLocked cart_01M84… to cart-events[3]@9
 * </pre>
 */
public final class SagaLog {

    /** The MDC key naming the service a log line belongs to. */
    public static final String MDC_SERVICE = "service";

    private static final Logger log = LoggerFactory.getLogger(SagaLog.class);

    private final String service;

    public SagaLog(String service) {
        this.service = service;
    }

    /** Logs that this service handled {@code message} (applied or ignored), in the message's trace. */
    public void handled(IncomingMessage<?> message, TraceContext trace) {
        if (!log.isInfoEnabled()) {
            return;
        }
        try (var scope = trace.activate();
                var mdc = MDC.putCloseable(MDC_SERVICE, service)) {
            log.info(
                    "{} handled {} {} from {}[{}]@{}",
                    service,
                    message.payload().getClass().getSimpleName(),
                    message.metadata().getAggregateId(),
                    message.topic(),
                    message.partition(),
                    message.offset());
        }
    }

    /** Logs each record the producer sent (its send acknowledged), in the trace its {@code traceparent} names. */
    public ProducerListener<String, byte[]> emitted() {
        return new ProducerListener<>() {
            @Override
            public void onSuccess(ProducerRecord<String, byte[]> record, RecordMetadata metadata) {
                if (!log.isInfoEnabled()) {
                    return;
                }
                String type = header(record, EventHeaders.CE_TYPE);
                var trace = TraceContext.parse(header(record, EventHeaders.TRACEPARENT));
                try (var scope = trace.map(TraceContext::activate).orElse(null);
                        var mdc = MDC.putCloseable(MDC_SERVICE, service)) {
                    log.info(
                            "{} emitted {} {} to {}[{}]@{}",
                            service,
                            type == null ? "record" : type.substring(type.lastIndexOf('.') + 1),
                            record.key(),
                            record.topic(),
                            metadata == null ? record.partition() : metadata.partition(),
                            metadata == null ? "?" : metadata.offset());
                }
            }
        };
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
