package com.draftorders.messaging.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.messaging.security.DevTokens;
import com.draftorders.messaging.security.Scopes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The contract test of a service's OpenAPI document. A subclass in the service is a
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT, properties = "spring.config.name=<service>")}; this base
 * gives it an in-memory MongoDB, an unreachable Kafka and registry, and security on with a development key. It
 * fetches {@code /v3/api-docs.yaml} without a token and checks that
 *
 * <ul>
 *   <li>the document is valid OpenAPI (swagger-parser reports no error);
 *   <li>it equals the checked-in {@code <module>/openapi.yaml}: a change of the API must change that file in the same
 *       commit. {@code -Dopenapi.update=true} rewrites the file instead of failing ({@link #UPDATE_HINT});
 *   <li>every operation needs exactly the scopes it documents: without a token it is 401, with every other scope
 *       403, and an operation documented as open is not refused for want of a token.
 * </ul>
 */
public abstract class OpenApiDocumentTestBase {

    /** The system property that rewrites the checked-in document from the served one. */
    public static final String UPDATE_PROPERTY = "openapi.update";

    static final String SECRET = "openapi-contract-secret-openapi-contract-0";
    static final String STORE = "openapi_check";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static InetSocketAddress mongoAddress;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void isolatedInfrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> {
            synchronized (MONGO) {
                if (mongoAddress == null) {
                    mongoAddress = MONGO.bind();
                }
            }
            return "mongodb://" + mongoAddress.getHostString() + ":" + mongoAddress.getPort();
        });
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:9");
        registry.add("spring.kafka.producer.properties.max.block.ms", () -> "500");
        registry.add("draftorders.messaging.create-topics", () -> "false");
        registry.add("draftorders.messaging.registry-url", () -> "http://127.0.0.1:9/apis/registry/v2");
        registry.add("draftorders.security.enabled", () -> "true");
        registry.add("draftorders.security.dev-secret", () -> SECRET);
        registry.add("spring.jmx.enabled", () -> "false");
        registry.add("spring.main.banner-mode", () -> "off");
    }

    /** The checked-in document: {@code openapi.yaml} in the module's directory. */
    protected Path checkedInDocument() {
        return Path.of(System.getProperty("basedir", ".")).resolve("openapi.yaml");
    }

    /** The Maven module, for the regeneration hint. */
    protected abstract String module();

    @Test
    void theServedDocumentIsValidOpenApi() {
        SwaggerParseResult result = parse(served("/v3/api-docs.yaml"));

        assertThat(result.getMessages()).as("swagger-parser messages").isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.");
        assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
        assertThat(result.getOpenAPI().getComponents().getSecuritySchemes()).containsKey("bearer_jwt");
    }

    @Test
    void theJsonDocumentIsServedToo() {
        assertThat(parse(served("/v3/api-docs")).getMessages()).isEmpty();
    }

    @Test
    void theCheckedInDocumentIsTheServedOne() throws IOException {
        String served = served("/v3/api-docs.yaml");
        Path file = checkedInDocument();
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.writeString(file, served);
            System.out.println("rewrote " + file.toAbsolutePath());
            return;
        }
        String checkedIn = Files.exists(file) ? Files.readString(file).replace("\r\n", "\n") : "";
        if (!checkedIn.equals(served)) {
            throw new AssertionError(module() + "/openapi.yaml is not the document the service serves ("
                    + firstDifference(checkedIn, served) + "). If the API change is intended, regenerate it and"
                    + " commit it with the change:\n  " + updateHint(module()));
        }
    }

    @Test
    void everyOperationNeedsExactlyTheScopesItDocuments() {
        OpenAPI api = parse(served("/v3/api-docs.yaml")).getOpenAPI();
        List<String> wrong = new ArrayList<>();
        api.getPaths()
                .forEach((template, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    String path = template.replaceAll("\\{[^}]+}", "openapi-check");
                    List<String> scopes = documentedScopes(operation);
                    if (scopes == null) {
                        int status = call(method, path, null);
                        if (status == 401) {
                            wrong.add(method + " " + template + " is documented as open but answers " + status);
                        }
                        return;
                    }
                    int anonymous = call(method, path, null);
                    if (anonymous != 401) {
                        wrong.add(method + " " + template + " answers " + anonymous + " without a token, not 401");
                    }
                    if (!scopes.isEmpty()) {
                        List<String> others = Scopes.ALL.stream()
                                .filter(s -> !scopes.contains(s))
                                .toList();
                        int status = call(method, path, DevTokens.mint(SECRET, STORE, others, Duration.ofMinutes(5)));
                        if (status != 403) {
                            wrong.add(method + " " + template + " answers " + status + " to a token with only " + others
                                    + ", but documents that it needs one of " + scopes);
                        }
                    }
                }));
        assertThat(wrong)
                .as("operations whose documented security differs from the filter chain")
                .isEmpty();
    }

    /** The scopes of the operation's bearer requirement; {@code null} when it needs no token. */
    private static List<String> documentedScopes(Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            return null;
        }
        for (SecurityRequirement requirement : operation.getSecurity()) {
            for (Map.Entry<String, List<String>> scheme : requirement.entrySet()) {
                return scheme.getValue();
            }
        }
        return null;
    }

    /** How to rewrite the checked-in document of {@code module}. */
    public static String updateHint(String module) {
        return "mvn -B -o -pl " + module + " -am test -Dspotless.check.skip=true -Dtest=OpenApiDocumentTest"
                + " -Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE_PROPERTY + "=true";
    }

    static String firstDifference(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String left = i < a.length ? a[i] : "<end of file>";
            String right = i < b.length ? b[i] : "<end of file>";
            if (!left.equals(right)) {
                return "first difference at line " + (i + 1) + ": checked in \"" + left + "\", served \"" + right
                        + "\"";
            }
        }
        return "no difference";
    }

    static SwaggerParseResult parse(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        assertThat(result.getOpenAPI())
                .as("parsed document; messages: %s", result.getMessages())
                .isNotNull();
        return result;
    }

    protected String served(String path) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode())
                .as("GET %s without a token: %s", path, response.body())
                .isEqualTo(200);
        return response.body().replace("\r\n", "\n");
    }

    private int call(PathItem.HttpMethod method, String path, String token) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(
                        method.name(),
                        method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.DELETE
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString("{}", StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build()).statusCode();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
