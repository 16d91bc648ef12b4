package com.draftorders.draft.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.avro.common.CartContent;
import com.draftorders.avro.common.CustomAttribute;
import com.draftorders.avro.common.LineItem;
import com.draftorders.avro.common.Metadata;
import com.draftorders.avro.common.Metafield;
import com.draftorders.avro.common.PaymentTerms;
import com.draftorders.avro.common.ShippingLine;
import com.draftorders.avro.draft.CancelDraftOrder;
import com.draftorders.avro.draft.CompleteDraftOrder;
import com.draftorders.avro.draft.CreateDraftOrder;
import com.draftorders.avro.draft.DraftOrderRequestRejected;
import com.draftorders.draft.persistence.Drafts;
import com.draftorders.draft.support.DraftServiceTestBase;
import com.draftorders.messaging.IncomingMessage;
import com.draftorders.messaging.work.Outboxes;
import com.draftorders.messaging.work.UnitOfWork;
import com.draftorders.schemas.Topics;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's generative test of the Kafka intake: requests on {@code draft-order-requests} derived from valid ones by
 * mutating their fields within the Avro types (odd and control-character strings, lower-case and retired currencies,
 * extreme numbers and times, nulls where the schema allows them, empty and oversized lists, another store), each
 * delivered through the service's subscription as the consumer does. Every one ends as a draft change, a
 * {@code DraftOrderRequestRejected} or a dead letter, never a crash; a rejected or dead-lettered request changes no
 * draft; and after every mutated request a valid one still goes through (the partition is never stuck). Undecodable
 * bytes are {@code MessageCodecTest}'s part. Prints what it tried and the counts.
 */
class GenerativeIntakeTest extends DraftServiceTestBase {

    private static final long SEED = Long.getLong("generative.seed", 12L);
    private static final int REQUESTS = Integer.getInteger("generative.kafka-requests", 800);
    private static final List<String> STRINGS = List.of(
            "",
            " ",
            "nul\u0000here",
            "hi\r\nBcc: evil@x.y",
            "esc\u001b[2J",
            "lone \ud800",
            "x".repeat(10_000),
            "eur",
            "XXX",
            "XAU",
            "DEM",
            "1e2",
            "+1.00",
            " 1.0850 ",
            "١٠٠",
            "emoji 😀 \u202e",
            "$where",
            "a.b",
            "33.3333333333333333",
            "not-an-email",
            "dorder_unknown");
    private static final List<Long> LONGS =
            List.of(Long.MIN_VALUE, Long.MAX_VALUE, -1L, 0L, 10_000_000_000_001L, 1L << 53);
    private static final List<Integer> INTS = List.of(Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0, 1_000_001, 366);
    private static final List<Instant> INSTANTS =
            List.of(Instant.EPOCH, Instant.parse("1969-12-31T23:59:59Z"), Instant.parse("9999-12-31T23:59:59Z"));

    private final Random random = new Random(SEED);
    private String store;
    private int references;

    private static LineItem line() {
        return LineItem.newBuilder()
                .setLineItemId("l1")
                .setTitle("Mug")
                .setQuantity(2)
                .setPrice(1999)
                .setGrams(350)
                .setTaxable(true)
                .setRequiresShipping(true)
                .build();
    }

    private CreateDraftOrder create() {
        String reference = "ref-" + (++references);
        return CreateDraftOrder.newBuilder()
                .setRequestId("req-" + reference)
                .setChannel("phone")
                .setExternalReference(reference)
                .setEmail("ada@example.com")
                .setNote("call first")
                .setTags(List.of("vip"))
                .setMetafields(List.of(new Metafield("erp", "no", "4711", "number_integer")))
                .setCustomAttributes(List.of(new CustomAttribute("caller", "Ada")))
                .setPoNumber("PO-1")
                .setReserveInventoryUntil(Instant.parse("2030-01-01T00:00:00Z"))
                .setContent(CartContent.newBuilder()
                        .setCurrency("EUR")
                        .setLineItems(List.of(line()))
                        .setShippingLine(new ShippingLine("DHL", 495L, "dhl", List.of(), null))
                        .setPresentmentCurrency("USD")
                        .setExchangeRate("1.0850")
                        .setDiscountCodes(List.of("WELCOME10"))
                        .build())
                .build();
    }

