package com.draftorders.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.draftorders.avro.cart.LockCart;
import com.draftorders.avro.common.Metadata;
import com.draftorders.schemas.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Each service logs one INFO line per saga message it handles and per message it emits, in that message's trace. */
class SagaLogTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(SagaLog.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Level level;

    @BeforeEach
    void capture() {
        level = logger.getLevel();
        logger.setLevel(Level.INFO);
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
        logger.setLevel(level);
    }

    @Test
    void aHandledMessageIsOneInfoLineInItsTraceNamingTheServiceTheStepAndWhereItCameFrom() {
        var trace = TraceContext.newTrace();
        var message = new IncomingMessage<>(
                metadata("cart_1"), new LockCart("cart_1", "dorder_1", 2L, 1), "cart_1", "cart-commands", 3, 12);

        new SagaLog("cart-service").handled(message, trace);

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.INFO);
            assertThat(line.getFormattedMessage())
                    .isEqualTo("cart-service handled LockCart cart_1 from cart-commands[3]@12");
            assertThat(line.getMDCPropertyMap())
                    .containsEntry(TraceContext.MDC_TRACE_ID, trace.traceId())
                    .containsEntry(SagaLog.MDC_SERVICE, "cart-service");
        });
        assertThat(TraceContext.current()).isEmpty();
    }

    @Test
    void anEmittedMessageIsOneInfoLineInTheTraceItsTraceparentNames() {
        var trace = TraceContext.newTrace();
        var record = new ProducerRecord<String, byte[]>("cart-events", "cart_1", new byte[] {0});
        record.headers().add(EventHeaders.CE_TYPE, bytes("com.draftorders.avro.cart.CartLocked"));
        record.headers().add(EventHeaders.TRACEPARENT, bytes(trace.traceparent()));

        new SagaLog("cart-service")
                .emitted()
                .onSuccess(record, new RecordMetadata(new TopicPartition("cart-events", 3), 9, 0, 0, 0, 0));

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getFormattedMessage())
                    .isEqualTo("cart-service emitted CartLocked cart_1 to cart-events[3]@9");
            assertThat(line.getMDCPropertyMap())
                    .containsEntry(TraceContext.MDC_TRACE_ID, trace.traceId())
                    .containsEntry(SagaLog.MDC_SERVICE, "cart-service");
        });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Metadata metadata(String aggregateId) {
        return Metadata.newBuilder()
                .setEventId("evt_" + aggregateId)
                .setOccurredAt(Instant.parse("2026-11-23T10:15:30.123Z"))
                .setCorrelationId("evt_corr")
                .setCausationId(null)
                .setStoreId("store_1")
                .setAggregateId(aggregateId)
                .setAggregateVersion(1L)
                .setSource("test")
                .build();
    }
}
