package com.draftorders.order.web;

import com.draftorders.messaging.web.ApiException;
import com.draftorders.messaging.web.MoneyFormat;
import com.draftorders.messaging.web.StoreId;
import com.draftorders.messaging.work.AggregateReads;
import com.draftorders.messaging.work.ConcurrentChangeException;
import com.draftorders.order.application.PaymentRequests;
import com.draftorders.order.application.PaymentRequests.Answer;
import com.draftorders.order.domain.Order;
import com.draftorders.order.domain.PaymentRequestOutcome;
import com.draftorders.order.persistence.Orders;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Capture, void and refund of an order's payment. Each call needs an {@code Idempotency-Key}: the same key with the
 * same body answers again as the first time ({@code Idempotent-Replayed: true}) and sends no second command; the same
 * key with another body is 422 {@code idempotency_key_reused}. An accepted request answers 202 with what was accepted
 * ({@code {"capture": {"status": "pending", "amount": ...}}}, see {@link PaymentRequestAnswer}); the order's
 * {@code payment_status} changes once payment-service reports back. A request that kept meeting other changes of the
 * order is 409 {@code concurrent_change}: nothing of it was written, and it may be sent again with the same key.
 */
@RestController
@RequestMapping("/orders/{id}")
public class OrderPaymentController {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 255;
    static final int MAX_REASON_LENGTH = 500;

    private final AggregateReads reads;
    private final Orders orders;
    private final PaymentRequests requests;

    public OrderPaymentController(AggregateReads reads, Orders orders, PaymentRequests requests) {
        this.reads = reads;
        this.orders = orders;
        this.requests = requests;
    }

    /** {@code {"amount": "12.50"}}, or no body / no amount for the whole authorization. */
    public record CaptureRequest(String amount) {}

    public record VoidRequest(String reason) {}

    public record RefundRequest(String amount, String reason) {}

    @PostMapping("/capture")
    public ResponseEntity<PaymentRequestAnswer> capture(
            StoreId storeId,
            @PathVariable String id,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestBody(required = false) CaptureRequest body) {
        String key = requireKey(idempotencyKey);
        String amountText = body == null ? null : body.amount();
        Long amount = amountText == null ? null : amount(amountText, currencyOf(storeId, id));
        return answer(id, () -> requests.capture(storeId.value(), id, key, amount));
    }

    @PostMapping("/void")
    public ResponseEntity<PaymentRequestAnswer> voidPayment(
            StoreId storeId,
            @PathVariable String id,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestBody(required = false) VoidRequest body) {
        String key = requireKey(idempotencyKey);
        String reason = reason(body == null ? null : body.reason());
        return answer(id, () -> requests.voidPayment(storeId.value(), id, key, reason));
    }

    @PostMapping("/refund")
    public ResponseEntity<PaymentRequestAnswer> refund(
            StoreId storeId,
            @PathVariable String id,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestBody(required = false) RefundRequest body) {
        String key = requireKey(idempotencyKey);
        if (body == null || body.amount() == null) {
            throw ApiException.invalid("amount", "is required");
        }
        long amount = amount(body.amount(), currencyOf(storeId, id));
        String reason = reason(body.reason());
        return answer(id, () -> requests.refund(storeId.value(), id, key, amount, reason));
    }

    private static String requireKey(String key) {
        if (key == null || key.isBlank()) {
            throw ApiException.invalid(IDEMPOTENCY_KEY, "is required");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw ApiException.invalid(IDEMPOTENCY_KEY, "must be at most " + MAX_KEY_LENGTH + " characters");
        }
        return key;
    }

    private static String reason(String reason) {
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            throw ApiException.invalid("reason", "must be at most " + MAX_REASON_LENGTH + " characters");
        }
        if (!com.draftorders.schemas.InputRules.isText(reason)) {
            throw ApiException.invalid("reason", com.draftorders.schemas.InputRules.TEXT_RULE);
        }
        return reason == null || reason.isBlank() ? null : reason;
    }

    private String currencyOf(StoreId storeId, String id) {
        return reads.byId(orders, id, storeId.value())
                .map(Order::currency)
                .orElseThrow(() -> ApiException.notFound("order " + id));
    }

    private static long amount(String text, String currency) {
        long amount;
        try {
            amount = MoneyFormat.parse(text, currency);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("amount", e.getMessage());
        }
        if (amount <= 0) {
            throw ApiException.invalid("amount", "must be greater than zero");
        }
        return amount;
    }

    private static ResponseEntity<PaymentRequestAnswer> answer(String id, Supplier<Optional<Answer>> request) {
        Answer answer = attempt(request).orElseThrow(() -> ApiException.notFound("order " + id));
        String currency = answer.order().currency();
        Function<Long, String> money = minor -> MoneyFormat.format(minor, currency);
        PaymentRequestOutcome outcome = answer.outcome();
        if (outcome instanceof PaymentRequestOutcome.Accepted accepted) {
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(PaymentRequestAnswer.of(answer.order(), accepted.request()));
        }
        if (outcome instanceof PaymentRequestOutcome.Replayed replayed) {
            // made from the remembered request alone: the same bytes as the first answer
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .header(REPLAYED, "true")
                    .body(PaymentRequestAnswer.of(answer.order(), replayed.request()));
        }
        if (outcome instanceof PaymentRequestOutcome.KeyReused reused) {
            throw new ApiException(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency_key_reused",
                    "the Idempotency-Key " + reused.idempotencyKey() + " was already used for another request ("
                            + reused.firstKind().name().toLowerCase(Locale.ROOT) + ")",
                    List.of(new ApiException.FieldError(IDEMPOTENCY_KEY, "was used with another request body")));
        }
        throw refusal(
                (PaymentRequestOutcome.Refused) outcome,
                money,
                answer.order().cart().totals().totalPrice());
    }

    /** Runs the request; other writers changing the order every time it was written is a conflict, not a failure. */
    private static Optional<Answer> attempt(Supplier<Optional<Answer>> request) {
        try {
            return request.get();
        } catch (ConcurrentChangeException e) {
            throw ApiException.conflict(
                    "concurrent_change",
                    "the order kept changing while this request was applied and nothing was done; send it again with"
                            + " the same Idempotency-Key");
        }
    }

    private static ApiException refusal(
            PaymentRequestOutcome.Refused refused, Function<Long, String> money, long authorized) {
        return switch (refused.code()) {
            case "refund_exceeds_captured" -> {
                String figures = "the refund exceeds what can still be refunded: captured "
                        + money.apply(refused.captured()) + ", refunded " + money.apply(refused.refunded())
                        + ", refundable " + money.apply(refused.refundable());
                yield new ApiException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        refused.code(),
                        figures,
                        List.of(new ApiException.FieldError(
                                "amount", "must be at most " + money.apply(refused.refundable()))));
            }
            case "capture_exceeds_authorized" ->
                new ApiException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        refused.code(),
                        "the capture exceeds the authorized " + money.apply(authorized),
                        List.of(new ApiException.FieldError("amount", "must be at most " + money.apply(authorized))));
            case "invalid_amount" ->
                new ApiException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        refused.code(),
                        refused.reason(),
                        List.of(new ApiException.FieldError("amount", refused.reason())));
            default -> ApiException.conflict(refused.code(), refused.reason());
        };
    }
}
