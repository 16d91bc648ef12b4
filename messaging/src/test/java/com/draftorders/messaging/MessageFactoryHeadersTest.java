package com.draftorders.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.avro.cart.UnlockCart;
import com.draftorders.schemas.EventHeaders;
import com.draftorders.schemas.Topic;
import com.draftorders.schemas.Topics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;

class MessageFactoryHeadersTest {

    static final Instant NOW = Instant.parse("2025-03-04T05:06:07.089Z");

    /** Encoding is the registry's business; these tests look at headers only. */
    static final class NoCodec extends MessageCodec {
        NoCodec() {
            super("http://127.0.0.1:1/apis/registry/v2");
        }

        @Override
        public <V extends SpecificRecordBase> byte[] encode(Topic<String, V> topic, V envelope) {
            return new byte[] {0, 0, 0, 0, 0};
        }
    }

    final MessageFactory factory = new MessageFactory(new NoCodec(), "cart-service", Clock.fixed(NOW, ZoneOffset.UTC));

    OutgoingMessage unlock() {
        return factory.create(
                Topics.CART_COMMANDS, "cart_1", "store_1", "cart_1", 3, null, new UnlockCart("cart_1", "dorder_1", 1));
    }

    @Test
    void aMessageCarriesEveryHeaderInTheCatalogsOrder() {
        assertThat(unlock().headers().keySet()).containsExactlyElementsOf(EventHeaders.ALL);
    }

    @Test
    void theCloudEventsHeadersDescribeTheEnvelope() {
        var message = unlock();

        assertThat(message.headers())
                .containsEntry(EventHeaders.EVENT_ID, message.messageId())
                .containsEntry(EventHeaders.CE_ID, message.messageId())
                .containsEntry(EventHeaders.CE_TYPE, "com.draftorders.avro.cart.UnlockCart")
                .containsEntry(EventHeaders.CE_SOURCE, "/cart-service")
                .containsEntry(EventHeaders.CE_TIME, "2025-03-04T05:06:07.089Z")
                .containsEntry(EventHeaders.CE_SPECVERSION, "1.0")
                .containsEntry(EventHeaders.CE_SUBJECT, "cart_1")
                .containsEntry(EventHeaders.CONTENT_TYPE, "application/avro");
    }

    @Test
    void aMessageBuiltInATraceContinuesItWithAChildSpan() {
        var current = TraceContext.newTrace();
        OutgoingMessage message;
        try (var scope = current.activate()) {
            message = unlock();
        }

        var sent = TraceContext.parse(message.headers().get(EventHeaders.TRACEPARENT))
                .orElseThrow();
        assertThat(sent.traceId()).isEqualTo(current.traceId());
        assertThat(sent.spanId()).isNotEqualTo(current.spanId());
    }

    @Test
    void twoMessagesOfOneSpanGetSpansOfTheirOwn() {
        OutgoingMessage first;
        OutgoingMessage second;
        try (var scope = TraceContext.newTrace().activate()) {
            first = unlock();
            second = unlock();
        }
        assertThat(first.headers().get(EventHeaders.TRACEPARENT))
                .isNotEqualTo(second.headers().get(EventHeaders.TRACEPARENT));
    }

    @Test
    void aMessageBuiltOutsideAnyTraceStartsANewOne() {
        var first = TraceContext.parse(unlock().headers().get(EventHeaders.TRACEPARENT));
        var second = TraceContext.parse(unlock().headers().get(EventHeaders.TRACEPARENT));

        assertThat(first).isPresent();
        assertThat(second).isPresent();
        assertThat(first.get().traceId()).isNotEqualTo(second.get().traceId());
    }

    @Test
    void aMessageStoredWithoutHeadersHasAnEmptyMap() {
        var old = new OutgoingMessage("evt_1", "cart-commands", "cart_1", new byte[0], NOW, null);

        assertThat(old.headers()).isEmpty();
    }
}