    private CompleteDraftOrder complete(String draftId) {
        String reference = "ref-" + (++references);
        return CompleteDraftOrder.newBuilder()
                .setRequestId("req-" + reference)
                .setChannel("phone")
                .setDraftOrderId(draftId)
                .setPaymentPending(true)
                .setPaymentTerms(PaymentTerms.newBuilder().setNetDays(30).build())
                .setPaymentGateway("system")
                .build();
    }

    private CancelDraftOrder cancel(String draftId) {
        String reference = "ref-" + (++references);
        return CancelDraftOrder.newBuilder()
                .setRequestId("req-" + reference)
                .setChannel("phone")
                .setDraftOrderId(draftId)
                .setReason("changed mind")
                .build();
    }

    private IncomingMessage<SpecificRecordBase> incoming(Metadata metadata, SpecificRecordBase request) {
        return new IncomingMessage<>(
                metadata, request, metadata.getAggregateId(), Topics.DRAFT_ORDER_REQUESTS.name(), 0, 0);
    }

    private Metadata metadata(String key) {
        return Metadata.newBuilder()
                .setEventId("evt_" + UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setCorrelationId("corr_gen")
                .setStoreId(store)
                .setAggregateId(key)
                .setSource("phone-channel")
                .build();
    }

    private Object storedDrafts() {
        List<Document> documents = new ArrayList<>();
        mongo.getCollection(Drafts.COLLECTION)
                .find(Filters.eq("storeId", store))
                .sort(Sorts.ascending("_id"))
                .forEach(document -> {
                    // a rejection records the request as processed (with its rejection event in the outbox) and so
                    // bumps the document's version; the draft itself must not change
                    document.remove(Outboxes.FIELD);
                    document.remove(UnitOfWork.PROCESSED);
                    document.remove(UnitOfWork.VERSION);
                    documents.add(document);
                });
        return documents;
    }

    private long rejections() {
        return recorded().ofStore(store).stream()
                .filter(r -> r.payload() instanceof DraftOrderRequestRejected)
                .count();
    }

    /** A draft made by a valid request: the partition is not stuck. */
    private String validDraft() {
        var request = create();
        deliver(incoming(metadata(request.getChannel() + ":" + request.getExternalReference()), request));
        return drafts.findByChannelReference(store, "phone", request.getExternalReference())
                .orElseThrow(() -> new AssertionError("a valid request after mutated ones made no draft"))
                .id();
    }

    @Test
    void mutatedRequestsEndAsAChangeARejectionOrADeadLetterAndNeverStopTheIntake() {
        store = newStore();
        String draftId = validDraft();
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> reasons = new TreeMap<>();
        Map<String, Integer> byType = new TreeMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            int type = random.nextInt(10);
            SpecificRecordBase valid = type < 6 ? create() : type < 8 ? complete(draftId) : cancel(draftId);
            SpecificRecordBase request = copy(valid);
            Metadata metadata = metadata(draftId);
            for (int m = 0; m < 1 + random.nextInt(3); m++) {
                mutate(random.nextInt(8) == 0 ? metadata : request);
            }
            Object before = storedDrafts();
            long rejectedBefore = rejections();
            String outcome;
            try {
                deliver(incoming(metadata, request));
                if (rejections() > rejectedBefore) {
                    outcome = "rejected";
                    var rejection = (DraftOrderRequestRejected) recorded().ofStore(store).stream()
                            .map(r -> r.payload())
                            .filter(DraftOrderRequestRejected.class::isInstance)
                            .reduce((a, b) -> b)
                            .orElseThrow();
                    reasons.merge(rejection.getCode(), 1, Integer::sum);
                } else if (!storedDrafts().equals(before)) {
                    outcome = "applied";
                } else {
                    outcome = "no change (a repeat or an ignored request)";
                }
            } catch (RuntimeException deadLetter) {
                outcome = "dead letter";
                reasons.merge("dead letter: " + deadLetter.getClass().getSimpleName(), 1, Integer::sum);
            }
            if (!outcome.equals("applied")) {
                assertThat(storedDrafts()).as(outcome + " of " + request).isEqualTo(before);
            }
            outcomes.merge(outcome, 1, Integer::sum);
            byType.merge(valid.getClass().getSimpleName(), 1, Integer::sum);
            if (i % 100 == 99) {
                store = newStore(); // keeps each comparison of the store small
                draftId = validDraft();
            } else if (i % 25 == 24) {
                draftId = validDraft();
            }
        }
        validDraft();
        System.out.println("generative Kafka test of draft-order-requests: " + REQUESTS + " mutated requests\n"
                + "  by type:    " + byType + "\n"
                + "  outcomes:   " + outcomes + "\n"
                + "  rejections: " + reasons);
        assertThat(outcomes.getOrDefault("rejected", 0)).isPositive();
    }

    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecordBase> T copy(T record) {
        return (T) SpecificData.getForClass(record.getClass()).deepCopy(record.getSchema(), record);
    }

