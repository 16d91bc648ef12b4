package com.draftorders.draft.web;

import com.draftorders.draft.DraftProperties;
import com.draftorders.draft.application.DraftOrderService;
import com.draftorders.draft.application.DraftOrderService.Outcome;
import com.draftorders.draft.domain.DraftOrder;
import com.draftorders.draft.domain.DraftValidation;
import com.draftorders.draft.domain.Invoice;
import com.draftorders.draft.domain.PaymentTerms;
import com.draftorders.draft.domain.Refusal;
import com.draftorders.draft.web.DraftOrderJson.CancelRequest;
import com.draftorders.draft.web.DraftOrderJson.CommentRequest;
import com.draftorders.draft.web.DraftOrderJson.CompleteRequest;
import com.draftorders.draft.web.DraftOrderJson.CreateRequest;
import com.draftorders.draft.web.DraftOrderJson.DraftOrderInput;
import com.draftorders.draft.web.DraftOrderJson.DraftOrderListResponse;
import com.draftorders.draft.web.DraftOrderJson.DraftOrderResponse;
import com.draftorders.draft.web.DraftOrderJson.InvoiceInput;
import com.draftorders.draft.web.DraftOrderJson.InvoiceSentResponse;
import com.draftorders.draft.web.DraftOrderJson.InvoiceSentView;
import com.draftorders.draft.web.DraftOrderJson.SendInvoiceRequest;
import com.draftorders.draft.web.DraftOrderJson.TimelineEventView;
import com.draftorders.draft.web.DraftOrderJson.TimelineResponse;
import com.draftorders.messaging.web.ApiException;
import com.draftorders.messaging.web.StoreId;
import com.draftorders.messaging.web.StrictJson;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Draft orders over REST for merchants and their tools. Responses that show one draft carry its version as
 * {@code ETag}; {@code PATCH} takes it back as {@code If-Match}. Every mutating call accepts an
 * {@code Idempotency-Key} ({@link IdempotencyFilter}).
 */
@RestController
@RequestMapping("/draft-orders")
public class DraftOrderController {

