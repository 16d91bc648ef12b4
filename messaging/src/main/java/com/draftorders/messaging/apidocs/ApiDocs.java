package com.draftorders.messaging.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.TreeMap;

/**
 * Helpers for a service's own {@code OpenApiCustomizer}: what springdoc cannot see in a controller's signature (the
 * status a {@code ResponseEntity} really has, headers a filter reads or writes).
 */
public final class ApiDocs {

    /** The request header that makes a retry safe. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The response header marking an answer replayed for a repeated {@code Idempotency-Key}. */
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    private ApiDocs() {}

    /** The operation {@code method path}; fails when the document has none, so a renamed route is noticed. */
    public static Operation operation(OpenAPI api, PathItem.HttpMethod method, String path) {
        PathItem item = api.getPaths() == null ? null : api.getPaths().get(path);
        Operation operation = item == null ? null : item.readOperationsMap().get(method);
        if (operation == null) {
            throw new IllegalStateException("the OpenAPI document has no operation " + method + " " + path);
        }
        return operation;
    }

    /**
     * Documents that the operation's success is {@code status} (a {@code ResponseEntity} springdoc shows as 200),
     * keeping the body springdoc found; returns the response to add headers to.
     */
    public static ApiResponse answers(Operation operation, String status, String description) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ApiResponse success = responses.remove("200");
        if (success == null) {
            success = new ApiResponse();
        }
        success.setDescription(description);
        if ("204".equals(status)) {
            success.setContent(null);
        }
        responses.addApiResponse(status, success);
        ApiResponses ordered = new ApiResponses();
        new TreeMap<>(responses).forEach(ordered::addApiResponse);
        operation.setResponses(ordered);
        return success;
    }

    /** A string response header with {@code description}, e.g. {@code ETag}. */
    public static Header header(String description) {
        return new Header().description(description).schema(new StringSchema());
    }

    /** The {@code Idempotency-Key} request header. */
    public static Parameter idempotencyKey(boolean required, String description) {
        return new Parameter()
                .in("header")
                .name(IDEMPOTENCY_KEY)
                .required(required)
                .description(description)
                .schema(new StringSchema().maxLength(255));
    }

    /** A problem ({@code application/problem+json}) response with {@code description}. */
    public static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }
}