    /** Changes one field somewhere in {@code record} to another value of its Avro type. */
    private void mutate(SpecificRecordBase record) {
        List<Runnable> changes = new ArrayList<>();
        collect(record, changes);
        if (!changes.isEmpty()) {
            changes.get(random.nextInt(changes.size())).run();
        }
    }

    private void collect(SpecificRecordBase record, List<Runnable> changes) {
        for (Schema.Field field : record.getSchema().getFields()) {
            int pos = field.pos();
            Schema schema = field.schema();
            changes.add(() -> record.put(pos, oddValue(schema, record.get(pos))));
            Object value = record.get(pos);
            if (value instanceof SpecificRecordBase nested) {
                collect(nested, changes);
            } else if (value instanceof List<?> list) {
                for (Object element : list) {
                    if (element instanceof SpecificRecordBase nested) {
                        collect(nested, changes);
                    }
                }
            }
        }
    }

    private Object oddValue(Schema schema, Object current) {
        if (schema.getType() == Schema.Type.UNION) {
            List<Schema> branches = schema.getTypes();
            boolean nullable = branches.stream().anyMatch(b -> b.getType() == Schema.Type.NULL);
            if (nullable && random.nextInt(3) == 0) {
                return null;
            }
            Schema branch = branches.stream()
                    .filter(b -> b.getType() != Schema.Type.NULL)
                    .findFirst()
                    .orElseThrow();
            return oddValue(branch, current);
        }
        return switch (schema.getType()) {
            case STRING -> STRINGS.get(random.nextInt(STRINGS.size()));
            case INT -> INTS.get(random.nextInt(INTS.size()));
            case LONG ->
                schema.getLogicalType() != null
                        ? INSTANTS.get(random.nextInt(INSTANTS.size()))
                        : LONGS.get(random.nextInt(LONGS.size()));
            case BOOLEAN -> current instanceof Boolean b ? !b : Boolean.TRUE;
            case ENUM -> {
                var symbols = schema.getEnumSymbols();
                yield SpecificData.get().createEnum(symbols.get(random.nextInt(symbols.size())), schema);
            }
            case ARRAY -> {
                List<Object> list = current instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
                int how = random.nextInt(3);
                if (how == 0 || list.isEmpty()) {
                    yield new ArrayList<>();
                }
                if (how == 1) {
                    yield new ArrayList<>(Collections.nCopies(random.nextBoolean() ? 6 : 600, list.get(0)));
                }
                list.remove(0);
                yield list;
            }
            default -> current;
        };
    }
}
