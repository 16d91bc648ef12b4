package com.draftorders.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client for end-to-end tests. */
final class Rest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String baseUrl;
    private final String storeId;

    Rest(String baseUrl) {
        this(baseUrl, "dev");
    }

    Rest(String baseUrl, String storeId) {
        this.baseUrl = baseUrl;
        this.storeId = storeId;
    }

    /** A response: its status, the JSON body and the headers. */
    record Response(int status, JsonNode body, HttpResponse<String> raw) {
        JsonNode path(String... names) {
            JsonNode node = body;
            for (String name : names) {
                node = node.path(name);
            }
            return node;
        }
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    Response post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            var response = HTTP.send(
                    request.header("X-Store-Id", storeId)
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), body, response);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
