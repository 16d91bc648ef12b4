package com.draftorders.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller) in a child JVM on this module's class path.
 * Its log directory is formatted once and then reused, so topics and messages survive a restart.
 */
final class KafkaBroker {

    private final StackSettings settings;
    private final Path dir;
    private final KafkaSecurity security;
    private ChildProcess process;

    /** @param security SASL/SCRAM and ACLs ({@code --secure}), or null for a PLAINTEXT broker without ACLs */
    KafkaBroker(StackSettings settings, KafkaSecurity security) {
        this.settings = settings;
        this.dir = settings.dataDir().resolve("kafka");
        this.security = security;
    }

    void start() {
        try {
            Files.createDirectories(dir);
            Path config = dir.resolve("server.properties");
            Files.writeString(config, serverProperties());
            Path logging = dir.resolve("logback.xml");
            Files.writeString(logging, LOGBACK);
            List<String> jvm = List.of(
                    "-Xmx512m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    "-Dlogback.configurationFile=" + logging);
            Path logDir = settings.dataDir().resolve("logs");
            boolean formatted = Files.exists(dir.resolve("data").resolve("meta.properties"));
            if (security != null && formatted && !security.credentialsExisted()) {
                throw new IllegalStateException("the data directory " + settings.dataDir() + " holds a broker started"
                        + " without --secure; start --secure with another --data-dir");
            }
            if (!formatted) {
                List<String> format = new java.util.ArrayList<>(List.of(
                        "kafka.tools.StorageTool",
                        "format",
                        "-t",
                        Uuid.randomUuid().toString(),
                        "-c",
                        config.toString()));
                if (security != null) {
                    format.addAll(List.of("--add-scram", security.formatScram()));
                }
                ChildProcess.runJava("kafka-format", logDir, jvm, format);
            }
            process = ChildProcess.startJava("kafka", logDir, jvm, List.of("kafka.Kafka", config.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Readiness.await("Kafka broker (" + process.log() + ")", Duration.ofSeconds(60), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited; see " + process.log());
            }
            return Readiness.portOpen(StackSettings.HOST, settings.kafkaPort());
        });
        if (security != null) {
            security.setUp(settings.kafkaBootstrap());
        }
    }

    void stop() {
        if (process != null) {
            process.stop();
        }
    }

    /** Kills the broker abruptly, as a crash would. */
    void kill() {
        if (process != null) {
            process.kill();
        }
    }

    private String serverProperties() {
        String host = StackSettings.HOST;
        List<String> listeners = security != null
                ? security.brokerProperties(host, settings.kafkaPort(), settings.kafkaControllerPort())
                : List.of(
                        "listeners=PLAINTEXT://" + host + ":" + settings.kafkaPort() + ",CONTROLLER://" + host + ":"
                                + settings.kafkaControllerPort(),
                        "advertised.listeners=PLAINTEXT://" + host + ":" + settings.kafkaPort(),
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                        "inter.broker.listener.name=PLAINTEXT");
        return String.join(
                        "\n",
                        "process.roles=broker,controller",
                        "node.id=1",
                        "controller.quorum.voters=1@" + host + ":" + settings.kafkaControllerPort(),
                        String.join("\n", listeners),
                        "controller.listener.names=CONTROLLER",
                        "log.dirs=" + dir.resolve("data"),
                        "num.partitions=6",
                        "auto.create.topics.enable=false",
                        "offsets.topic.replication.factor=1",
                        "offsets.topic.num.partitions=6",
                        "transaction.state.log.replication.factor=1",
                        "transaction.state.log.min.isr=1",
                        "share.coordinator.state.topic.replication.factor=1",
                        "share.coordinator.state.topic.min.isr=1",
                        "group.initial.rebalance.delay.ms=0",
                        "log.segment.bytes=67108864",
                        "")
                + "\n";
    }

    /** The broker's logging: its own INFO lines, Kafka's clients and the rest at WARN. */
    static final String LOGBACK = """
            <configuration>
              <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n</pattern></encoder>
              </appender>
              <logger name="kafka" level="INFO"/>
              <logger name="org.apache.kafka" level="WARN"/>
              <root level="WARN"><appender-ref ref="OUT"/></root>
            </configuration>
            """;
}
