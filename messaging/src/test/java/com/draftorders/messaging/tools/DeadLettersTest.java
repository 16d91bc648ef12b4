package com.draftorders.messaging.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    @Test
    void aReplayKeepsTheOriginalHeadersButNotTheDeadLetterOnes() {
        var record = new ConsumerRecord<String, byte[]>("cart-commands-dlt", 0, 7, "cart_1", new byte[] {0});
        record.headers().add("traceparent", bytes("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        record.headers().add("ce_type", bytes("com.draftorders.avro.cart.LockCart"));
        record.headers().add(DeadLetters.ORIGINAL_TOPIC, bytes("cart-commands"));
        record.headers().add(DeadLetters.EXCEPTION_MESSAGE, bytes("boom"));
        record.headers().add(DeadLetters.REPLAYED_FROM, bytes("cart-commands-dlt:0:3"));

        assertThat(DeadLetters.originalHeaders(record))
                .extracting(Header::key)
                .containsExactly("traceparent", "ce_type");
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
