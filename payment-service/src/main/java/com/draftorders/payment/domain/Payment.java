package com.draftorders.payment.domain;

import com.draftorders.payment.domain.PaymentProvider.ProviderResult;
import com.draftorders.payment.domain.PaymentProvider.ProviderResult.Approved;
import com.draftorders.payment.domain.PaymentProvider.ProviderResult.Declined;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One payment of one draft order: an authorization with a provider, then at most one capture (for less than or all
 * of the authorized amount) and any number of refunds up to what was captured — or a void instead of the capture.
 *
 * <p>Every operation checks its guard first and answers with a {@link PaymentOutcome}: a {@link
 * PaymentOutcome.Changed change} with the event it causes, {@link PaymentOutcome.Unchanged nothing to do} (the
 * command's idempotency key was handled before, or the payment already is as asked), or a {@link
 * PaymentOutcome.Rejected refusal} with the event that tells the caller why. Refusals are answers, not exceptions.
 *
 * <p>Idempotency keys are remembered per command name, so a capture and a refund never collide on a caller's key.
 * Only commands that changed the payment remember their key; a refused command is judged again when it comes back
 * (its answer is the same, because every refusal follows from a state that cannot be undone).
 */
public final class Payment {

    /** Authorization failure code: the amount is negative or above {@link Amounts#MAX}. */
    public static final String INVALID_AMOUNT = "invalid_amount";
    /** Authorization failure code: the currency is not an upper-case ISO 4217 code. */
    public static final String INVALID_CURRENCY = "invalid_currency";
    /** Authorization failure code: no enabled provider has the requested name. */
    public static final String UNKNOWN_GATEWAY = "unknown_gateway";
    /** Refusal message of a void after the money was taken. */
    public static final String CAPTURED_REFUND_INSTEAD = "payment is captured; refund it instead";

    private final String id;
    private final String storeId;
    private final String draftOrderId;
    private final long amount;
    private final String currency;
    private final Instant createdAt;
    private String orderId;
    private String gateway;
    private String providerReference;
    private PaymentStatus status;
    private long capturedAmount;
    private long refundedAmount;
    private String failureCode;
    private String failureReason;
    private String voidReason;
    private final List<String> handledIdempotencyKeys;
    private final List<IssuedRefund> refunds;
    private long revision;
    private Instant updatedAt;
    private Instant capturedAt;
    private Instant voidedAt;

    /**
     * Everything a payment is, for storage and display.
     *
     * @param handledIdempotencyKeys {@code <command name>:<idempotency key>} of every command that changed it
     * @param revision 1 after the authorization, one more with every change
     */
    public record State(
            String id,
            String storeId,
            String draftOrderId,
            String orderId,
            long amount,
            String currency,
            String gateway,
            String providerReference,
            PaymentStatus status,
            long capturedAmount,
            long refundedAmount,
            String failureCode,
            String failureReason,
            String voidReason,
            List<String> handledIdempotencyKeys,
            List<IssuedRefund> refunds,
            long revision,
            Instant createdAt,
            Instant updatedAt,
            Instant capturedAt,
            Instant voidedAt) {

        public State {
            handledIdempotencyKeys = handledIdempotencyKeys == null ? List.of() : List.copyOf(handledIdempotencyKeys);
            refunds = refunds == null ? List.of() : List.copyOf(refunds);
        }

        /** What can still be refunded. */
        public long refundableAmount() {
            return capturedAmount - refundedAmount;
        }
    }

    /** One refund given: how much, why, under which key, and the provider's reference for it. */
    public record IssuedRefund(
            String idempotencyKey, long amount, String reason, String providerReference, Instant refundedAt) {}

    /** A new payment and its first event: {@code Authorized} or {@code AuthorizationFailed}. */
    public record Authorization(Payment payment, PaymentEvent event) {
        public boolean approved() {
            return payment.status == PaymentStatus.AUTHORIZED;
        }
    }

