package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.avro.draft.CompleteDraftOrder;
import com.draftorders.avro.draft.CreateDraftOrder;
import com.draftorders.messaging.MessageCodec;
import com.draftorders.schemas.Topics;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole stack — the process the README's run command starts, with its broker and registry — killed with SIGKILL
 * (every process at once) while an outside channel sends drafts, three times at different moments, and started
 * again on the same data directory each time. Every request the broker acknowledged to the channel is carried out
 * exactly once: the services acknowledge nothing (offset, message, answer) before the write it depends on is on
 * disk.
 */
@Tag("e2e")
class WholeStackKillTest {

    private static final String STORE = "dev";
    private static final Duration PATIENCE = Duration.ofSeconds(240);

    @Test
    void everyAcknowledgedRequestIsCarriedOutExactlyOnceAfterEveryProcessOfTheStackIsKilledThreeTimes()
            throws Exception {
        Path dataDir = TestStack.tempDir();
        StackSettings settings = StackSettings.randomPorts(dataDir);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Boolean> created = new ConcurrentHashMap<>();
        Map<String, Boolean> completed = new ConcurrentHashMap<>();
        List<String> kills = new ArrayList<>();

        StackProcess stack = StackProcess.start(settings, dataDir);
        try (var channel = new SendingChannel(settings, run, created, completed)) {
            channel.start(15);

            // 1. early: the first requests are in, the first sagas have barely begun
            channel.awaitSent(30);
            kills.add(stack.killEverything("early, " + channel.sent() + " drafts sent"));
            stack = StackProcess.start(settings, dataDir);

            // 2. mid-burst: requests arriving, sagas at every step
            channel.awaitSent(channel.sent() + 120);
            kills.add(stack.killEverything("mid-burst, " + channel.sent() + " drafts sent"));
            stack = StackProcess.start(settings, dataDir);

            // 3. while captures are in flight: the channel has stopped, the last sagas are finishing
            channel.awaitSent(channel.sent() + 60);
            channel.stop();
            try (MongoClient mongo = MongoClients.create(settings.mongoUri())) {
                var orders = mongo.getDatabase("orders").getCollection("orders");
                long before = orders.countDocuments();
                Eventually.await(
                        "some orders created since the last restart",
                        PATIENCE,
                        () -> orders.countDocuments() - before,
                        n -> n >= 20);
            }
            kills.add(stack.killEverything("while captures are in flight, " + channel.sent() + " drafts sent"));
            stack = StackProcess.start(settings, dataDir);
        }

        try (MongoClient mongo = MongoClients.create(settings.mongoUri())) {
            assertEveryAcknowledgedRequestCarriedOutOnce(mongo, run, created, completed, kills);
        } finally {
            stack.killEverything("end of test");
        }
    }

