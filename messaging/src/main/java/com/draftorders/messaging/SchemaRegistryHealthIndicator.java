package com.draftorders.messaging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** UP when the schema registry answers its Confluent-compatible API. */
public class SchemaRegistryHealthIndicator extends AbstractHealthIndicator {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // as ConfluentRegistryClient: no h2c upgrade
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final String ccompatUrl;

    public SchemaRegistryHealthIndicator(String registryUrl) {
        super("Schema registry is not reachable");
        this.ccompatUrl = AvroSerdes.confluentCompatibleUrl(registryUrl);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(ccompatUrl + "/subjects"))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        (status == 200 ? builder.up() : builder.down())
                .withDetail("url", ccompatUrl)
                .withDetail("status", status);
    }
}
