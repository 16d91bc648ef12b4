package com.draftorders.messaging.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolClientsTest {

    @Test
    void withoutArgumentsTheToolsTalkPlaintextToTheEmbeddedBroker() {
        var clients = ToolClients.parse(new String[] {"topics"});

        assertThat(clients.config())
                .containsOnlyKeys("bootstrap.servers")
                .containsEntry("bootstrap.servers", "127.0.0.1:9092");
        assertThat(clients.arguments()).containsExactly("topics");
    }

    @Test
    void aCommandConfigFileAddsItsClientSettingsAsKafkasOwnToolsDo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("operator.properties");
        Files.writeString(file, """
                security.protocol=SASL_PLAINTEXT
                sasl.mechanism=SCRAM-SHA-512
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="secret";
                """);

        var clients = ToolClients.parse(
                new String[] {"--bootstrap=localhost:9092", "--command-config=" + file, "list", "cart-commands-dlt"});

        assertThat(clients.config())
                .containsEntry("bootstrap.servers", "localhost:9092")
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsKey("sasl.jaas.config");
        assertThat(clients.arguments()).containsExactly("list", "cart-commands-dlt");
    }
}