    private static void assertEveryAcknowledgedRequestCarriedOutOnce(
            MongoClient mongo,
            String run,
            Map<String, Boolean> created,
            Map<String, Boolean> completed,
            List<String> kills) {
        Set<String> acknowledgedPairs = new java.util.HashSet<>();
        created.forEach((reference, acknowledged) -> {
            if (acknowledged && Boolean.TRUE.equals(completed.get(reference))) {
                acknowledgedPairs.add(reference);
            }
        });
        var draftsDb = mongo.getDatabase("drafts").getCollection("draft_orders");
        var ofRun = Filters.regex("channelReference", ":crash:" + run + "-");
        Eventually.await(
                "every acknowledged draft completed",
                PATIENCE,
                () -> countCompleted(draftsDb, ofRun, acknowledgedPairs),
                n -> n == acknowledgedPairs.size());

        Map<String, Long> draftsPerReference = new HashMap<>();
        Map<String, String> statusOf = new HashMap<>();
        Map<String, String> referenceOfDraft = new HashMap<>();
        draftsDb.find(ofRun).forEach(d -> {
            String reference = reference(d.getString("channelReference"));
            draftsPerReference.merge(reference, 1L, Long::sum);
            statusOf.put(reference, d.getString("status"));
            referenceOfDraft.put(d.getString("_id"), reference);
        });
        var ordersDb = mongo.getDatabase("orders").getCollection("orders");
        Map<String, Long> ordersPerDraft = new HashMap<>();
        ordersDb.find(Filters.in("draftOrderId", referenceOfDraft.keySet()))
                .forEach(o -> ordersPerDraft.merge(o.getString("draftOrderId"), 1L, Long::sum));
        var payments = mongo.getDatabase("payments").getCollection("payments");
        Eventually.await(
                "every order's payment captured",
                PATIENCE,
                () -> payments.countDocuments(Filters.and(
                        Filters.in("draftOrderId", referenceOfDraft.keySet()), Filters.eq("status", "CAPTURED"))),
                n -> n == ordersPerDraft.size());
        Map<String, Long> capturesPerDraft = new HashMap<>();
        payments.find(Filters.and(
                        Filters.in("draftOrderId", referenceOfDraft.keySet()), Filters.eq("status", "CAPTURED")))
                .forEach(p -> capturesPerDraft.merge(p.getString("draftOrderId"), 1L, Long::sum));
        long completing = draftsDb.countDocuments(Filters.and(ofRun, Filters.eq("status", "COMPLETING")));
        long acknowledgedCreates =
                created.values().stream().filter(Boolean::booleanValue).count();
        long missing = acknowledgedPairs.stream()
                .filter(r -> !draftsPerReference.containsKey(r))
                .count();

        System.out.printf(
                "whole stack killed %d times (%s): requests acknowledged: %d creates, %d create+complete pairs;"
                        + " drafts=%d (max per reference %d, acknowledged without a draft %d), completed=%d,"
                        + " orders=%d (max per draft %d), captures=%d (max per draft %d), left completing=%d%n",
                kills.size(),
                String.join("; ", kills),
                acknowledgedCreates,
                acknowledgedPairs.size(),
                draftsPerReference.size(),
                draftsPerReference.values().stream()
                        .mapToLong(Long::longValue)
                        .max()
                        .orElse(0),
                missing,
                statusOf.values().stream().filter("COMPLETED"::equals).count(),
                ordersPerDraft.size(),
                ordersPerDraft.values().stream()
                        .mapToLong(Long::longValue)
                        .max()
                        .orElse(0),
                capturesPerDraft.size(),
                capturesPerDraft.values().stream()
                        .mapToLong(Long::longValue)
                        .max()
                        .orElse(0),
                completing);

        created.forEach((reference, acknowledged) -> {
            if (acknowledged) {
                assertThat(draftsPerReference.get(reference))
                        .as("drafts for acknowledged request " + reference)
                        .isEqualTo(1L);
            }
        });
        assertThat(draftsPerReference.values())
                .as("no reference has two drafts")
                .allMatch(n -> n == 1);
        for (String reference : acknowledgedPairs) {
            assertThat(statusOf.get(reference)).as("status of " + reference).isEqualTo("COMPLETED");
        }
        assertThat(ordersPerDraft.values()).allMatch(n -> n == 1);
        assertThat(capturesPerDraft.values()).allMatch(n -> n == 1);
        assertThat(capturesPerDraft.keySet()).isEqualTo(ordersPerDraft.keySet());
        assertThat(completing).isZero();
    }

    private static long countCompleted(
            com.mongodb.client.MongoCollection<org.bson.Document> drafts,
            org.bson.conversions.Bson ofRun,
            Set<String> references) {
        long n = 0;
        for (var d : drafts.find(Filters.and(ofRun, Filters.eq("status", "COMPLETED")))) {
            if (references.contains(reference(d.getString("channelReference")))) {
                n++;
            }
        }
        return n;
    }

    /** {@code store:channel:reference} → reference. */
    private static String reference(String channelReference) {
        return channelReference.substring(channelReference.lastIndexOf(':') + 1);
    }

    /**
     * An outside channel publishing create + complete pairs at a steady rate, remembering which requests the broker
     * acknowledged. While the stack is down its sends fail fast and are counted as not acknowledged.
     */
    private static final class SendingChannel implements AutoCloseable {

        private final MessageCodec codec;
        private final KafkaProducer<String, byte[]> producer;
        private final String run;
        private final Map<String, Boolean> created;
        private final Map<String, Boolean> completed;
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean();
        private Thread thread;

        SendingChannel(
                StackSettings settings, String run, Map<String, Boolean> created, Map<String, Boolean> completed) {
            this.codec = new MessageCodec(settings.registryUrl());
            this.producer = new KafkaProducer<>(
                    Map.of(
                            "bootstrap.servers", settings.kafkaBootstrap(),
                            "acks", "all",
                            "enable.idempotence", "true",
                            "delivery.timeout.ms", "8000",
                            "request.timeout.ms", "3000",
                            "max.block.ms", "3000",
                            "linger.ms", "1"),
                    new StringSerializer(),
                    new ByteArraySerializer());
            this.run = run;
            this.created = created;
            this.completed = completed;
        }

