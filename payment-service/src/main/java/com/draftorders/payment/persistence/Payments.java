package com.draftorders.payment.persistence;

import com.draftorders.messaging.MessageFactory.Correlation;
import com.draftorders.messaging.OutgoingMessage;
import com.draftorders.messaging.work.AggregateType;
import com.draftorders.messaging.work.Bson;
import com.draftorders.payment.domain.Payment;
import com.draftorders.payment.domain.PaymentStatus;
import java.time.Instant;
import java.util.List;
import org.bson.BsonReader;
import org.bson.BsonWriter;
import org.springframework.stereotype.Component;

/**
 * Payments in MongoDB (collection {@value #COLLECTION}), one document each: the payment's state as top-level fields
 * (store, draft order and status among them, for operators' queries) beside the unit of work's version, outbox and
 * processed ids. A payment's events are sent by the handler that caused them, so {@link #messages} has none.
 */
@Component
public class Payments implements AggregateType<Payment> {

    public static final String COLLECTION = "payments";

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public String idOf(Payment payment) {
        return payment.id();
    }

    @Override
    public String storeIdOf(Payment payment) {
        return payment.storeId();
    }

    @Override
    public long versionOf(Payment payment) {
        return payment.revision();
    }

    @Override
    public List<OutgoingMessage> messages(Payment payment, Correlation cause) {
        return List.of();
    }

    @Override
    public void write(Payment payment, BsonWriter writer) {
        Payment.State s = payment.state();
        Bson.fields(writer)
                .string("storeId", s.storeId())
                .string("draftOrderId", s.draftOrderId())
                .string("orderId", s.orderId())
                .int64("amount", s.amount())
                .string("currency", s.currency())
                .string("gateway", s.gateway())
                .string("providerReference", s.providerReference())
                .string("status", s.status().name())
                .int64("capturedAmount", s.capturedAmount())
                .int64("refundedAmount", s.refundedAmount())
                .string("failureCode", s.failureCode())
                .string("failureReason", s.failureReason())
                .string("voidReason", s.voidReason())
                .strings("handledIdempotencyKeys", s.handledIdempotencyKeys())
                .documents(
                        "refunds",
                        s.refunds(),
                        (refund, out) -> out.string("idempotencyKey", refund.idempotencyKey())
                                .int64("amount", refund.amount())
                                .string("reason", refund.reason())
                                .string("providerReference", refund.providerReference())
                                .instant("refundedAt", refund.refundedAt()))
                .int64("revision", s.revision())
                .instant("createdAt", s.createdAt())
                .instant("updatedAt", s.updatedAt())
                .instant("capturedAt", s.capturedAt())
                .instant("voidedAt", s.voidedAt());
    }

    @Override
    public Payment read(BsonReader reader) {
        var s = new Object() {
            String id;
            String storeId;
            String draftOrderId;
            String orderId;
            long amount;
            String currency;
            String gateway;
            String providerReference;
            PaymentStatus status;
            long capturedAmount;
            long refundedAmount;
            String failureCode;
            String failureReason;
            String voidReason;
            List<String> keys = List.of();
            List<Payment.IssuedRefund> refunds = List.of();
            long revision;
            Instant createdAt;
            Instant updatedAt;
            Instant capturedAt;
            Instant voidedAt;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "_id" -> s.id = in.readString();
                case "storeId" -> s.storeId = in.readString();
                case "draftOrderId" -> s.draftOrderId = in.readString();
                case "orderId" -> s.orderId = in.readString();
                case "amount" -> s.amount = Bson.readLong(in);
                case "currency" -> s.currency = in.readString();
                case "gateway" -> s.gateway = in.readString();
                case "providerReference" -> s.providerReference = in.readString();
                case "status" -> s.status = PaymentStatus.valueOf(in.readString());
                case "capturedAmount" -> s.capturedAmount = Bson.readLong(in);
                case "refundedAmount" -> s.refundedAmount = Bson.readLong(in);
                case "failureCode" -> s.failureCode = in.readString();
                case "failureReason" -> s.failureReason = in.readString();
                case "voidReason" -> s.voidReason = in.readString();
                case "handledIdempotencyKeys" -> s.keys = Bson.readStrings(in);
                case "refunds" -> s.refunds = Bson.readList(in, Payments::readRefund);
                case "revision" -> s.revision = Bson.readLong(in);
                case "createdAt" -> s.createdAt = Bson.readInstant(in);
                case "updatedAt" -> s.updatedAt = Bson.readInstant(in);
                case "capturedAt" -> s.capturedAt = Bson.readInstant(in);
                case "voidedAt" -> s.voidedAt = Bson.readInstant(in);
                default -> in.skipValue();
            }
        });
        return Payment.restore(new Payment.State(
                s.id,
                s.storeId,
                s.draftOrderId,
                s.orderId,
                s.amount,
                s.currency,
                s.gateway,
                s.providerReference,
                s.status,
                s.capturedAmount,
                s.refundedAmount,
                s.failureCode,
                s.failureReason,
                s.voidReason,
                s.keys,
                s.refunds,
                s.revision,
                s.createdAt,
                s.updatedAt,
                s.capturedAt,
                s.voidedAt));
    }

    private static Payment.IssuedRefund readRefund(BsonReader reader) {
        var r = new Object() {
            String key;
            long amount;
            String reason;
            String providerReference;
            Instant refundedAt;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "idempotencyKey" -> r.key = in.readString();
                case "amount" -> r.amount = Bson.readLong(in);
                case "reason" -> r.reason = in.readString();
                case "providerReference" -> r.providerReference = in.readString();
                case "refundedAt" -> r.refundedAt = Bson.readInstant(in);
                default -> in.skipValue();
            }
        });
        return new Payment.IssuedRefund(r.key, r.amount, r.reason, r.providerReference, r.refundedAt);
    }
}
