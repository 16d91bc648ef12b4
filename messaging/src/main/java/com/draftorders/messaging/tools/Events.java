package com.draftorders.messaging.tools;

import com.draftorders.schemas.Topic;
import com.draftorders.schemas.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.json.JsonMapper;

/**
 * An operator's view of the topics without writing a consumer: what is on each topic and how far behind each
 * consumer group is, the records of a topic decoded to JSON through the schema registry, and every message of one
 * draft's flows (its saga included) in time order.
 *
 * <pre>
 * java -cp stack/target/stack.jar com.draftorders.messaging.tools.Events topics
 * java -cp stack/target/stack.jar com.draftorders.messaging.tools.Events read draft-order-events --limit=20
 * java -cp stack/target/stack.jar com.draftorders.messaging.tools.Events follow dorder_01J...
 * </pre>
 *
 * Decoding needs only the Confluent wire format: the 4-byte id after the magic byte is looked up once at
 * {@code <registry>/schemas/ids/{id}} (Confluent-compatible API), and the record is read with that writer schema, so
 * records written by an older or newer producer decode as they were written.
 */
public final class Events {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> clients;
    private final String registry;
    private final HttpClient http = // as ConfluentRegistryClient: no h2c upgrade
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<Integer, Schema> schemas = new HashMap<>();

    /**
     * @param bootstrap Kafka bootstrap servers
     * @param registry the registry's Confluent-compatible API, e.g. {@code http://127.0.0.1:8085/apis/ccompat/v7}
     */
    public Events(String bootstrap, String registry) {
        this(ToolClients.plain(bootstrap), registry);
    }

    /** With Kafka client settings beyond the bootstrap address (e.g. SASL for a locked-down broker). */
    public Events(Map<String, Object> clients, String registry) {
        this.clients = Map.copyOf(clients);
        this.registry = registry.replaceFirst("/$", "");
    }

    /** One record as an operator reads it: where it is, its headers, and its value decoded to JSON. */
    public record Event(
            String topic,
            int partition,
            long offset,
            String key,
            Instant timestamp,
            Map<String, String> headers,
            GenericRecord value,
            String error) {

        /** The envelope's metadata field, or null when the value did not decode. */
        public String metadata(String field) {
            if (value == null || !(value.get("metadata") instanceof GenericRecord metadata)) {
                return null;
            }
            Object v = metadata.get(field);
            return v == null ? null : v.toString();
        }

        /** The envelope's {@code occurred_at} (timestamp-millis), or the record's timestamp when it did not decode. */
        public Instant occurredAt() {
            String millis = metadata("occurred_at");
            return millis == null ? timestamp : Instant.ofEpochMilli(Long.parseLong(millis));
        }

        /** The payload type's simple name, e.g. {@code DraftOrderCompleted}. */
        public String type() {
            if (value == null || !(value.get("payload") instanceof GenericRecord payload)) {
                return error == null ? "?" : "undecodable";
            }
            return payload.getSchema().getName();
        }

        public String toJson() {
            return value == null
                    ? "{\"error\": \"" + error + "\"}"
                    : GenericData.get().toString(value);
        }
    }

    /** Per topic: partitions, records on it, and per consumer group the committed lag. */
    public record TopicSummary(String topic, int partitions, long records, Map<String, Long> lagByGroup) {}