        void start(int draftsPerSecond) {
            running.set(true);
            thread = new Thread(
                    () -> {
                        long interval = 1_000_000_000L / draftsPerSecond;
                        long next = System.nanoTime();
                        while (running.get()) {
                            int i = sent.get();
                            String reference = run + "-" + i;
                            var create = send(
                                    reference,
                                    CreateDraftOrder.newBuilder()
                                            .setRequestId("create-" + reference)
                                            .setChannel("crash")
                                            .setExternalReference(reference)
                                            .setContent(CompletionOverKafkaEndToEndTest.content(1 + i % 3, 500 + i))
                                            .build());
                            var complete = send(
                                    reference,
                                    CompleteDraftOrder.newBuilder()
                                            .setRequestId("complete-" + reference)
                                            .setChannel("crash")
                                            .setExternalReference(reference)
                                            .build());
                            created.put(reference, acknowledged(create));
                            completed.put(reference, acknowledged(complete));
                            sent.incrementAndGet();
                            next += interval;
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                sleep(Duration.ofNanos(wait));
                            } else {
                                next = System.nanoTime();
                            }
                        }
                    },
                    "crash-test-channel");
            thread.start();
        }

        private Future<?> send(String reference, Object payload) {
            try {
                var metadata = SampleMessages.metadata(reference);
                metadata.setStoreId(STORE);
                var envelope = Topics.DRAFT_ORDER_REQUESTS.wrap(metadata, payload);
                return producer.send(new ProducerRecord<>(
                        Topics.DRAFT_ORDER_REQUESTS.name(),
                        reference,
                        codec.encode(Topics.DRAFT_ORDER_REQUESTS, envelope)));
            } catch (RuntimeException e) {
                return java.util.concurrent.CompletableFuture.failedFuture(e);
            }
        }

        private static boolean acknowledged(Future<?> send) {
            try {
                send.get();
                return true;
            } catch (Exception e) {
                return false;
            }
        }

        int sent() {
            return sent.get();
        }

        void awaitSent(int count) {
            Eventually.await("the channel sent " + count + " drafts", PATIENCE, sent::get, n -> n >= count);
        }

        void stop() throws InterruptedException {
            running.set(false);
            if (thread != null) {
                thread.join();
            }
        }

        @Override
        public void close() throws Exception {
            stop();
            producer.close(Duration.ofSeconds(5));
            codec.close();
        }
    }

    /** The stack as {@code java -jar stack/target/stack.jar} runs it: its main class, its class path, its data. */
    private static final class StackProcess {

        private final Process process;
        private final Path log;

        private StackProcess(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        static StackProcess start(StackSettings settings, Path dataDir) {
            try {
                Path log = Files.createTempFile("whole-stack-", ".log");
                List<String> command = new ArrayList<>(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedStack.class.getName(),
                        "--data-dir=" + dataDir,
                        "--kafka-port=" + settings.kafkaPort(),
                        "--kafka-controller-port=" + settings.kafkaControllerPort(),
                        "--mongo-port=" + settings.mongoPort(),
                        "--registry-port=" + settings.registryPort(),
                        "--draft-port=" + settings.draftPort(),
                        "--cart-port=" + settings.cartPort(),
                        "--order-port=" + settings.orderPort(),
                        "--payment-port=" + settings.paymentPort(),
                        "--dev-secret=" + settings.devSecret(),
                        "--draftorders.drafts.saga.step-timeout=10s"));
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                StackProcess stack = new StackProcess(process, log);
                Eventually.await("the stack ready (" + log + ")", PATIENCE, stack::ready, ready -> ready);
                return stack;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private boolean ready() {
            if (!process.isAlive()) {
                throw new AssertionError("the stack exited; see " + log);
            }
            try {
                return Files.readString(log).contains("Ready in");
            } catch (IOException e) {
                return false;
            }
        }

        /** SIGKILL to the stack's process and every process it started, all at once. */
        String killEverything(String moment) {
            List<ProcessHandle> all =
                    new ArrayList<>(process.toHandle().descendants().toList());
            all.add(process.toHandle());
            all.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle handle : all) {
                handle.onExit()
                        .orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
                        .join();
            }
            System.out.printf("killed %d processes of the stack (%s)%n", all.size(), moment);
            return moment;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
