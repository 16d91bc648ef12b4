package com.draftorders.messaging;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.apache.avro.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two calls {@link MessageCodec} makes to the registry's Confluent-compatible API ({@code /apis/ccompat/v7}):
 * register a subject's schema (which answers the id of an already registered identical schema) and fetch a
 * schema by the id found in a record. The id is the one {@code /schemas/ids/{id}} resolves (Apicurio's content id),
 * so any Confluent-compatible client decodes what we write.
 */
class ConfluentRegistryClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final int ATTEMPTS = 5;

    /**
     * HTTP/1.1: the JDK client's default h2c upgrade to the registry once hung a schema fetch past its request
     * timeout (seen in a CI run: a consumer stuck in {@code send} for minutes), and a consumer must never wait forever.
     */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String ccompatUrl;

    ConfluentRegistryClient(String registryUrl) {
        this.ccompatUrl = AvroSerdes.confluentCompatibleUrl(registryUrl);
    }

    /**
     * The id of {@code schema} under {@code subject}, registering it when it is new. Several services register at
     * once at startup, and the registry answers a losing concurrent first registration with 409; that is retried,
     * and a lookup of the (by then registered) schema answers it.
     *
     * @throws IllegalStateException when the registry refuses the schema (e.g. not compatible) or cannot be reached
     */
    int idOf(String subject, Schema schema) {
        String body = JSON.writeValueAsString(Map.of("schema", schema.toString()));
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> registered = post("/subjects/" + subject + "/versions", body);
                if (registered.statusCode() == 200) {
                    return JSON.readTree(registered.body()).get("id").asInt();
                }
                HttpResponse<String> found = post("/subjects/" + subject, body);
                if (found.statusCode() == 200) {
                    return JSON.readTree(found.body()).get("id").asInt();
                }
                last = new IllegalStateException(
                        "registering " + subject + ": HTTP " + registered.statusCode() + " " + registered.body());
            } catch (IOException e) {
                last = new IllegalStateException("registering " + subject + ": " + e, e);
            }
            sleep(100L * attempt);
        }
        throw last;
    }

    /**
     * The schema registered under {@code id}, or null when the registry has no such id.
     *
     * @throws IllegalStateException when the registry cannot be reached
     */
    Schema schemaById(int id) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(ccompatUrl + "/schemas/ids/" + id))
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("schema " + id + ": HTTP " + response.statusCode());
            }
            JsonNode schema = JSON.readTree(response.body()).get("schema");
            return new Schema.Parser().parse(schema.asString());
        } catch (IOException e) {
            throw new IllegalStateException("schema " + id + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted fetching schema " + id, e);
        }
    }

    private HttpResponse<String> post(String path, String body) throws IOException {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(ccompatUrl + path))
                            .header("Content-Type", CONTENT_TYPE)
                            .timeout(Duration.ofSeconds(10))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted talking to the registry", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted talking to the registry", e);
        }
    }
}
