package com.draftorders.messaging.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/** A producer seam for relay tests: records what would be sent, and can refuse the next few sends. */
public final class RecordingKafka extends KafkaTemplate<String, byte[]> {

    public final List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();
    public volatile int failuresLeft;

    public RecordingKafka() {
        super(() -> null);
    }

    @Override
    public synchronized CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
        if (failuresLeft > 0) {
            failuresLeft--;
            return CompletableFuture.failedFuture(new IllegalStateException("not acknowledged"));
        }
        sent.add(record);
        return CompletableFuture.completedFuture(new SendResult<>(record, null));
    }

    /** The values of what was sent, as text, in order. */
    public synchronized List<String> sentValues() {
        return sent.stream()
                .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .toList();
    }
}
