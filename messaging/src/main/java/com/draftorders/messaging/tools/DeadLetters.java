package com.draftorders.messaging.tools;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Lists the records of a dead-letter topic with the error that put them there, and replays chosen ones (their
 * original key and bytes) to the topic they came from.
 *
 * <pre>
 * java -cp stack/target/stack.jar com.draftorders.messaging.tools.DeadLetters --bootstrap=127.0.0.1:9092 list cart-commands-dlt
 * java -cp stack/target/stack.jar com.draftorders.messaging.tools.DeadLetters --bootstrap=127.0.0.1:9092 replay cart-commands-dlt 0:12 3:4
 * java -cp stack/target/stack.jar com.draftorders.messaging.tools.DeadLetters --bootstrap=127.0.0.1:9092 replay cart-commands-dlt all
 * </pre>
 */
public final class DeadLetters {

    /** Header spring-kafka's dead-letter recoverer writes: the original topic, partition and offset, the error. */
    static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";

    static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    static final String EXCEPTION_CLASS = "kafka_dlt-exception-fqcn";
    static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    static final String CAUSE_CLASS = "kafka_dlt-exception-cause-fqcn";
    /** Marks a replayed record with where it was replayed from. */
    public static final String REPLAYED_FROM = "replayed_from";

    private final Map<String, Object> clients;

    public DeadLetters(String bootstrap) {
        this(ToolClients.plain(bootstrap));
    }

    /** With Kafka client settings beyond the bootstrap address (e.g. SASL for a locked-down broker). */
    public DeadLetters(Map<String, Object> clients) {
        this.clients = Map.copyOf(clients);
    }

    /**
     * A dead letter: where it is, where it came from, and why it is here.
     *
     * @param headers the headers the original record carried ({@code traceparent}, {@code ce_*}, ...), without the
     *     ones the dead-letter recoverer added; a replay sends them again
     */
    public record DeadLetter(
            String deadLetterTopic,
            int partition,
            long offset,
            String key,
            byte[] value,
            String originalTopic,
            Integer originalPartition,
            Long originalOffset,
            String error,
            String errorMessage,
            Instant timestamp,
            List<Header> headers) {

        public String position() {
            return partition + ":" + offset;
        }
    }

    /** The suffix of a dead-letter topic's name: {@code <topic>-dlt}. */
    public static final String SUFFIX = "-dlt";

    /**
     * The dead letters on {@code deadLetterTopic}, oldest first per partition.
     *
     * @throws ToolException if the topic is not a dead-letter topic or does not exist
     */
    public List<DeadLetter> list(String deadLetterTopic) {
        requireDeadLetterTopic(deadLetterTopic);
        return ToolClients.readToEnd(clients, deadLetterTopic, Duration.ofSeconds(30)).stream()
                .map(DeadLetters::deadLetter)
                .toList();
    }

    /** A command on live records would re-send commands that were handled already: refused. */
    static void requireDeadLetterTopic(String topic) {
        if (!topic.endsWith(SUFFIX)) {
            throw new ToolException(topic + " is not a dead-letter topic (their names end in " + SUFFIX + ", e.g. "
                    + topic + SUFFIX + "); refusing to treat its records as dead letters");
        }
    }