    private final DraftOrderService drafts;
    private final DraftProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    public DraftOrderController(DraftOrderService drafts, DraftProperties properties, JsonMapper json, Clock clock) {
        this.drafts = drafts;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping
    public ResponseEntity<DraftOrderResponse> create(StoreId store, @RequestBody CreateRequest request) {
        var draft = drafts.create(
                store.value(),
                DraftOrderWebMapping.toNewDraft(
                        request == null ? null : request.draftOrder(), properties.shopCurrency(store.value())));
        return created(draft);
    }

    /** One page of the store's drafts; see {@link DraftListQuery} for the parameters. */
    @GetMapping
    public DraftOrderListResponse list(StoreId store, @RequestParam Map<String, String> params) {
        var search = DraftListQuery.parse(store.value(), params);
        List<DraftOrder> found = drafts.search(search);
        List<DraftOrder> page = found.size() > search.limit() ? found.subList(0, search.limit()) : found;
        String next =
                found.size() > search.limit() ? DraftListQuery.cursorAfter(search, page.get(page.size() - 1)) : null;
        return new DraftOrderListResponse(
                page.stream().map(DraftOrderWebMapping::view).toList(), next);
    }

    @GetMapping("/{id}")
    public ResponseEntity<DraftOrderResponse> get(StoreId store, @PathVariable String id) {
        return ok(find(store, id));
    }

    /**
     * Partial update: only the fields present in {@code draft_order} change ({@code null} clears one). With
     * {@code If-Match} the draft must still be at that version (else 412 {@code version_mismatch}). 409
     * {@code not_editable} while completing and once completed or canceled; 422 with every invalid field.
     */
    @PatchMapping("/{id}")
    public ResponseEntity<DraftOrderResponse> update(
            StoreId store,
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody JsonNode body) {
        JsonNode patch = body == null ? null : body.get("draft_order");
        if (patch == null || !patch.isObject()) {
            throw ApiException.invalid("draft_order", "is required and must be an object");
        }
        DraftOrderInput input;
        try {
            input = json.treeToValue(patch, DraftOrderInput.class);
        } catch (JacksonException e) {
            throw StrictJson.refusal(e, "draft_order");
        }
        Long expected = expectedVersion(ifMatch);
        Outcome outcome = drafts.update(
                        store.value(), id, expected, current -> DraftOrderWebMapping.toEdit(current, patch, input))
                .orElseThrow(() -> notFound(id));
        outcome.refusal().ifPresent(DraftOrderController::refused);
        return ok(outcome.draft());
    }

    /** {@code "3"}, {@code W/"3"} or {@code 3}; {@code *} (or none) means any version. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        if (!tag.matches("\\d{1,18}")) {
            throw new ApiException(
                    HttpStatus.PRECONDITION_FAILED,
                    "version_mismatch",
                    "If-Match must be the draft's version as its ETag shows it, e.g. \"3\"");
        }
        return Long.parseLong(tag);
    }

    /**
     * Starts completion and answers 202: the saga runs on. 409 when the draft is not ready (with Retry-After), is
     * already completing or completed, or is canceled.
     */
    @PostMapping("/{id}/complete")
    public ResponseEntity<DraftOrderResponse> complete(
            StoreId store, @PathVariable String id, @RequestBody(required = false) CompleteRequest request) {
        var body = request == null ? new CompleteRequest(false, null, null) : request;
        var terms = body.paymentTerms() == null
                ? null
                : new PaymentTerms(
                        body.paymentTerms().netDays(), body.paymentTerms().dueAt());
        if (terms != null && Boolean.FALSE.equals(body.paymentPending())) {
            throw ApiException.invalid(
                    "payment_pending", "cannot be false with payment_terms: terms mean paying later");
        }
        invalidIfAny(DraftValidation.validateCompletion(body.paymentGateway(), terms, clock.instant()));
        Outcome outcome = drafts.complete(
                        store.value(), id, Boolean.TRUE.equals(body.paymentPending()), body.paymentGateway(), terms)
                .orElseThrow(() -> notFound(id));
        outcome.refusal().ifPresent(DraftOrderController::refused);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .eTag(etag(outcome.draft()))
                .body(new DraftOrderResponse(DraftOrderWebMapping.view(outcome.draft())));
    }

    @PostMapping("/{id}/cancel")
    public ResponseEntity<DraftOrderResponse> cancel(
            StoreId store, @PathVariable String id, @RequestBody(required = false) CancelRequest request) {
        String reason = request == null ? null : request.reason();
        invalidIfAny(DraftValidation.validateCancellation(reason));
        Outcome outcome = drafts.cancel(store.value(), id, reason).orElseThrow(() -> notFound(id));
        outcome.refusal().ifPresent(DraftOrderController::refused);
        return ok(outcome.draft());
    }

    /** A new open draft with this draft's content, customer, note and tags, a new id and a new number: 201. */
    @PostMapping("/{id}/duplicate")
    public ResponseEntity<DraftOrderResponse> duplicate(StoreId store, @PathVariable String id) {
        return created(drafts.duplicate(store.value(), id).orElseThrow(() -> notFound(id)));
    }

    /**
     * Sends the invoice (Shopify's {@code draft_order_invoice}: {@code to} defaulting to the draft's email,
     * {@code from}, {@code subject}, {@code custom_message}): status {@code invoice_sent}, a signed
     * {@code invoice_url}, and {@code DraftOrderInvoiceSent} for the notification service. 409 {@code not_ready}
     * while the totals are being calculated; 409 {@code not_editable} unless open or invoiced.
     */
    @PostMapping("/{id}/send-invoice")
    public ResponseEntity<InvoiceSentResponse> sendInvoice(
            StoreId store, @PathVariable String id, @RequestBody(required = false) SendInvoiceRequest request) {
        InvoiceInput input = request == null || request.draftOrderInvoice() == null
                ? new InvoiceInput(null, null, null, null)
                : request.draftOrderInvoice();
        invalidIfAny(DraftValidation.validateInvoice(input.to(), input.from(), input.subject(), input.customMessage()));
        Outcome outcome = drafts.sendInvoice(
                        store.value(),
                        id,
                        new Invoice(input.to(), input.from(), input.subject(), input.customMessage(), null))
                .orElseThrow(() -> notFound(id));
        outcome.refusal().ifPresent(DraftOrderController::refused);
        var draft = outcome.draft();
        var view = DraftOrderWebMapping.view(draft);
        var sent = new InvoiceSentView(
                input.to() != null ? input.to() : view.email(),
                input.from(),
                input.subject(),
                input.customMessage(),
                view.invoiceUrl(),
                view.invoiceSentAt());
        return ResponseEntity.ok().eTag(etag(draft)).body(new InvoiceSentResponse(sent, view));
    }

    /**
     * Deletes a draft that is not completing or completed: 204, also when it is already deleted or does not exist
     * (idempotent); afterwards it is 404 everywhere. 409 {@code not_editable} for a completing or completed draft.
     */
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(StoreId store, @PathVariable String id) {
        var result = drafts.delete(store.value(), id);
        result.refusal().ifPresent(DraftOrderController::refused);
        return ResponseEntity.noContent().build();
    }

    /**
     * Adds a comment to the draft's timeline (Shopify's timeline comments; any status): 201 with the draft, whose
     * {@code has_timeline_comment} is then true. The comment is listed by {@code GET /draft-orders/{id}/events} as type
     * {@code comment}.
     */
    @PostMapping("/{id}/comments")
    public ResponseEntity<DraftOrderResponse> comment(
            StoreId store, @PathVariable String id, @RequestBody(required = false) CommentRequest request) {
        String body = request == null || request.comment() == null
                ? null
                : request.comment().body();
        if (body == null || body.isBlank() || body.length() > DraftValidation.MAX_NOTE) {
            throw ApiException.invalid("comment.body", "must be 1 to " + DraftValidation.MAX_NOTE + " characters");
        }
        Outcome outcome = drafts.comment(store.value(), id, body.trim()).orElseThrow(() -> notFound(id));
        return ResponseEntity.status(HttpStatus.CREATED)
                .eTag(etag(outcome.draft()))
                .body(new DraftOrderResponse(DraftOrderWebMapping.view(outcome.draft())));
    }

    /** The draft's timeline, oldest first: what happened, when, and the version it produced. */
    @GetMapping("/{id}/events")
    public TimelineResponse events(StoreId store, @PathVariable String id) {
        return new TimelineResponse(find(store, id).timeline().stream()
                .map(e -> new TimelineEventView(e.type(), e.at(), e.summary(), e.version()))
                .toList());
    }

    private DraftOrder find(StoreId store, String id) {
        return drafts.find(store.value(), id).orElseThrow(() -> notFound(id));
    }

    static ApiException notFound(String id) {
        return ApiException.notFound("draft order " + id);
    }

    /** 422 with every violation, when there are any. */
    private static void invalidIfAny(List<DraftValidation.Violation> violations) {
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations.stream()
                    .map(v -> new ApiException.FieldError(v.field(), v.reason()))
                    .toList());
        }
    }

    private static ResponseEntity<DraftOrderResponse> ok(DraftOrder draft) {
        return ResponseEntity.ok().eTag(etag(draft)).body(new DraftOrderResponse(DraftOrderWebMapping.view(draft)));
    }

    private static ResponseEntity<DraftOrderResponse> created(DraftOrder draft) {
        return ResponseEntity.created(URI.create("/draft-orders/" + draft.id()))
                .eTag(etag(draft))
                .body(new DraftOrderResponse(DraftOrderWebMapping.view(draft)));
    }

    static String etag(DraftOrder draft) {
        return "\"" + draft.version() + "\"";
    }

    /** The HTTP answer to a refusal: 409 with its code, 412 for a stale version, 422 for a missing recipient. */
    static void refused(Refusal refusal) {
        throw problem(refusal);
    }

    static ApiException problem(Refusal refusal) {
        return switch (refusal.code()) {
            case NOT_READY ->
                ApiException.conflict(refusal.code().name().toLowerCase(), refusal.reason())
                        .withHeader(HttpHeaders.RETRY_AFTER, "1");
            case VERSION_MISMATCH ->
                new ApiException(HttpStatus.PRECONDITION_FAILED, "version_mismatch", refusal.reason());
            case NO_RECIPIENT -> ApiException.invalid("draft_order_invoice.to", refusal.reason());
            default -> ApiException.conflict(refusal.code().name().toLowerCase(), refusal.reason());
        };
    }
}
