package com.draftorders.messaging.apidocs;

import com.draftorders.messaging.security.RouteScopes;
import com.draftorders.messaging.security.Scopes;
import com.draftorders.messaging.web.StoreId;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * What every service's OpenAPI document ({@code /v3/api-docs}, {@code /v3/api-docs.yaml}, served by springdoc when
 * the service has it on its class path) says the same way: property names as they are on the wire (the
 * {@code spring.jackson.property-naming-strategy}, snake_case here), the bearer JWT and the scope each operation
 * needs ({@link RouteScopes}), RFC 9457 problems for refusals, the {@code Idempotency-Key} and {@code If-Match}
 * headers, and a stable order so the checked-in copy ({@code <service>/openapi.yaml}) only changes with the API.
 */
@AutoConfiguration(before = SpringDocConfiguration.class)
@ConditionalOnClass(SpringDocConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ApiDocsAutoConfiguration {

    /** The security scheme's name in {@code components.securitySchemes}. */
    public static final String BEARER_JWT = "bearer_jwt";

    static final String PROBLEM = ApiDocs.PROBLEM;
    static final String JSON = "application/json";
    static final String IDEMPOTENCY_KEY = ApiDocs.IDEMPOTENCY_KEY;
    static final String IF_MATCH = "If-Match";

    static {
        // The store comes from the token (StoreIdArgumentResolver), never from the request's parameters.
        SpringDocUtils.getConfig()
                .addRequestWrapperToIgnore(StoreId.class)
                // A body read as a Jackson tree is any JSON value; the service's customizer may say more.
                .replaceWithSchema(JsonNode.class, new Schema<>().description("any JSON value"));
    }

    /**
     * Introspects the REST types with the naming strategy Jackson uses for the responses, so the schemas show the
     * names on the wire ({@code draft_order_id}, not {@code draftOrderId}). Replaces springdoc's default resolver.
     */
    @Bean
    ModelResolver wireNamesModelResolver(Environment environment, SpringDocConfigProperties springDoc) {
        ObjectMapper mapper = (springDoc.isOpenapi31() ? Json31.mapper() : Json.mapper()).copy();
        String strategy = environment.getProperty("spring.jackson.property-naming-strategy");
        if (strategy != null && !strategy.isBlank()) {
            mapper.setPropertyNamingStrategy(namingStrategy(strategy.trim()));
        }
        return new ModelResolver(mapper).openapi31(springDoc.isOpenapi31());
    }

    static PropertyNamingStrategy namingStrategy(String name) {
        try {
            return (PropertyNamingStrategy)
                    PropertyNamingStrategies.class.getField(name).get(null);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("unknown spring.jackson.property-naming-strategy " + name, e);
        }
    }

    /** The document's head: title, the relative server, the bearer scheme and the problem schema. */
    @Bean
    @ConditionalOnMissingBean
    OpenAPI apiDocument(Environment environment) {
        String service = environment.getProperty("spring.application.name", "service");
        return new OpenAPI()
                .info(new Info()
                        .title(service + " REST API")
                        .version("1")
                        .description("The REST API of " + service + " in the draft-orders system. JSON property"
                                + " names are snake_case; money is a decimal string in the currency (\"19.99\")."
                                + " Every call needs a bearer JWT with a `store_id` claim and the scope the"
                                + " operation lists; another store's resource answers 404.\n\n"
                                + "**Errors.** Every 4xx and 5xx, including what the server answers before an"
                                + " operation runs (400 for a malformed path or query string, 404, 405, 406, 413, 415,"
                                + " 500), is an RFC 9457 problem (`application/problem+json`) with `status`, `title`,"
                                + " `detail`, a machine-readable `code` and, where fields are at fault, `errors[]` of"
                                + " `{field, reason}` with the field's JSON path (`line_items[2].quantity`). No"
                                + " message names a Java type or method. No input is answered with a 5xx: a write"
                                + " that kept colliding with others is 409 `concurrent_change` (send it again).\n\n"
                                + "**Parsing is strict.** 400 `malformed` (naming the field): a body that is not"
                                + " JSON, a key given twice, a value of the wrong JSON type (an integer field takes"
                                + " only a JSON integer: not `1.5`, `\"2\"` or `1e0`; a text field only a string; a"
                                + " boolean only `true`/`false`), `null` in a list, `null` for a quantity or a currency."
                                + " 422 `invalid` (naming the field and what would be accepted): money that is not an"
                                + " ASCII decimal string `^\\d+(\\.\\d+)?$` with at most the currency's minor digits"
                                + " (no exponent, sign, spaces or other digits), a currency that is not an active ISO"
                                + " 4217 code in upper case (`EUR`, not `eur`, `XXX` or `XAU`; the same rule as on"
                                + " Kafka), text with a control character (NUL, ESC, ...; line breaks and tabs only in"
                                + " prose: a note, a message), header-like fields (`to`, `from`, `subject`) with"
                                + " CR/LF, a payment due date before the completion. Unknown properties are"
                                + " ignored."))
                .servers(List.of(new Server().url("/").description("the service itself")))
                .components(new Components().addSecuritySchemes(BEARER_JWT, bearerScheme()));
    }

    static SecurityScheme bearerScheme() {
        return new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("A JWT from the identity provider (`Authorization: Bearer <JWT>`), verified with the"
                        + " configured JWK set or issuer. Claims: `" + Scopes.STORE_ID_CLAIM + "` (the store the"
                        + " caller acts for: 1-64 letters, digits, `-` or `_`) and `scope` (space separated) with"
                        + " any of " + String.join(", ", Scopes.ALL) + ". Each operation's security requirement"
                        + " lists the scopes of which the token needs one. Without a valid token: 401 `unauthorized`;"
                        + " without the scope or the store: 403 `forbidden`.");
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri-reference").example("about:blank"));
        properties.put("title", new StringSchema().description("the HTTP status' reason phrase"));
        properties.put("status", new IntegerSchema().format("int32").description("the HTTP status"));
        properties.put("detail", new StringSchema().description("what went wrong, for people"));
        properties.put("instance", new StringSchema().format("uri-reference").description("the request path"));
        properties.put(
                "code",
                new StringSchema()
                        .description("what went wrong, for programs: e.g. unauthorized, forbidden, not_found,"
                                + " malformed, invalid, payload_too_large, method_not_allowed,"
                                + " unsupported_media_type, not_acceptable, bad_request, concurrent_change,"
                                + " not_editable, not_ready, version_mismatch, idempotency_key_reused,"
                                + " idempotency_key_in_use, internal_error"));
        properties.put(
                "errors",
                new ArraySchema()
                        .items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("the fields at fault (with code invalid or malformed)"));
        Schema<?> problem = new ObjectSchema()
                .description("An RFC 9457 problem: every refusal has this shape.")
                .required(List.of("type", "title", "status", "code"));
        problem.setProperties((Map) properties);
        return problem;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<?> fieldErrorSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put(
                "field",
                new StringSchema()
                        .description("the JSON path of the field, snake_case (for malformed: from the body's root)")
                        .example("line_items[0].quantity"));
        properties.put("reason", new StringSchema().example("must be at least 1"));
        Schema<?> error =
                new ObjectSchema().description("One invalid field and why.").required(List.of("field", "reason"));
        error.setProperties((Map) properties);
        return error;
    }

    /** Security, problem responses and header descriptions on every operation; paths and schemas sorted. */
    @Bean
    GlobalOpenApiCustomizer apiConventions() {
        return ApiDocsAutoConfiguration::applyConventions;
    }

    static void applyConventions(OpenAPI api) {
        if (api.getPaths() != null) {
            Paths sorted = new Paths();
            new TreeMap<>(api.getPaths()).forEach(sorted::addPathItem);
            sorted.setExtensions(api.getPaths().getExtensions());
            api.setPaths(sorted);
            sorted.forEach((path, item) ->
                    item.readOperationsMap().forEach((method, operation) -> describe(path, method, operation)));
            stableOperationIds(sorted);
        }
        // springdoc drops component schemas nothing referenced before the customizers ran: the problem ones.
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        components.addSchemas(PROBLEM, problemSchema()).addSchemas("FieldError", fieldErrorSchema());
        components.setSchemas(new TreeMap<>(components.getSchemas()));
        api.setComponents(components);
    }

    /**
     * springdoc names an operation after its controller method and numbers clashes ({@code delete_1}) in scan order;
     * clashing names get their controller's name in front instead ({@code draftOrderBulkDelete}), so the ids do not
     * depend on the order controllers were found in.
     */
    static void stableOperationIds(Paths paths) {
        Map<String, Integer> counts = new HashMap<>();
        List<Operation> operations = new ArrayList<>();
        paths.values().forEach(item -> operations.addAll(item.readOperations()));
        operations.forEach(operation -> counts.merge(baseId(operation), 1, Integer::sum));
        for (Operation operation : operations) {
            String base = baseId(operation);
            if (base != null
                    && counts.get(base) > 1
                    && operation.getTags() != null
                    && !operation.getTags().isEmpty()) {
                String controller = operation.getTags().get(0).replaceAll("-controller$", "");
                operation.setOperationId(camel(controller) + Character.toUpperCase(base.charAt(0)) + base.substring(1));
            } else {
                operation.setOperationId(base);
            }
        }
    }

    private static String baseId(Operation operation) {
        return operation.getOperationId() == null
                ? null
                : operation.getOperationId().replaceAll("_\\d+$", "");
    }

    private static String camel(String kebab) {
        StringBuilder out = new StringBuilder();
        for (String part : kebab.split("-")) {
            if (part.isEmpty()) {
                continue;
            }
            out.append(out.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return out.toString();
    }

    static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        var scopes = RouteScopes.anyOf(method.name(), path);
        if (scopes.isPresent()) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER_JWT, scopes.get())));
            responses.addApiResponse(
                    "401", ApiDocs.problem("no bearer token, or an invalid or expired one (unauthorized)"));
            responses.addApiResponse("403", ApiDocs.problem("the token lacks the scope or the store (forbidden)"));
        } else {
            operation.setSecurity(List.of());
        }
        boolean hasPathVariables = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()));
        if (hasPathVariables) {
            responses.addApiResponse("404", ApiDocs.problem("no such resource in the caller's store (not_found)"));
        }
        if (operation.getRequestBody() != null) {
            responses.addApiResponse(
                    "400",
                    ApiDocs.problem("the body is not JSON of this shape: not JSON, a duplicate key, a wrong JSON type"
                            + " or a null where none is allowed, each in errors (malformed)"));
            responses.addApiResponse("413", ApiDocs.problem("the body is larger than the limit (payload_too_large)"));
            responses.addApiResponse("422", ApiDocs.problem("invalid fields, each in errors (invalid)"));
        }
        responses.addApiResponse("default", ApiDocs.problem("any other refusal, with its code"));
        responses.values().forEach(ApiDocsAutoConfiguration::jsonInsteadOfAnything);
        ApiResponses ordered = new ApiResponses();
        new TreeMap<>(responses).forEach(ordered::addApiResponse);
        operation.setResponses(ordered);
        if (operation.getParameters() != null) {
            operation.setParameters(new ArrayList<>(operation.getParameters()));
            // The bearer token is the security requirement, not a parameter (OpenAPI ignores one named so).
            operation
                    .getParameters()
                    .removeIf(p -> "header".equals(p.getIn()) && "Authorization".equalsIgnoreCase(p.getName()));
            operation.getParameters().forEach(ApiDocsAutoConfiguration::describeHeader);
            if (operation.getParameters().isEmpty()) {
                operation.setParameters(null);
            }
        }
    }

    /** Controllers declare no {@code produces}; what they write is JSON (springdoc would say any type). */
    static void jsonInsteadOfAnything(ApiResponse response) {
        Content content = response.getContent();
        if (content != null && content.containsKey("*/*") && !content.containsKey(JSON)) {
            Content json = new Content();
            content.forEach((type, media) -> json.addMediaType(type.equals("*/*") ? JSON : type, media));
            response.setContent(json);
        }
    }

    static void describeHeader(Parameter parameter) {
        if (!"header".equals(parameter.getIn())) {
            return;
        }
        if (IDEMPOTENCY_KEY.equalsIgnoreCase(parameter.getName()) && parameter.getDescription() == null) {
            parameter.description("Makes a retry safe: a key the client chose for this request (at most 255"
                    + " characters, per store). The same key with the same request replays the first answer"
                    + " instead of doing it again.");
            parameter.schema(new StringSchema().maxLength(255));
        }
        if (IF_MATCH.equalsIgnoreCase(parameter.getName()) && parameter.getDescription() == null) {
            parameter.description("The version the change expects, as the ETag showed it (e.g. \"3\"); another"
                    + " current version answers 412 version_mismatch. Without it (or with *) any version.");
            parameter.schema(new StringSchema().example("\"3\""));
        }
    }
}