    /**
     * Replays the dead letters at the given positions ({@code partition:offset}), or all of them for "all". Nothing
     * is replayed unless every position names a dead letter on the topic.
     *
     * @throws ToolException if a position is malformed or names no record of the topic
     */
    public List<DeadLetter> replay(String deadLetterTopic, List<String> positions) {
        if (positions.isEmpty()) {
            throw new ToolException("name the dead letters to replay (partition:offset ...) or 'all'");
        }
        for (String position : positions) {
            if (!position.equals("all") && !position.matches("\\d+:\\d+")) {
                throw new ToolException(
                        "'" + position + "' is not a position: write partition:offset (e.g. 0:12) or all");
            }
        }
        Set<String> wanted = new java.util.LinkedHashSet<>(positions);
        List<DeadLetter> letters = list(deadLetterTopic);
        Set<String> present = new HashSet<>();
        letters.forEach(l -> present.add(l.position()));
        List<String> missing = wanted.stream()
                .filter(p -> !p.equals("all") && !present.contains(p))
                .toList();
        if (!missing.isEmpty()) {
            throw new ToolException("no dead letter at " + String.join(", ", missing) + " on " + deadLetterTopic
                    + (letters.isEmpty() ? " (it holds no records)" : " ('list' shows the positions it holds)")
                    + "; nothing replayed");
        }
        List<DeadLetter> chosen = letters.stream()
                .filter(l -> wanted.contains("all") || wanted.contains(l.position()))
                .toList();
        if (chosen.isEmpty()) {
            return chosen;
        }
        try (var producer = new KafkaProducer<>(
                ToolClients.with(
                        clients,
                        Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (DeadLetter letter : chosen) {
                if (letter.originalTopic() == null) {
                    throw new IllegalStateException(letter.position() + " has no original topic header");
                }
                var record = new ProducerRecord<>(letter.originalTopic(), letter.key(), letter.value());
                letter.headers().forEach(record.headers()::add);
                record.headers()
                        .add(
                                REPLAYED_FROM,
                                (deadLetterTopic + ":" + letter.position()).getBytes(StandardCharsets.UTF_8));
                producer.send(record).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("replay failed", e.getCause());
        }
        return chosen;
    }

    private static DeadLetter deadLetter(ConsumerRecord<String, byte[]> record) {
        return new DeadLetter(
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                record.value(),
                text(record, ORIGINAL_TOPIC),
                number(record, ORIGINAL_PARTITION) == null
                        ? null
                        : number(record, ORIGINAL_PARTITION).intValue(),
                number(record, ORIGINAL_OFFSET),
                text(record, CAUSE_CLASS) != null ? text(record, CAUSE_CLASS) : text(record, EXCEPTION_CLASS),
                text(record, EXCEPTION_MESSAGE),
                Instant.ofEpochMilli(record.timestamp()),
                originalHeaders(record));
    }

    /** The record's headers less those a dead-letter recoverer adds and an earlier replay's mark. */
    static List<Header> originalHeaders(ConsumerRecord<?, ?> record) {
        List<Header> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("kafka_dlt-") && !header.key().equals(REPLAYED_FROM)) {
                headers.add(new RecordHeader(header.key(), header.value()));
            }
        }
        return List.copyOf(headers);
    }

    private static String text(ConsumerRecord<?, ?> record, String header) {
        Header h = record.headers().lastHeader(header);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** spring-kafka writes partition and offset headers as big-endian int and long. */
    private static Long number(ConsumerRecord<?, ?> record, String header) {
        Header h = record.headers().lastHeader(header);
        if (h == null) {
            return null;
        }
        byte[] v = h.value();
        long n = 0;
        for (byte b : v) {
            n = (n << 8) | (b & 0xff);
        }
        return n;
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The command line: prints to {@code out} and {@code err}, and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        ToolClients clients = ToolClients.parse(args);
        List<String> rest = clients.arguments();
        if (rest.size() < 2 || !(rest.get(0).equals("list") || rest.get(0).equals("replay"))) {
            err.println(
                    "usage: DeadLetters [--bootstrap=host:port] [--command-config=client.properties] list <topic>-dlt");
            err.println("       DeadLetters [...] replay <topic>-dlt <partition:offset>...|all");
            return 2;
        }
        var tool = new DeadLetters(clients.config());
        String topic = rest.get(1);
        return ToolClients.run(err, () -> {
            if (rest.get(0).equals("list")) {
                List<DeadLetter> letters = tool.list(topic);
                if (letters.isEmpty()) {
                    out.println("no records on " + topic);
                }
                for (DeadLetter l : letters) {
                    out.printf(
                            "%s  key=%s  from=%s[%s]@%s  %s: %s%n",
                            l.position(),
                            l.key(),
                            l.originalTopic(),
                            l.originalPartition(),
                            l.originalOffset(),
                            l.error(),
                            l.errorMessage());
                }
            } else {
                var replayed = tool.replay(topic, rest.subList(2, rest.size()));
                out.println(
                        replayed.isEmpty()
                                ? "no records on " + topic + "; nothing replayed"
                                : "replayed " + replayed.size() + " record(s) to their original topics");
            }
            return 0;
        });
    }
}
