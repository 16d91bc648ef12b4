package com.draftorders.messaging.tools;

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

    public List<DeadLetter> list(String deadLetterTopic) {
        return ToolClients.readToEnd(clients, deadLetterTopic, Duration.ofSeconds(30)).stream()
                .map(DeadLetters::deadLetter)
                .toList();
    }

    /** Replays the dead letters at the given positions ({@code partition:offset}), or all of them for "all". */
    public List<DeadLetter> replay(String deadLetterTopic, List<String> positions) {
        Set<String> wanted = new HashSet<>(positions);
        List<DeadLetter> chosen = list(deadLetterTopic).stream()
                .filter(l -> wanted.contains("all") || wanted.contains(l.position()))
                .toList();
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
        ToolClients clients = ToolClients.parse(args);
        List<String> rest = clients.arguments();
        if (rest.size() < 2 || !(rest.get(0).equals("list") || rest.get(0).equals("replay"))) {
            System.err.println(
                    "usage: DeadLetters [--bootstrap=host:port] [--command-config=client.properties] list <topic>-dlt");
            System.err.println("       DeadLetters [...] replay <topic>-dlt <partition:offset>...|all");
            System.exit(2);
        }
        var tool = new DeadLetters(clients.config());
        if (rest.get(0).equals("list")) {
            for (DeadLetter l : tool.list(rest.get(1))) {
                System.out.printf(
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
            var replayed = tool.replay(rest.get(1), rest.subList(2, rest.size()));
            System.out.println("replayed " + replayed.size() + " record(s) to their original topics");
        }
    }
}