    public List<TopicSummary> topics() {
        try (Admin admin = Admin.create(clients)) {
            var names = new TreeMap<String, Integer>();
            admin.describeTopics(admin.listTopics().names().get())
                    .allTopicNames()
                    .get()
                    .forEach((name, d) -> names.put(name, d.partitions().size()));
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            names.forEach((name, partitions) -> {
                for (int p = 0; p < partitions; p++) {
                    latest.put(new TopicPartition(name, p), OffsetSpec.latest());
                    earliest.put(new TopicPartition(name, p), OffsetSpec.earliest());
                }
            });
            var ends = admin.listOffsets(latest).all().get();
            var starts = admin.listOffsets(earliest).all().get();
            Map<String, Map<String, Long>> lags = new HashMap<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata()
                        .get();
                committed.forEach((tp, offset) -> {
                    if (offset != null && ends.containsKey(tp)) {
                        lags.computeIfAbsent(tp.topic(), t -> new TreeMap<>())
                                .merge(group.groupId(), ends.get(tp).offset() - offset.offset(), Long::sum);
                    }
                });
            }
            List<TopicSummary> summaries = new ArrayList<>();
            names.forEach((name, partitions) -> {
                long records = 0;
                for (int p = 0; p < partitions; p++) {
                    var tp = new TopicPartition(name, p);
                    records += ends.get(tp).offset() - starts.get(tp).offset();
                }
                summaries.add(new TopicSummary(name, partitions, records, lags.getOrDefault(name, Map.of())));
            });
            return summaries;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot describe the topics", e.getCause());
        }
    }

    /** The records of {@code topic} from the beginning, decoded; at most {@code limit}, the newest ones. */
    public List<Event> read(String topic, int limit) {
        List<Event> all = readAll(topic);
        return all.subList(Math.max(0, all.size() - limit), all.size());
    }

    /**
     * Every message of every flow that touches {@code aggregateId} (a draft, cart, payment or order id), across all
     * topics of the catalog, in time order. Flows are followed transitively: the draft's saga names its cart, payment
     * and order, and a later capture or refund of that order (a flow of its own, started over REST) belongs too.
     */
    public List<Event> follow(String aggregateId) {
        List<Event> all = new ArrayList<>();
        for (Topic<String, ?> topic : Topics.ALL) {
            try {
                all.addAll(readAll(topic.name()));
            } catch (ToolException noSuchTopic) {
                // not created yet (no service has started on this broker): nothing of the flow is on it
            }
        }
        Set<String> aggregates = new HashSet<>(Set.of(aggregateId));
        Set<String> correlations = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Event e : all) {
                boolean touches = aggregates.contains(e.key()) || aggregates.contains(e.metadata("aggregate_id"));
                if (touches && e.metadata("correlation_id") != null) {
                    grew |= correlations.add(e.metadata("correlation_id"));
                }
                if (correlations.contains(e.metadata("correlation_id"))) {
                    grew |= e.key() != null && aggregates.add(e.key());
                    grew |= e.metadata("aggregate_id") != null && aggregates.add(e.metadata("aggregate_id"));
                }
            }
        }
        return all.stream()
                .filter(e -> correlations.contains(e.metadata("correlation_id")))
                .sorted(Comparator.comparing(Event::occurredAt).thenComparing(Event::timestamp))
                .toList();
    }

    private List<Event> readAll(String topic) {
        List<Event> events = new ArrayList<>();
        ToolClients.readToEnd(clients, topic, READ_TIMEOUT).forEach(record -> events.add(event(record)));
        events.sort(Comparator.comparing(Event::timestamp));
        return events;
    }

    private Event event(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        GenericRecord value = null;
        String error = null;
        try {
            value = decode(record.value());
        } catch (RuntimeException e) {
            error = e.getMessage();
        }
        return new Event(
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                Instant.ofEpochMilli(record.timestamp()),
                headers,
                value,
                error);
    }

    /** Confluent wire format: magic byte 0, 4-byte big-endian schema id, Avro binary. */
    GenericRecord decode(byte[] bytes) {
        if (bytes == null || bytes.length < 5 || bytes[0] != 0) {
            throw new IllegalArgumentException("not Confluent wire format (no magic byte 0)");
        }
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        Schema writer = schemas.computeIfAbsent(id, this::fetchSchema);
        try {
            var decoder = DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null);
            return new GenericDatumReader<GenericRecord>(writer).read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("does not decode with schema " + id + ": " + e.getMessage(), e);
        }
    }

    private Schema fetchSchema(int id) {
        try {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(registry + "/schemas/ids/" + id))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalArgumentException(
                        "schema id " + id + " unknown to the registry (" + response.statusCode() + ")");
            }
            String schema = JsonMapper.builder()
                    .build()
                    .readTree(response.body())
                    .get("schema")
                    .asString();
            return new Schema.Parser().parse(schema);
        } catch (IOException e) {
            throw new IllegalStateException("registry unreachable at " + registry, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
        String registry = "http://127.0.0.1:8085/apis/ccompat/v7";
        int limit = 50;
        List<String> rest = new ArrayList<>();
        for (String arg : clients.arguments()) {
            if (arg.startsWith("--registry=")) {
                registry = arg.substring("--registry=".length());
            } else if (arg.startsWith("--limit=")) {
                limit = Integer.parseInt(arg.substring("--limit=".length()));
            } else {
                rest.add(arg);
            }
        }
        var tool = new Events(clients.config(), registry);
        String command = rest.isEmpty() ? "" : rest.get(0);
        int newest = limit;
        if (command.equals("topics") && rest.size() == 1) {
            return ToolClients.run(err, () -> {
                out.printf("%-30s %10s %10s  %s%n", "topic", "partitions", "records", "lag by consumer group");
                for (TopicSummary t : tool.topics()) {
                    out.printf("%-30s %10d %10d  %s%n", t.topic(), t.partitions(), t.records(), t.lagByGroup());
                }
                return 0;
            });
        } else if (command.equals("read") && rest.size() == 2) {
            return ToolClients.run(err, () -> {
                List<Event> events = tool.read(rest.get(1), newest);
                if (events.isEmpty()) {
                    out.println("no records on " + rest.get(1));
                }
                for (Event e : events) {
                    out.printf(
                            "%s[%d]@%d key=%s headers=%s%n  %s%n",
                            e.topic(), e.partition(), e.offset(), e.key(), e.headers(), e.toJson());
                }
                return 0;
            });
        } else if (command.equals("follow") && rest.size() == 2) {
            return ToolClients.run(err, () -> {
                List<Event> events = tool.follow(rest.get(1));
                if (events.isEmpty()) {
                    throw new ToolException("no message on any topic of the catalog names " + rest.get(1)
                            + " (a draft, cart, payment or order id, e.g. dorder_...)");
                }
                for (Event e : events) {
                    out.printf(
                            "%s  %-20s %-28s from %-16s aggregate=%s event=%s caused_by=%s%n",
                            e.occurredAt(),
                            e.topic(),
                            e.type(),
                            e.metadata("source"),
                            e.metadata("aggregate_id"),
                            e.metadata("event_id"),
                            e.metadata("causation_id"));
                }
                return 0;
            });
        } else {
            err.println("usage: Events [--bootstrap=host:port] [--command-config=client.properties]"
                    + " [--registry=<ccompat url>] topics");
            err.println("       Events [...] read <topic> [--limit=N]      the newest N records, decoded");
            err.println("       Events [...] follow <draft, cart, payment or order id>");
            return 2;
        }
    }
}
