package com.draftorders.benchmark;

import com.draftorders.avro.draft.DraftOrderCompleted;
import com.draftorders.avro.draft.DraftOrderCompletionFailed;
import com.draftorders.avro.draft.DraftOrderCreated;
import com.draftorders.avro.draft.DraftOrderRequestRejected;
import com.draftorders.avro.draft.DraftOrderSnapshot;
import com.draftorders.avro.draft.DraftOrderUpdated;
import com.draftorders.avro.order.OrderCreated;
import com.draftorders.avro.order.OrderCreationFailed;
import com.draftorders.avro.order.OrderPaymentCaptured;
import com.draftorders.messaging.MessageCodec;
import com.draftorders.schemas.Topic;
import com.draftorders.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches draft-order-events and order-events with one consumer (as any subscriber would) and moves each tracked
 * completion along: ready (REST then asks for the completion), order created, payment captured (done). Failures
 * the system reports (rejected request, failed completion, failed order) end a completion with that reason; a
 * completion not captured within the timeout ends as a timeout. No service is polled.
 */
final class Tracker implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final MessageCodec codec;
    private final long timeoutNanos;
    private final Map<String, Completion> byRef = new ConcurrentHashMap<>();
    private final Map<String, Completion> byDraft = new ConcurrentHashMap<>();
    private final Map<String, Completion> byOrder = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private long nextTimeoutScan;

    Tracker(Target target, Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
        this.codec = new MessageCodec(target.registryUrl);
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        target.kafka,
                        ConsumerConfig.CLIENT_ID_CONFIG,
                        "bench-tracker",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        5000,
                        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                        100),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (Topic<String, ?> topic : List.of(Topics.DRAFT_ORDER_EVENTS, Topics.ORDER_EVENTS)) {
            for (int p = 0; p < topic.partitions(); p++) {
                partitions.add(new TopicPartition(topic.name(), p));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve now: only what happens from here on is tracked
        thread = new Thread(this::run, "bench-tracker");
        thread.setDaemon(true);
        thread.start();
    }

    void register(Completion c) {
        byRef.put(c.ref, c);
    }

    /** Ends a completion (the first outcome wins). {@code error} null means captured. */
    void finish(Completion c, String error) {
        long now = System.nanoTime();
        if (!c.finished.compareAndSet(false, true)) {
            return;
        }
        byRef.remove(c.ref);
        if (c.draftId != null) {
            byDraft.remove(c.draftId);
        }
        if (c.orderId != null) {
            byOrder.remove(c.orderId);
        }
        c.run.finished(c, error, now);
    }

    /** Ends every completion of {@code run} still in flight as a timeout (the run's drain is over). */
    void abandon(RunStats run) {
        for (Completion c : List.copyOf(byRef.values())) {
            if (c.run == run) {
                finish(c, RunStats.TIMEOUT);
            }
        }
    }

    private void run() {
        while (running) {
            try {
                var records = consumer.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                for (ConsumerRecord<String, byte[]> record : records) {
                    handle(record, now);
                }
                if (now >= nextTimeoutScan) {
                    expire(now);
                    nextTimeoutScan = now + 100_000_000L;
                }
            } catch (WakeupException e) {
                // closing
            } catch (RuntimeException e) {
                System.err.println("tracker: " + e);
            }
        }
        consumer.close();
        codec.close();
    }

    private void handle(ConsumerRecord<String, byte[]> record, long now) {
        if (record.topic().equals(Topics.ORDER_EVENTS.name())) {
            Object payload = Topic.payloadOf(codec.decode(Topics.ORDER_EVENTS, record.value()));
            if (payload instanceof OrderCreated created) {
                var order = created.getOrder();
                Completion c = order.getNote() == null ? null : byRef.get(order.getNote());
                if (c == null) {
                    c = byDraft.get(order.getDraftOrderId());
                }
                if (c != null) {
                    c.orderNanos = now;
                    c.orderId = order.getId();
                    byOrder.put(order.getId(), c);
                }
            } else if (payload instanceof OrderPaymentCaptured captured) {
                Completion c = byOrder.get(captured.getOrderId());
                if (c != null) {
                    finish(c, null);
                }
            } else if (payload instanceof OrderCreationFailed failed) {
                Completion c = byDraft.get(failed.getDraftOrderId());
                if (c != null) {
                    finish(c, "order creation failed: " + failed.getReason());
                }
            }
            return;
        }
        Object payload = Topic.payloadOf(codec.decode(Topics.DRAFT_ORDER_EVENTS, record.value()));
        if (payload instanceof DraftOrderCreated e) {
            snapshot(e.getDraftOrder(), now);
        } else if (payload instanceof DraftOrderUpdated e) {
            snapshot(e.getDraftOrder(), now);
        } else if (payload instanceof DraftOrderCompleted e) {
            snapshot(e.getDraftOrder(), now);
        } else if (payload instanceof DraftOrderCompletionFailed e) {
            Completion c = byDraft.get(e.getDraftOrderId());
            if (c != null) {
                finish(c, "completion failed at " + e.getStep() + ": " + e.getReason());
            }
        } else if (payload instanceof DraftOrderRequestRejected e) {
            Completion c = e.getExternalReference() == null ? null : byRef.get(e.getExternalReference());
            if (c != null) {
                finish(c, "request rejected: " + e.getReason());
            }
        }
    }

    private void snapshot(DraftOrderSnapshot draft, long now) {
        Completion c = draft.getNote() == null ? null : byRef.get(draft.getNote());
        if (c == null) {
            return;
        }
        if (c.draftId == null) {
            c.draftId = draft.getId();
            byDraft.put(draft.getId(), c);
        }
        if (draft.getReady() && c.readyNanos == 0) {
            c.readyNanos = now;
            c.channel.onReady(c, draft.getId());
        }
    }

    private void expire(long now) {
        for (Completion c : byRef.values()) {
            if (now - c.intendedNanos > timeoutNanos) {
                finish(c, RunStats.TIMEOUT);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