    private Payment(PaymentCommand.Authorize command, String storeId, Instant now) {
        this.id = requireText(command.paymentId(), "payment id");
        this.storeId = requireText(storeId, "store id");
        this.draftOrderId = command.draftOrderId();
        this.amount = command.amount();
        this.currency = command.currency();
        this.gateway = command.provider();
        this.createdAt = Objects.requireNonNull(now, "now");
        this.updatedAt = now;
        this.handledIdempotencyKeys = new ArrayList<>();
        this.refunds = new ArrayList<>();
        this.revision = 1;
        this.handledIdempotencyKeys.add(keyOf(command));
    }

    private Payment(State state) {
        this.id = state.id();
        this.storeId = state.storeId();
        this.draftOrderId = state.draftOrderId();
        this.orderId = state.orderId();
        this.amount = state.amount();
        this.currency = state.currency();
        this.gateway = state.gateway();
        this.providerReference = state.providerReference();
        this.status = state.status();
        this.capturedAmount = state.capturedAmount();
        this.refundedAmount = state.refundedAmount();
        this.failureCode = state.failureCode();
        this.failureReason = state.failureReason();
        this.voidReason = state.voidReason();
        this.handledIdempotencyKeys = new ArrayList<>(state.handledIdempotencyKeys());
        this.refunds = new ArrayList<>(state.refunds());
        this.revision = state.revision();
        this.createdAt = state.createdAt();
        this.updatedAt = state.updatedAt();
        this.capturedAt = state.capturedAt();
        this.voidedAt = state.voidedAt();
    }

    /** A stored payment. */
    public static Payment restore(State state) {
        return new Payment(Objects.requireNonNull(state, "state"));
    }

    /**
     * Creates payment {@code command.paymentId()} in {@code storeId} by asking the requested provider to authorize
     * the amount. An invalid amount or currency, a provider that is not enabled, or a decline still creates the
     * payment, as {@link PaymentStatus#AUTHORIZATION_FAILED}, so that the same command coming back finds it and does
     * nothing.
     */
    public static Authorization authorize(
            String storeId, PaymentCommand.Authorize command, PaymentProviders providers, Instant now) {
        Payment payment = new Payment(command, storeId, now);
        if (!Amounts.isValid(command.amount())) {
            return payment.failAuthorization(
                    INVALID_AMOUNT,
                    "amount must be between 0 and " + Amounts.MAX + " minor units, got " + command.amount());
        }
        if (!Amounts.isCurrency(command.currency())) {
            return payment.failAuthorization(
                    INVALID_CURRENCY, "'" + command.currency() + "' is not an ISO 4217 currency code");
        }
        Optional<PaymentProvider> provider = providers.find(command.provider());
        if (provider.isEmpty()) {
            return payment.failAuthorization(UNKNOWN_GATEWAY, notEnabled(command.provider(), providers));
        }
        payment.gateway = provider.get().name();
        ProviderResult result = provider.get()
                .authorize(new PaymentProvider.AuthorizationRequest(
                        payment.id, command.idempotencyKey(), command.amount(), command.currency(), command.email()));
        if (result instanceof Declined declined) {
            return payment.failAuthorization(codeOf(declined), plainReason(declined));
        }
        payment.status = PaymentStatus.AUTHORIZED;
        payment.providerReference = ((Approved) result).reference();
        return new Authorization(
                payment,
                new PaymentEvent.Authorized(
                        payment.id,
                        payment.draftOrderId,
                        payment.amount,
                        payment.currency,
                        payment.gateway,
                        payment.providerReference));
    }

    private Authorization failAuthorization(String code, String reason) {
        status = PaymentStatus.AUTHORIZATION_FAILED;
        failureCode = code;
        failureReason = reason;
        return new Authorization(this, new PaymentEvent.AuthorizationFailed(id, draftOrderId, code, reason));
    }

