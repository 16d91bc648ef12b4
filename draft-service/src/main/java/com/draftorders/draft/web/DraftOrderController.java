package com.draftorders.draft.web;

import com.draftorders.draft.DraftProperties;
import com.draftorders.draft.application.DraftOrderService;
import com.draftorders.draft.application.DraftOrderService.Outcome;
import com.draftorders.draft.domain.PaymentTerms;
import com.draftorders.draft.domain.Refusal;
import com.draftorders.draft.web.DraftOrderJson.CancelRequest;
import com.draftorders.draft.web.DraftOrderJson.CompleteRequest;
import com.draftorders.draft.web.DraftOrderJson.CreateRequest;
import com.draftorders.draft.web.DraftOrderJson.DraftOrderResponse;
import com.draftorders.messaging.web.ApiException;
import com.draftorders.messaging.web.StoreId;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Draft orders over REST for merchants and their tools. */
@RestController
@RequestMapping("/draft-orders")
public class DraftOrderController {

    private final DraftOrderService drafts;
    private final String defaultCurrency;

    public DraftOrderController(DraftOrderService drafts, DraftProperties properties) {
        this.drafts = drafts;
        this.defaultCurrency = properties.defaultCurrency();
    }

    @PostMapping
    public ResponseEntity<DraftOrderResponse> create(StoreId store, @RequestBody CreateRequest request) {
        var draft = drafts.create(
                store.value(),
                DraftOrderWebMapping.toNewDraft(request == null ? null : request.draftOrder(), defaultCurrency));
        return ResponseEntity.created(URI.create("/draft-orders/" + draft.id()))
                .body(new DraftOrderResponse(DraftOrderWebMapping.view(draft)));
    }

    @GetMapping("/{id}")
    public DraftOrderResponse get(StoreId store, @PathVariable String id) {
        return drafts.find(store.value(), id)
                .map(d -> new DraftOrderResponse(DraftOrderWebMapping.view(d)))
                .orElseThrow(() -> ApiException.notFound("draft order " + id));
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
        if (terms != null && terms.netDays() != null && (terms.netDays() < 0 || terms.netDays() > 365)) {
            throw ApiException.invalid("payment_terms.net_days", "must be between 0 and 365");
        }
        if (body.paymentGateway() != null && !body.paymentGateway().matches("[a-z0-9_-]{1,40}")) {
            throw ApiException.invalid("payment_gateway", "must be a gateway name such as \"system\"");
        }
        Outcome outcome = drafts.complete(
                        store.value(), id, Boolean.TRUE.equals(body.paymentPending()), body.paymentGateway(), terms)
                .orElseThrow(() -> ApiException.notFound("draft order " + id));
        return outcome.refusal()
                .map(DraftOrderController::refused)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(new DraftOrderResponse(DraftOrderWebMapping.view(outcome.draft()))));
    }

    @PostMapping("/{id}/cancel")
    public DraftOrderResponse cancel(
            StoreId store, @PathVariable String id, @RequestBody(required = false) CancelRequest request) {
        Outcome outcome = drafts.cancel(store.value(), id, request == null ? null : request.reason())
                .orElseThrow(() -> ApiException.notFound("draft order " + id));
        outcome.refusal().ifPresent(refusal -> {
            throw ApiException.conflict(refusal.code().name().toLowerCase(), refusal.reason());
        });
        return new DraftOrderResponse(DraftOrderWebMapping.view(outcome.draft()));
    }

    private static ResponseEntity<DraftOrderResponse> refused(Refusal refusal) {
        var exception = ApiException.conflict(refusal.code().name().toLowerCase(), refusal.reason());
        if (refusal.code() == Refusal.Code.NOT_READY) {
            // Spring renders the problem; the header tells clients when to try again.
            throw new NotReadyException(exception);
        }
        throw exception;
    }

    /** A 409 that also carries {@code Retry-After: 1}. */
    static class NotReadyException extends ApiException {
        NotReadyException(ApiException e) {
            super(e.status(), e.code(), e.getMessage());
        }
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(NotReadyException.class)
    ResponseEntity<org.springframework.http.ProblemDetail> notReady(NotReadyException e) {
        var problem = org.springframework.http.ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setProperty("code", e.code());
        return ResponseEntity.status(e.status())
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }
}
