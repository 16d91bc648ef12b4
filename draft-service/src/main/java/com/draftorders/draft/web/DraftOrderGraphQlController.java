package com.draftorders.draft.web;

import static com.draftorders.draft.web.GraphQlDraftMapping.foreignId;
import static com.draftorders.draft.web.GraphQlDraftMapping.gid;
import static com.draftorders.draft.web.GraphQlDraftMapping.userError;

import com.draftorders.draft.DraftProperties;
import com.draftorders.draft.application.CartCalculations.CartServiceException;
import com.draftorders.draft.application.DraftCalculations;
import com.draftorders.draft.application.DraftOrderService;
import com.draftorders.draft.application.DraftOrderService.Outcome;
import com.draftorders.draft.application.Reorders;
import com.draftorders.draft.domain.DraftOrder;
import com.draftorders.draft.domain.DraftValidation;
import com.draftorders.draft.domain.Invoice;
import com.draftorders.draft.domain.OrderCopy;
import com.draftorders.draft.domain.Refusal;
import com.draftorders.draft.persistence.DraftSearch;
import com.draftorders.draft.persistence.OrderCopies;
import com.draftorders.draft.web.DraftOrderJson.DraftOrderInput;
import com.draftorders.messaging.security.Scopes;
import com.draftorders.messaging.web.ApiException;
import com.draftorders.messaging.work.AggregateReads;
import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shopify's draft-order GraphQL Admin API ({@code POST /graphql}) over the same use cases as REST: queries need
 * {@code read_draft_orders}, mutations {@code write_draft_orders}; every read and write is scoped to the caller's
 * store (another store's draft is {@code null}). Business refusals and invalid input are {@code userErrors} with
 * {@code field}, {@code message} and {@code code}; GraphQL errors are for what the request itself gets wrong.
 */
@Controller
class DraftOrderGraphQlController {

    static final int MAX_PAGE = DraftListQuery.MAX_LIMIT;

    private final DraftOrderService drafts;
    private final DraftCalculations calculations;
    private final Reorders reorders;
    private final AggregateReads reads;
    private final OrderCopies orders;
    private final String defaultCurrency;
    private final JsonMapper json;

    DraftOrderGraphQlController(
            DraftOrderService drafts,
            DraftCalculations calculations,
            Reorders reorders,
            AggregateReads reads,
            OrderCopies orders,
            DraftProperties properties,
            JsonMapper json) {
        this.drafts = drafts;
        this.calculations = calculations;
        this.reorders = reorders;
        this.reads = reads;
        this.orders = orders;
        this.defaultCurrency = properties.defaultCurrency();
        this.json = json;
    }

    // ---- queries ----

    @QueryMapping
    Map<String, Object> draftOrder(@Argument String id, DataFetchingEnvironment env) {
        String store = read(env);
        return GraphQlDraftMapping.idOf("DraftOrder", id)
                .flatMap(draftId -> drafts.find(store, draftId))
                .map(draft -> view(store, draft))
                .orElse(null);
    }

    @QueryMapping
    GraphQlConnection draftOrders(
            @Argument Integer first,
            @Argument String after,
            @Argument Integer last,
            @Argument String before,
            @Argument Boolean reverse,
            @Argument String sortKey,
            @Argument String query,
            DataFetchingEnvironment env) {
        String store = read(env);
        if ((first == null) == (last == null)) {
            throw badRequest("ARGUMENT_INVALID", "give either first or last (1 to " + MAX_PAGE + ")");
        }
        int size = first != null ? first : last;
        if (size < 1 || size > MAX_PAGE) {
            throw badRequest("ARGUMENT_INVALID", (first != null ? "first" : "last") + " must be 1 to " + MAX_PAGE);
        }
        if (first != null && before != null || last != null && after != null) {
            throw badRequest("ARGUMENT_INVALID", "use after with first, and before with last");
        }
        DraftSearch base = search(store, query, sortKey, Boolean.TRUE.equals(reverse), size);
        List<DraftOrder> page;
        boolean hasNext;
        boolean hasPrevious;
        if (first != null) {
            DraftSearch forward = at(base, base.ascending(), position(base, after));
            List<DraftOrder> found = drafts.search(forward);
            hasNext = found.size() > size;
            page = hasNext ? found.subList(0, size) : found;
            hasPrevious = after != null;
        } else {
            DraftSearch backward = at(base, !base.ascending(), position(base, before));
            List<DraftOrder> found = drafts.search(backward);
            hasPrevious = found.size() > size;
            page = new ArrayList<>(hasPrevious ? found.subList(0, size) : found);
            Collections.reverse(page);
            hasNext = before != null;
        }
        List<Map<String, Object>> edges = new ArrayList<>();
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (DraftOrder draft : page) {
            Map<String, Object> node = view(store, draft);
            nodes.add(node);
            edges.add(Map.of("cursor", DraftListQuery.cursorAfter(base, draft), "node", node));
        }
        return connection(edges, nodes, hasNext, hasPrevious);
    }

    /** The lines of a draft as a connection (cursor: the line's id). */
    @SchemaMapping(typeName = "DraftOrder", field = "lineItems")
    GraphQlConnection lineItems(
            @Argument Integer first,
            @Argument String after,
            @Argument Integer last,
            @Argument String before,
            @Argument Boolean reverse,
            DataFetchingEnvironment env) {
        Map<String, Object> draftOrder = env.getSource();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> all = new ArrayList<>((List<Map<String, Object>>) draftOrder.get("lineItems"));
        if (Boolean.TRUE.equals(reverse)) {
            Collections.reverse(all);
        }
        int from = 0;
        int to = all.size();
        if (after != null) {
            from = indexOf(all, after) + 1;
        }
        if (before != null) {
            to = Math.max(from, indexOf(all, before));
        }
        if (first != null) {
            to = Math.min(to, from + Math.max(0, first));
        }
        if (last != null) {
            from = Math.max(from, to - Math.max(0, last));
        }
        List<Map<String, Object>> page = all.subList(Math.min(from, to), to);
        List<Map<String, Object>> edges = new ArrayList<>();
        for (Map<String, Object> line : page) {
            edges.add(Map.of("cursor", line.get("uuid"), "node", line));
        }
        return connection(edges, page, to < all.size(), from > 0);
    }

    private static int indexOf(List<Map<String, Object>> lines, String cursor) {
        for (int i = 0; i < lines.size(); i++) {
            if (cursor.equals(lines.get(i).get("uuid"))) {
                return i;
            }
        }
        throw badRequest("ARGUMENT_INVALID", "the cursor " + cursor + " names no line of this draft order");
    }

    /** The order a completed draft became; its name once order-service's OrderCreated has arrived. */
    @SchemaMapping(typeName = "DraftOrder", field = "order")
    Map<String, Object> order(DataFetchingEnvironment env) {
        Map<String, Object> draftOrder = env.getSource();
        String orderId = (String) draftOrder.get("_orderId");
        if (orderId == null) {
            return null;
        }
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", gid("Order", orderId));
        order.put(
                "name",
                reads.byId(orders, orderId, (String) draftOrder.get("_storeId"))
                        .map(OrderCopy::orderName)
                        .orElse(null));
        return order;
    }

    // ---- mutations ----

    @MutationMapping
    Map<String, Object> draftOrderCreate(@Argument Map<String, Object> input, DataFetchingEnvironment env) {
        String store = write(env);
        try {
            var newDraft = DraftOrderWebMapping.toNewDraft(restInput(input), defaultCurrency);
            return payload("draftOrder", view(store, drafts.create(store, newDraft)), List.of());
        } catch (ApiException e) {
            return payload("draftOrder", null, invalid(e, "input"));
        }
    }

    @MutationMapping
    Map<String, Object> draftOrderUpdate(
            @Argument String id, @Argument Map<String, Object> input, DataFetchingEnvironment env) {
        String store = write(env);
        Optional<String> draftId = GraphQlDraftMapping.idOf("DraftOrder", id);
        if (draftId.isEmpty()) {
            return notFound("draftOrder", "id");
        }
        try {
            ObjectNode patch = GraphQlDraftMapping.restInput(input);
            DraftOrderInput parsed = parse(patch);
            return drafts.update(
                            store, draftId.get(), null, current -> DraftOrderWebMapping.toEdit(current, patch, parsed))
                    .map(outcome -> outcome(store, outcome, "id"))
                    .orElseGet(() -> notFound("draftOrder", "id"));
        } catch (ApiException e) {
            return payload("draftOrder", null, invalid(e, "input"));
        }
    }

    @MutationMapping
    Map<String, Object> draftOrderCalculate(@Argument Map<String, Object> input, DataFetchingEnvironment env) {
        String store = write(env);
        try {
            var newDraft = DraftOrderWebMapping.toNewDraft(restInput(input), defaultCurrency);
            DraftOrder preview =
                    calculations.preview(store, GraphQlCaller.of(env).authorization(), newDraft);
            return payload("calculatedDraftOrder", GraphQlDraftMapping.draftOrder(preview, null), List.of());
        } catch (ApiException e) {
            return payload("calculatedDraftOrder", null, invalid(e, "input"));
        } catch (CartServiceException e) {
            if (e.status() == HttpStatus.UNPROCESSABLE_CONTENT.value()) {
                return payload(
                        "calculatedDraftOrder", null, List.of(userError(List.of("input"), e.getMessage(), "INVALID")));
            }
            throw new GraphQlProblem(
                    ErrorType.INTERNAL_ERROR,
                    "CART_SERVICE_UNAVAILABLE",
                    "the totals cannot be calculated right now; try again");
        }
    }

    @MutationMapping
    Map<String, Object> draftOrderComplete(
            @Argument String id,
            @Argument Boolean paymentPending,
            @Argument String paymentGatewayId,
            @Argument String sourceName,
            DataFetchingEnvironment env) {
        String store = write(env);
        Optional<String> draftId = GraphQlDraftMapping.idOf("DraftOrder", id);
        if (draftId.isEmpty()) {
            return notFound("draftOrder", "id");
        }
        String gateway = foreignId(paymentGatewayId);
        var violations = DraftValidation.validateCompletion(gateway, null, null);
        if (!violations.isEmpty()) {
            return payload(
                    "draftOrder",
                    null,
                    violations.stream()
                            .map(v ->
                                    userError(List.of("paymentGatewayId"), "paymentGatewayId " + v.reason(), "INVALID"))
                            .toList());
        }
        return drafts.complete(store, draftId.get(), Boolean.TRUE.equals(paymentPending), gateway, null)
                .map(outcome -> outcome(store, outcome, "id"))
                .orElseGet(() -> notFound("draftOrder", "id"));
    }

    @MutationMapping
    Map<String, Object> draftOrderCreateFromOrder(@Argument String orderId, DataFetchingEnvironment env) {
        String store = write(env);
        return reorders.createFromOrder(store, foreignId(orderId))
                .map(draft -> payload("draftOrder", view(store, draft), List.of()))
                .orElseGet(() -> payload(
                        "draftOrder",
                        null,
                        List.of(userError(List.of("orderId"), "Order does not exist", "NOT_FOUND"))));
    }

    @MutationMapping
    Map<String, Object> draftOrderDuplicate(
            @Argument String id, @Argument String draftOrderId, DataFetchingEnvironment env) {
        String store = write(env);
        String field = id != null ? "id" : "draftOrderId";
        return GraphQlDraftMapping.idOf("DraftOrder", id != null ? id : draftOrderId)
                .flatMap(draftId -> drafts.duplicate(store, draftId))
                .map(copy -> payload("draftOrder", view(store, copy), List.of()))
                .orElseGet(() -> notFound("draftOrder", field));
    }

    @MutationMapping
    Map<String, Object> draftOrderInvoiceSend(
            @Argument String id, @Argument Map<String, Object> email, DataFetchingEnvironment env) {
        String store = write(env);
        Optional<String> draftId = GraphQlDraftMapping.idOf("DraftOrder", id);
        if (draftId.isEmpty()) {
            return notFound("draftOrder", "id");
        }
        Map<String, Object> mail = email == null ? Map.of() : email;
        String to = (String) mail.get("to");
        String from = (String) mail.get("from");
        String subject = (String) mail.get("subject");
        String message = (String) mail.get("customMessage");
        var violations = DraftValidation.validateInvoice(to, from, subject, message);
        if (!violations.isEmpty()) {
            return payload(
                    "draftOrder",
                    null,
                    violations.stream()
                            .map(v -> {
                                String name = GraphQlDraftMapping.camel(
                                        v.field().substring(v.field().lastIndexOf('.') + 1));
                                return userError(List.of("email", name), name + " " + v.reason(), "INVALID");
                            })
                            .toList());
        }
        return drafts.sendInvoice(store, draftId.get(), new Invoice(to, from, subject, message, null))
                .map(outcome -> outcome(store, outcome, "id"))
                .orElseGet(() -> notFound("draftOrder", "id"));
    }

    @MutationMapping
    Map<String, Object> draftOrderDelete(@Argument Map<String, Object> input, DataFetchingEnvironment env) {
        String store = write(env);
        String id = (String) input.get("id");
        Optional<String> draftId = GraphQlDraftMapping.idOf("DraftOrder", id);
        if (draftId.isEmpty()) {
            return notFound("deletedId", "id");
        }
        var result = drafts.delete(store, draftId.get());
        if (result.refusal().isPresent()) {
            return payload("deletedId", null, List.of(refusal(result.refusal().get(), "id")));
        }
        return payload("deletedId", gid("DraftOrder", draftId.get()), List.of());
    }

    @MutationMapping
    Map<String, Object> draftOrderBulkAddTags(
            @Argument List<String> ids,
            @Argument List<String> tags,
            @Argument String search,
            @Argument String savedSearchId,
            DataFetchingEnvironment env) {
        String store = write(env);
        return bulkTags(store, ids, tags, search, savedSearchId, (draft, t) -> draft.addTags(t, drafts.now()));
    }

    @MutationMapping
    Map<String, Object> draftOrderBulkRemoveTags(
            @Argument List<String> ids,
            @Argument List<String> tags,
            @Argument String search,
            @Argument String savedSearchId,
            DataFetchingEnvironment env) {
        String store = write(env);
        return bulkTags(store, ids, tags, search, savedSearchId, (draft, t) -> draft.removeTags(t, drafts.now()));
    }

    @MutationMapping
    Map<String, Object> draftOrderBulkDelete(
            @Argument List<String> ids,
            @Argument String search,
            @Argument String savedSearchId,
            DataFetchingEnvironment env) {
        String store = write(env);
        List<Map<String, Object>> errors = new ArrayList<>();
        List<String> targets = targets(store, ids, search, savedSearchId, errors);
        if (!errors.isEmpty()) {
            return payload("job", null, errors);
        }
        var results = drafts.deleteEach(store, targets);
        for (int i = 0; i < targets.size(); i++) {
            var result = results.get(i);
            if (result.refusal().isPresent()) {
                errors.add(refusal(result.refusal().get(), "ids", String.valueOf(i)));
            }
        }
        return payload("job", job(), errors);
    }

    private Map<String, Object> bulkTags(
            String store,
            List<String> ids,
            List<String> tags,
            String search,
            String savedSearchId,
            BiFunction<DraftOrder, List<String>, Optional<Refusal>> change) {
        List<Map<String, Object>> errors = new ArrayList<>();
        List<String> cleanTags = new ArrayList<>(new LinkedHashSet<>(
                tags.stream().map(String::trim).filter(t -> !t.isEmpty()).toList()));
        DraftValidation.validateTags("tags", cleanTags)
                .forEach(v -> errors.add(userError(List.of("tags"), "tags " + v.reason(), "INVALID")));
        if (cleanTags.isEmpty()) {
            errors.add(userError(List.of("tags"), "tags must name at least one tag", "INVALID"));
        }
        List<String> targets = targets(store, ids, search, savedSearchId, errors);
        if (!errors.isEmpty()) {
            return payload("job", null, errors);
        }
        var outcomes = drafts.changeEach(store, targets, draft -> change.apply(draft, cleanTags));
        for (int i = 0; i < targets.size(); i++) {
            Optional<Outcome> outcome = outcomes.get(i);
            if (outcome.isEmpty()) {
                errors.add(userError(List.of("ids", String.valueOf(i)), "Draft order does not exist", "NOT_FOUND"));
            } else if (outcome.get().refusal().isPresent()) {
                errors.add(refusal(outcome.get().refusal().get(), "ids", String.valueOf(i)));
            }
        }
        return payload("job", job(), errors);
    }

    /** The drafts a bulk mutation addresses: {@code ids}, or those {@code search} finds (at most 250). */
    private List<String> targets(
            String store, List<String> ids, String search, String savedSearchId, List<Map<String, Object>> errors) {
        if (savedSearchId != null) {
            errors.add(userError(List.of("savedSearchId"), "saved searches are not supported; use search", "INVALID"));
            return List.of();
        }
        if ((ids == null) == (search == null)) {
            errors.add(userError(List.of("ids"), "give either ids or search", "INVALID"));
            return List.of();
        }
        if (search != null) {
            DraftSearch found = search(store, search, "ID", false, DraftOrderBulkController.MAX_IDS);
            List<DraftOrder> page = drafts.search(found);
            if (page.size() > DraftOrderBulkController.MAX_IDS) {
                errors.add(userError(
                        List.of("search"),
                        "the search finds more than " + DraftOrderBulkController.MAX_IDS + " draft orders",
                        "TOO_MANY"));
                return List.of();
            }
            return page.stream().map(DraftOrder::id).toList();
        }
        if (ids.isEmpty() || ids.size() > DraftOrderBulkController.MAX_IDS) {
            errors.add(userError(
                    List.of("ids"),
                    "ids must name 1 to " + DraftOrderBulkController.MAX_IDS + " draft orders",
                    "INVALID"));
            return List.of();
        }
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Optional<String> id = GraphQlDraftMapping.idOf("DraftOrder", ids.get(i));
            if (id.isEmpty()) {
                errors.add(userError(List.of("ids", String.valueOf(i)), "is not a draft order id", "INVALID"));
            } else {
                targets.add(id.get());
            }
        }
        return targets;
    }

    private static Map<String, Object> job() {
        return Map.of("id", gid("Job", UUID.randomUUID().toString()), "done", true);
    }

    // ---- search ----

    /**
     * The search a {@code query} string, sort key and order describe (no position yet). Refused as a GraphQL error
     * when the query cannot be understood.
     */
    static DraftSearch search(String store, String query, String sortKey, boolean reverse, int limit) {
        Map<String, String> params = queryParams(query);
        String field = "UPDATED_AT".equals(sortKey) ? "updated_at" : "created_at";
        params.put("sort", field + ":" + (reverse ? "desc" : "asc"));
        params.put("limit", Integer.toString(limit));
        try {
            return DraftListQuery.parse(store, params);
        } catch (ApiException e) {
            throw badRequest(
                    "ARGUMENT_INVALID",
                    "query: "
                            + e.errors().stream()
                                    .map(f -> f.field() + " " + f.reason())
                                    .reduce((a, b) -> a + "; " + b)
                                    .orElse(e.getMessage()));
        }
    }

    /**
     * Shopify's search syntax as the list's parameters: {@code status:open}, {@code tag:phone},
     * {@code email:a@b.c}, {@code name:#D1001}, {@code created_at:>=2026-01-01}, {@code updated_at:<2026-02-01}, and
     * free text (a part of the name or email).
     */
    static Map<String, String> queryParams(String query) {
        Map<String, String> params = new HashMap<>();
        List<String> text = new ArrayList<>();
        for (String token : tokens(query == null ? "" : query)) {
            int colon = token.indexOf(':');
            if (colon <= 0) {
                text.add(token);
                continue;
            }
            String key = token.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = token.substring(colon + 1);
            switch (key) {
                case "status" -> params.merge("status", value, (a, b) -> a + "," + b);
                case "tag" -> params.put("tag", value);
                case "email" -> params.put("email", value);
                case "name" -> text.add(value);
                case "created_at", "updated_at" -> range(params, key, value);
                default ->
                    throw badRequest(
                            "ARGUMENT_INVALID",
                            "query: the filter " + key
                                    + " is not supported (status, tag, email, name, created_at, updated_at)");
            }
        }
        if (!text.isEmpty()) {
            params.put("q", String.join(" ", text));
        }
        return params;
    }

    private static void range(Map<String, String> params, String field, String value) {
        String comparator = value.startsWith(">=") || value.startsWith("<=")
                ? value.substring(0, 2)
                : value.startsWith(">") || value.startsWith("<") ? value.substring(0, 1) : "";
        Instant at = instant(field, value.substring(comparator.length()));
        switch (comparator) {
            case ">", ">=" -> params.put(field + "_min", (comparator.equals(">") ? at.plusMillis(1) : at).toString());
            case "<", "<=" -> params.put(field + "_max", (comparator.equals("<") ? at.minusMillis(1) : at).toString());
            default -> {
                params.put(field + "_min", at.toString());
                params.put(field + "_max", at.plusSeconds(86_400).minusMillis(1).toString());
            }
        }
    }

    private static Instant instant(String field, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw badRequest(
                        "ARGUMENT_INVALID",
                        "query: " + field + " must be a date (2026-01-31) or an ISO 8601 date-time, not " + text);
            }
        }
    }

    /** Whitespace-separated tokens; double quotes keep a value with spaces together ({@code tag:"big order"}). */
    private static List<String> tokens(String query) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : query.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (!current.isEmpty()) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            tokens.add(current.toString());
        }
        return tokens.stream().filter(t -> !t.equalsIgnoreCase("AND")).toList();
    }

    private static DraftSearch.After position(DraftSearch base, String cursor) {
        if (cursor == null) {
            return null;
        }
        DraftSearch.After after = DraftListQuery.decode(base, cursor);
        if (after == null) {
            throw badRequest(
                    "ARGUMENT_INVALID", "the cursor is not one of this list (same query, sortKey and reverse)");
        }
        return after;
    }

    private static DraftSearch at(DraftSearch s, boolean ascending, DraftSearch.After after) {
        return new DraftSearch(
                s.storeId(),
                s.statuses(),
                s.tag(),
                s.email(),
                s.createdAtMin(),
                s.createdAtMax(),
                s.updatedAtMin(),
                s.updatedAtMax(),
                s.text(),
                s.sort(),
                ascending,
                after,
                s.limit());
    }

    // ---- helpers ----

    private Map<String, Object> view(String store, DraftOrder draft) {
        return GraphQlDraftMapping.draftOrder(draft, search(store, null, "ID", false, 1));
    }

    private DraftOrderInput restInput(Map<String, Object> input) {
        return parse(GraphQlDraftMapping.restInput(input));
    }

    private DraftOrderInput parse(ObjectNode node) {
        try {
            return json.treeToValue(node, DraftOrderInput.class);
        } catch (JacksonException e) {
            throw ApiException.invalid("draft_order", "is not valid: " + e.getOriginalMessage());
        }
    }

    private Map<String, Object> outcome(String store, Outcome outcome, String idField) {
        return payload(
                "draftOrder",
                view(store, outcome.draft()),
                outcome.refusal().map(r -> List.of(refusal(r, idField))).orElse(List.of()));
    }

    private static Map<String, Object> refusal(Refusal refusal, String... field) {
        return userError(List.of(field), refusal.reason(), refusal.code().name());
    }

    private static List<Map<String, Object>> invalid(ApiException e, String argument) {
        if (e.status().is5xxServerError()) {
            throw e;
        }
        return GraphQlDraftMapping.userErrors(e, argument);
    }

    private static Map<String, Object> notFound(String payloadField, String idField) {
        return payload(
                payloadField, null, List.of(userError(List.of(idField), "Draft order does not exist", "NOT_FOUND")));
    }

    private static Map<String, Object> payload(String field, Object value, List<Map<String, Object>> userErrors) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put(field, value);
        payload.put("userErrors", userErrors);
        return payload;
    }

    private static GraphQlConnection connection(
            List<Map<String, Object>> edges, List<Map<String, Object>> nodes, boolean hasNext, boolean hasPrevious) {
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", hasNext);
        pageInfo.put("hasPreviousPage", hasPrevious);
        pageInfo.put("startCursor", edges.isEmpty() ? null : edges.get(0).get("cursor"));
        pageInfo.put(
                "endCursor",
                edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
        return new GraphQlConnection(edges, nodes, pageInfo);
    }

    private static String read(DataFetchingEnvironment env) {
        return GraphQlCaller.of(env).storeFor(Scopes.READ_DRAFT_ORDERS, env);
    }

    private static String write(DataFetchingEnvironment env) {
        return GraphQlCaller.of(env).storeFor(Scopes.WRITE_DRAFT_ORDERS, env);
    }

    private static GraphQlProblem badRequest(String code, String message) {
        return new GraphQlProblem(ErrorType.BAD_REQUEST, code, message);
    }
}
