package com.draftorders.messaging;

import com.draftorders.schemas.Topic;
import com.draftorders.schemas.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers every catalog topic's value schema ({@code <topic>-value}) through the registry's Confluent-compatible
 * API when a service starts, so tools can decode a topic before its first message and an incompatible schema is
 * refused (409) at deploy time rather than at the first send. Registering an existing schema is a no-op.
 */
public class SchemaRegistration implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistration.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // as ConfluentRegistryClient: no h2c upgrade
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final String ccompatUrl;

    public SchemaRegistration(String registryUrl) {
        this.ccompatUrl = AvroSerdes.confluentCompatibleUrl(registryUrl);
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> failed = new ArrayList<>();
        for (Topic<String, ?> topic : Topics.ALL) {
            try {
                register(topic);
            } catch (IOException | RuntimeException e) {
                failed.add(topic.valueSubject() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!failed.isEmpty()) {
            log.warn("schema registration incomplete (producers register on first send): {}", failed);
        }
    }

    /** Registers the topic's current value schema; returns the registry's id for it. */
    public int register(Topic<String, ?> topic) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(
                java.util.Map.of("schema", topic.valueSchema().toString()));
        var request = HttpRequest.newBuilder(URI.create(ccompatUrl + "/subjects/" + topic.valueSubject() + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asInt();
    }
}
