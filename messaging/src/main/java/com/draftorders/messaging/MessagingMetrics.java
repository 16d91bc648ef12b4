package com.draftorders.messaging;

import com.draftorders.schemas.EventHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.ProducerListener;

/**
 * The message counters every service has (README "Observability"): records sent, records handled, records
 * dead-lettered, by topic and message type (the payload's simple class name).
 */
public class MessagingMetrics {

    /** Records the producer sent successfully (outbox relay and dead letters), by topic and type. */
    public static final String SENT = "draftorders.messages.sent";

    /** Records a subscription handled, by topic, type and outcome ({@code applied} or {@code ignored}). */
    public static final String HANDLED = "draftorders.messages.handled";

    /** Records sent to {@code <topic>-dlt}, by original topic and reason. */
    public static final String DEAD_LETTERED = "draftorders.messages.dead_lettered";

    private final MeterRegistry registry;

    public MessagingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void handled(String topic, Object payload, boolean applied) {
        Counter.builder(HANDLED)
                .description("Records a subscription decoded and dispatched")
                .tag("topic", topic)
                .tag("type", payload.getClass().getSimpleName())
                .tag("outcome", applied ? "applied" : "ignored")
                .register(registry)
                .increment();
    }

    public void deadLettered(String topic, Exception error) {
        Counter.builder(DEAD_LETTERED)
                .description("Records sent to the topic's dead-letter topic")
                .tag("topic", topic)
                .tag("reason", reason(error))
                .register(registry)
                .increment();
    }

    /**
     * Why a record was dead-lettered: {@code undecodable} (not a message of the topic's schema), {@code invalid}
     * (refused by validation, not retried) or {@code failed} (still failing after the retries).
     */
    static String reason(Throwable error) {
        Throwable cause = error;
        while (cause instanceof ListenerExecutionFailedException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof UndecodableMessageException) {
            return "undecodable";
        }
        if (cause instanceof InvalidMessageException) {
            return "invalid";
        }
        return "failed";
    }

    /** Counts what the producer sent, as a template's producer listener. */
    public ProducerListener<String, byte[]> producerListener() {
        return new ProducerListener<>() {
            @Override
            public void onSuccess(ProducerRecord<String, byte[]> record, RecordMetadata metadata) {
                Header type = record.headers().lastHeader(EventHeaders.CE_TYPE);
                String name = type == null ? "unknown" : new String(type.value(), StandardCharsets.UTF_8);
                Counter.builder(SENT)
                        .description("Records the producer sent")
                        .tag("topic", record.topic())
                        .tag("type", name.substring(name.lastIndexOf('.') + 1))
                        .register(registry)
                        .increment();
            }
        };
    }
}
