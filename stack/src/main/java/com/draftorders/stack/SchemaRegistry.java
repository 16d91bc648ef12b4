package com.draftorders.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Apicurio Registry 2.6.13.Final, the ready-to-run distribution the build unpacks into {@code target/apicurio}, in
 * a child JVM bound to 127.0.0.1 with its H2 storage in a file, so schema ids survive a restart. Compatibility is
 * set to BACKWARD through the Confluent-compatible API.
 */
final class SchemaRegistry {

    static final String RUNNER = "apicurio-registry-app-2.6.13.Final-runner.jar";
    private final StackSettings settings;
    private ChildProcess process;

    SchemaRegistry(StackSettings settings) {
        this.settings = settings;
    }

    void start() {
        Path runner = home().resolve(RUNNER);
        if (!Files.isRegularFile(runner)) {
            throw new IllegalStateException(runner + " is missing: build the stack module first (./mvnw -B package)");
        }
        Path storage;
        try {
            storage = Files.createDirectories(settings.dataDir().resolve("registry"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        process = ChildProcess.startJava(
                "registry",
                settings.dataDir().resolve("logs"),
                List.of(
                        "-Xmx192m",
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-Dquarkus.http.host=" + StackSettings.HOST,
                        "-Dquarkus.http.port=" + settings.registryPort(),
                        "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + storage.resolve("registry"),
                        "-Dquarkus.log.level=WARN",
                        "-Dquarkus.log.category.\"io.apicurio\".level=INFO"),
                List.of("-jar", runner.toString()));
        String ready = "http://" + StackSettings.HOST + ":" + settings.registryPort() + "/health/ready";
        Readiness.await("schema registry (" + process.log() + ")", Duration.ofSeconds(90), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("registry exited; see " + process.log());
            }
            return Readiness.httpOk(ready);
        });
        requireBackwardCompatibility();
    }

    /** Makes the registry refuse (409) a schema that is not backward compatible with the subject's last one. */
    private void requireBackwardCompatibility() {
        try {
            var request = HttpRequest.newBuilder(new URI(settings.registryCcompatUrl() + "/config"))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"BACKWARD\"}"))
                    .timeout(Duration.ofSeconds(10))
                    .build();
            var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("setting BACKWARD compatibility failed: " + response.body());
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("setting BACKWARD compatibility failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() {
        if (process != null) {
            process.stop();
        }
    }

    /** {@code target/apicurio} beside this module's classes or jar; {@code -Ddraftorders.registry.home} overrides. */
    static Path home() {
        String override = System.getProperty("draftorders.registry.home");
        if (override != null) {
            return Path.of(override);
        }
        try {
            Path codeSource = Path.of(SchemaRegistry.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return codeSource.getParent().resolve("apicurio");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
