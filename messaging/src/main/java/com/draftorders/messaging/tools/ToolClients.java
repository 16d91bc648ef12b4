package com.draftorders.messaging.tools;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The Kafka client settings of the operator tools: {@code --bootstrap=host:port} and, as with Kafka's own CLI tools,
 * {@code --command-config=file} with client properties (e.g. SASL/SCRAM for the compose stack's broker). Other
 * arguments are left for the tool.
 */
record ToolClients(Map<String, Object> config, List<String> arguments) {

    static ToolClients parse(String[] args) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", "127.0.0.1:9092");
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--bootstrap=")) {
                config.put("bootstrap.servers", arg.substring("--bootstrap=".length()));
            } else if (arg.startsWith("--command-config=")) {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(Path.of(arg.substring("--command-config=".length())))) {
                    properties.load(reader);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + arg, e);
                }
                properties.forEach((key, value) -> config.put(key.toString(), value));
            } else {
                rest.add(arg);
            }
        }
        return new ToolClients(Map.copyOf(config), List.copyOf(rest));
    }

    /** Only a bootstrap address, as in the embedded stack. */
    static Map<String, Object> plain(String bootstrap) {
        return Map.of("bootstrap.servers", bootstrap);
    }

    /**
     * Every record on {@code topic} from the beginning up to the end offsets when it is called (at most
     * {@code timeout} of reading), with its key as a string and its value as bytes.
     */
    static List<ConsumerRecord<String, byte[]>> readToEnd(Map<String, Object> config, String topic, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        // never create the topic by asking for it
        Map<String, Object> reading = with(config, Map.of("allow.auto.create.topics", false));
        try (var consumer = new KafkaConsumer<>(reading, new StringDeserializer(), new ByteArrayDeserializer())) {
            requireTopic(consumer, topic, config);
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Fails with a {@link ToolException} naming the broker unless {@code topic} exists there. */
    static void requireTopic(KafkaConsumer<?, ?> consumer, String topic, Map<String, Object> config) {
        if (!consumer.listTopics(Duration.ofSeconds(30)).containsKey(topic)) {
            throw new ToolException("no topic named " + topic + " on " + config.get("bootstrap.servers")
                    + " (the Events tool's 'topics' command lists them)");
        }
    }

    /**
     * Runs a tool's command: its {@link ToolException} is printed to {@code err} as {@code error: ...} and gives
     * {@link ToolException#EXIT_CODE}; otherwise the command's own exit code.
     */
    static int run(java.io.PrintStream err, java.util.function.IntSupplier command) {
        try {
            return command.getAsInt();
        } catch (ToolException e) {
            err.println("error: " + e.getMessage());
            return ToolException.EXIT_CODE;
        }
    }

    /** These settings plus {@code extra}. */
    static Map<String, Object> with(Map<String, Object> config, Map<String, Object> extra) {
        Map<String, Object> merged = new HashMap<>(config);
        merged.putAll(extra);
        return merged;
    }
}