    /**
     * Takes {@code command.amount()} (null: the whole authorized amount) and remembers the order it pays for. Does
     * nothing when this capture was handled before or the payment is already captured; refuses a voided or failed
     * payment, and an amount that is not positive or above what was authorized.
     */
    public PaymentOutcome capture(PaymentCommand.Capture command, PaymentProviders providers, Instant now) {
        requireThisPayment(command);
        if (hasHandled(command)) {
            return new PaymentOutcome.Unchanged("capture " + command.idempotencyKey() + " was handled before");
        }
        if (status.isCaptured()) {
            return new PaymentOutcome.Unchanged("payment is already captured");
        }
        if (status == PaymentStatus.VOIDED) {
            return refuseCapture(command, "payment is voided");
        }
        if (status == PaymentStatus.AUTHORIZATION_FAILED) {
            return refuseCapture(command, "payment authorization failed (" + failureCode + "); nothing to capture");
        }
        long toCapture = command.amount() == null ? amount : command.amount();
        if (toCapture < 0 || (toCapture == 0 && amount > 0)) {
            return refuseCapture(command, "capture amount must be positive, got " + toCapture);
        }
        if (toCapture > amount) {
            return refuseCapture(
                    command,
                    "capture of " + Amounts.format(toCapture, currency) + " exceeds the "
                            + Amounts.format(amount, currency) + " authorized");
        }
        ProviderResult result = callProvider(
                providers,
                provider -> provider.capture(new PaymentProvider.CaptureRequest(
                        id, providerReference, command.idempotencyKey(), toCapture, currency)));
        if (result instanceof Declined declined) {
            return refuseCapture(command, reasonOf(declined, gateway));
        }
        status = PaymentStatus.CAPTURED;
        capturedAmount = toCapture;
        if (command.orderId() != null) {
            orderId = command.orderId();
        }
        capturedAt = now;
        changed(command, now);
        return new PaymentOutcome.Changed(
                new PaymentEvent.Captured(id, draftOrderId, orderId, capturedAmount, currency));
    }

    private PaymentOutcome refuseCapture(PaymentCommand.Capture command, String reason) {
        return new PaymentOutcome.Rejected(reason, new PaymentEvent.CaptureFailed(id, command.orderId(), reason));
    }

    /**
     * Releases the authorization. Does nothing when it was released before; refuses once money was taken (a refund
     * is the way back then) and when the authorization had failed.
     */
    public PaymentOutcome voidAuthorization(
            PaymentCommand.VoidAuthorization command, PaymentProviders providers, Instant now) {
        requireThisPayment(command);
        if (hasHandled(command)) {
            return new PaymentOutcome.Unchanged("void " + command.idempotencyKey() + " was handled before");
        }
        if (status == PaymentStatus.VOIDED) {
            return new PaymentOutcome.Unchanged("payment is already voided");
        }
        if (status.isCaptured()) {
            return refuse(command, CAPTURED_REFUND_INSTEAD);
        }
        if (status == PaymentStatus.AUTHORIZATION_FAILED) {
            return refuse(command, "payment authorization failed (" + failureCode + "); nothing to void");
        }
        ProviderResult result = callProvider(
                providers,
                provider -> provider.voidAuthorization(
                        new PaymentProvider.VoidRequest(id, providerReference, command.idempotencyKey())));
        if (result instanceof Declined declined) {
            return refuse(command, reasonOf(declined, gateway));
        }
        status = PaymentStatus.VOIDED;
        voidReason = command.reason();
        voidedAt = now;
        changed(command, now);
        return new PaymentOutcome.Changed(new PaymentEvent.Voided(id, draftOrderId, voidReason));
    }

