package com.draftorders.stack;

import com.draftorders.messaging.security.DevTokens;
import com.draftorders.messaging.security.Scopes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JSON-over-HTTP client for end-to-end tests. Every request carries a development bearer token for its store
 * with every scope, minted with the secret of the stack serving {@code baseUrl}.
 */
final class Rest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String baseUrl;
    private final String token;

    Rest(String baseUrl) {
        this(baseUrl, "dev");
    }

    Rest(String baseUrl, String storeId) {
        this(baseUrl, storeId, Scopes.ALL);
    }

    /** A client whose token for {@code storeId} carries only {@code scopes}. */
    Rest(String baseUrl, String storeId, Collection<String> scopes) {
        this.baseUrl = baseUrl;
        this.token = DevTokens.mint(secretFor(baseUrl), storeId, scopes, Duration.ofHours(1));
    }

    /** A client sending {@code token} as it is ({@code null}: no Authorization header). */
    static Rest withToken(String baseUrl, String token) {
        return new Rest(baseUrl, token, true);
    }

    private Rest(String baseUrl, String token, boolean raw) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    static String secretFor(String baseUrl) {
        return EmbeddedStack.devSecretFor(baseUrl)
                .orElseThrow(() -> new IllegalStateException("no embedded stack in this JVM serves " + baseUrl));
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

    Response put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response send(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            var response =
                    HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            boolean json = response.headers()
                    .firstValue("Content-Type")
                    .map(type -> type.contains("json"))
                    .orElse(true);
            JsonNode body = response.body().isBlank()
                    ? JSON.nullNode()
                    : json
                            ? JSON.readTree(response.body())
                            : JSON.getNodeFactory().textNode(response.body());
            return new Response(response.statusCode(), body, response);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
