package com.draftorders.draft.web;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.DELETE;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.PATCH;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;

import com.draftorders.messaging.apidocs.ApiDocs;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * What the draft API's OpenAPI document cannot read from the controllers' signatures: the real success statuses
 * (201, 202, 204), {@code ETag}/{@code Location}, the {@code Idempotency-Key} that {@link IdempotencyFilter} reads on
 * every mutating call, the query parameters of {@link DraftListQuery}, and the bodies read as JSON trees.
 */
@Component
class DraftOrderApiDocs implements OpenApiCustomizer {

    private static final String DRAFT = "/draft-orders/{id}";
    private static final Set<PathItem.HttpMethod> MUTATING = Set.of(POST, PATCH, PathItem.HttpMethod.PUT, DELETE);

    @Override
    public void customise(OpenAPI api) {
        listParameters(ApiDocs.operation(api, GET, "/draft-orders"));
        etag(ApiDocs.answers(ApiDocs.operation(api, GET, DRAFT), "200", "the draft"));
        created(ApiDocs.operation(api, POST, "/draft-orders"), "the new draft");
        created(ApiDocs.operation(api, POST, DRAFT + "/duplicate"), "the new open copy");
        created(
                ApiDocs.operation(api, POST, "/draft-orders/from-order/{orderId}"),
                "the new draft with the order's content");
        etag(ApiDocs.answers(
                ApiDocs.operation(api, POST, DRAFT + "/complete"),
                "202",
                "completion started: the draft is completing; the saga goes on (watch status or the events)"));
        etag(ApiDocs.answers(ApiDocs.operation(api, POST, DRAFT + "/cancel"), "200", "the canceled draft"));
        etag(ApiDocs.answers(ApiDocs.operation(api, POST, DRAFT + "/send-invoice"), "200", "the invoice sent"));
        ApiDocs.answers(
                ApiDocs.operation(api, DELETE, DRAFT),
                "204",
                "deleted (also when it was already deleted or never existed)");
        Operation update = ApiDocs.operation(api, PATCH, DRAFT);
        etag(ApiDocs.answers(update, "200", "the changed draft"));
        update.setRequestBody(new RequestBody()
                .required(true)
                .content(new Content().addMediaType("application/json", new MediaType().schema(updateRequest()))));
        api.getComponents().addSchemas("UpdateRequest", updateRequestSchema());
        bulkTags(api);
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    if (MUTATING.contains(method)
                            && (path.equals("/draft-orders") || path.startsWith("/draft-orders/"))) {
                        idempotent(operation);
                    }
                }));
    }

    private static void created(Operation operation, String description) {
        ApiResponse response = etag(ApiDocs.answers(operation, "201", description));
        response.addHeaderObject("Location", ApiDocs.header("the new draft's URL, /draft-orders/{id}"));
    }

    private static ApiResponse etag(ApiResponse response) {
        return response.addHeaderObject(
                "ETag", ApiDocs.header("the draft's version, e.g. \"3\": send it back as If-Match to change it"));
    }

    private static void idempotent(Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>() : operation.getParameters();
        parameters.add(ApiDocs.idempotencyKey(
                false,
                "Makes a retry safe (per store, at most 255 characters). The first successful answer is stored with"
                        + " a hash of the request: the same key with the same request replays it"
                        + " (Idempotent-Replayed: true); with a different request 422 idempotency_key_reused; while"
                        + " the first is still running 409 idempotency_key_in_use with Retry-After. A failed request"
                        + " releases its key."));
        operation.setParameters(parameters);
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeaderObject(
                        ApiDocs.IDEMPOTENT_REPLAYED,
                        ApiDocs.header("true when this is the stored answer of an earlier request with the same key"));
            }
        });
    }

    /** {@link DraftListQuery}'s parameters instead of the map the controller takes them as. */
    private static void listParameters(Operation list) {
        list.setParameters(new ArrayList<>(List.of(
                query(
                        "status",
                        "one or several, comma-separated: open, invoice_sent, completing, completed, canceled",
                        new StringSchema()),
                query("tag", "drafts carrying this tag", new StringSchema().maxLength(255)),
                query("email", "the customer's email, ignoring case", new StringSchema().maxLength(254)),
                query("q", "a substring of the name or the email, ignoring case", new StringSchema().maxLength(255)),
                query("created_at_min", "created at or after (ISO 8601)", new StringSchema().format("date-time")),
                query("created_at_max", "created at or before (ISO 8601)", new StringSchema().format("date-time")),
                query("updated_at_min", "updated at or after (ISO 8601)", new StringSchema().format("date-time")),
                query("updated_at_max", "updated at or before (ISO 8601)", new StringSchema().format("date-time")),
                query(
                        "sort",
                        "created_at or updated_at, optionally followed by :asc or :desc",
                        new StringSchema()
                                .pattern("^(created_at|updated_at)([: ](asc|desc))?$")
                                ._default("created_at:desc")),
                query(
                        "limit",
                        "drafts per page",
                        new IntegerSchema()
                                .minimum(java.math.BigDecimal.ONE)
                                .maximum(java.math.BigDecimal.valueOf(DraftListQuery.MAX_LIMIT))
                                ._default(DraftListQuery.DEFAULT_LIMIT)),
                query(
                        "cursor",
                        "next_cursor of the previous page (only with the same filters and sort)",
                        new StringSchema()))));
    }

    private static Parameter query(String name, String description, Schema<?> schema) {
        return new Parameter()
                .in("query")
                .name(name)
                .required(false)
                .description(description)
                .schema(schema);
    }

    private static Schema<?> updateRequest() {
        return new Schema<>().$ref("#/components/schemas/UpdateRequest");
    }

    private static Schema<?> updateRequestSchema() {
        Schema<?> schema = new ObjectSchema()
                .description("Only the fields present in draft_order change; null clears one.")
                .addProperty("draft_order", new Schema<>().$ref("#/components/schemas/DraftOrderInput"));
        schema.setRequired(List.of("draft_order"));
        return schema;
    }

    /** {@code tags} of a bulk request: a comma-separated string or an array of strings. */
    private static void bulkTags(OpenAPI api) {
        Schema<?> bulk = api.getComponents().getSchemas().get("BulkRequest");
        if (bulk != null && bulk.getProperties() != null) {
            Schema<?> tags =
                    new Schema<>().description("1 to 250 tags of 1 to 255 characters: \"a, b\" or [\"a\", \"b\"]");
            tags.setOneOf(List.of(new StringSchema(), new ArraySchema().items(new StringSchema())));
            bulk.getProperties().put("tags", tags);
        }
    }
}
