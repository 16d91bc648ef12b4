package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The production-shaped docker-compose.yml cannot run here (no Docker engine), but Debian's docker-compose
 * validates and resolves it offline; {@code .ci/run} installs it.
 */
class ComposeFileTest {

    private static final Path COMPOSE_FILE =
            Path.of("..", "docker-compose.yml").toAbsolutePath().normalize();

    @Test
    void theComposeFileIsValidAndWiresTheWholeStack() throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed (.ci/run installs it)");

        String resolved = run("docker-compose", "-f", COMPOSE_FILE.toString(), "config");

        assertThat(resolved)
                .contains("apache/kafka:")
                .contains("--replSet")
                .contains("apicurio/apicurio-registry-kafkasql:2.6.13.Final")
                .contains("KAFKA_CLUSTERS_0_SCHEMAREGISTRY: http://registry:8080/apis/ccompat/v7")
                .contains("draft-service:", "cart-service:", "order-service:", "payment-service:")
                .contains("replicaSet=rs0");
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