    /**
     * Gives back {@code command.amount()} of the captured money: {@link PaymentStatus#REFUNDED} once everything
     * captured is back, {@link PaymentStatus#PARTIALLY_REFUNDED} before. Does nothing when this refund was handled
     * before; refuses a payment that was not captured, an amount that is not positive and one above what is still
     * refundable.
     */
    public PaymentOutcome refund(PaymentCommand.Refund command, PaymentProviders providers, Instant now) {
        requireThisPayment(command);
        if (hasHandled(command)) {
            return new PaymentOutcome.Unchanged("refund " + command.idempotencyKey() + " was handled before");
        }
        if (!status.isCaptured()) {
            return refuse(command, notRefundable(status));
        }
        if (command.amount() <= 0) {
            return refuse(command, "refund amount must be positive, got " + command.amount());
        }
        long refundable = capturedAmount - refundedAmount;
        if (command.amount() > refundable) {
            return refuse(
                    command,
                    "refund of " + Amounts.format(command.amount(), currency) + " exceeds the "
                            + Amounts.format(refundable, currency) + " still refundable");
        }
        ProviderResult result = callProvider(
                providers,
                provider -> provider.refund(new PaymentProvider.RefundRequest(
                        id,
                        providerReference,
                        command.idempotencyKey(),
                        command.amount(),
                        currency,
                        command.reason())));
        if (result instanceof Declined declined) {
            return refuse(command, reasonOf(declined, gateway));
        }
        refundedAmount += command.amount();
        status = refundedAmount == capturedAmount ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        refunds.add(new IssuedRefund(
                command.idempotencyKey(), command.amount(), command.reason(), ((Approved) result).reference(), now));
        changed(command, now);
        return new PaymentOutcome.Changed(
                new PaymentEvent.Refunded(id, orderId, command.amount(), refundedAmount, currency));
    }

    private PaymentOutcome refuse(PaymentCommand command, String reason) {
        return new PaymentOutcome.Rejected(
                reason, new PaymentEvent.CommandRejected(id, command.idempotencyKey(), command.name(), reason));
    }

    private ProviderResult callProvider(PaymentProviders providers, Function<PaymentProvider, ProviderResult> call) {
        Optional<PaymentProvider> provider = providers.find(gateway);
        if (provider.isEmpty()) {
            return new Declined(UNKNOWN_GATEWAY, notEnabled(gateway, providers));
        }
        return Objects.requireNonNull(call.apply(provider.get()), "provider result");
    }

    private void changed(PaymentCommand command, Instant now) {
        handledIdempotencyKeys.add(keyOf(command));
        revision++;
        updatedAt = now;
    }

    private boolean hasHandled(PaymentCommand command) {
        return handledIdempotencyKeys.contains(keyOf(command));
    }

    private static String keyOf(PaymentCommand command) {
        return command.name() + ":" + command.idempotencyKey();
    }

    private void requireThisPayment(PaymentCommand command) {
        if (!id.equals(command.paymentId())) {
            throw new IllegalArgumentException(command.name() + " for " + command.paymentId() + " sent to " + id);
        }
    }

    private static String notEnabled(String name, PaymentProviders providers) {
        return "payment provider '" + name + "' is not enabled; enabled: " + String.join(", ", providers.names());
    }

    private static String codeOf(Declined declined) {
        return declined.code() == null || declined.code().isBlank() ? "declined" : declined.code();
    }

    private static String plainReason(Declined declined) {
        return declined.reason() == null || declined.reason().isBlank() ? "declined" : declined.reason();
    }

    /** A provider's refusal of a capture, void or refund, where the answer has no separate code field. */
    private static String reasonOf(Declined declined, String gateway) {
        return plainReason(declined) + " (" + gateway + ": " + codeOf(declined) + ")";
    }

    private static String notRefundable(PaymentStatus status) {
        return switch (status) {
            case AUTHORIZED -> "payment is not captured; void it instead";
            case AUTHORIZATION_FAILED -> "payment authorization failed; nothing to refund";
            case VOIDED -> "payment is voided; nothing to refund";
            case CAPTURED, PARTIALLY_REFUNDED, REFUNDED -> throw new IllegalStateException("refundable: " + status);
        };
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    public State state() {
        return new State(
                id,
                storeId,
                draftOrderId,
                orderId,
                amount,
                currency,
                gateway,
                providerReference,
                status,
                capturedAmount,
                refundedAmount,
                failureCode,
                failureReason,
                voidReason,
                handledIdempotencyKeys,
                refunds,
                revision,
                createdAt,
                updatedAt,
                capturedAt,
                voidedAt);
    }

    public String id() {
        return id;
    }

    public String storeId() {
        return storeId;
    }

    public PaymentStatus status() {
        return status;
    }

    public long revision() {
        return revision;
    }
}
