package com.draftorders.draft.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.draft.domain.CartCalculation;
import com.draftorders.draft.domain.Completion;
import com.draftorders.draft.domain.DraftContent;
import com.draftorders.draft.domain.DraftDetails;
import com.draftorders.draft.domain.DraftOrder;
import com.draftorders.draft.domain.DraftOrderStatus;
import com.draftorders.draft.domain.OrderCopy;
import com.draftorders.draft.domain.PaymentTerms;
import com.draftorders.draft.domain.TimelineEntry;
import com.draftorders.messaging.testing.Codecs;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The draft documents' codec keeps every field of a draft, of its content, calculation and saga state. */
class DraftsCodecTest {

    private static final Instant T = Instant.parse("2026-12-02T10:00:00.123Z");
    private static final Drafts DRAFTS = new Drafts(null);

    static DraftContent.Address address(String city) {
        return new DraftContent.Address(
                "Ada",
                "Lovelace",
                "Analytical Engines",
                "Unter den Linden 1",
                "2nd floor",
                city,
                "BE",
                "DE",
                "10117",
                "+49 30 000000");
    }

    static DraftContent.AppliedDiscount discount(String title) {
        return new DraftContent.AppliedDiscount(
                title, "for regulars", DraftContent.DiscountType.PERCENTAGE, "10", 500L);
    }

    static DraftContent content() {
        return new DraftContent(
                "EUR",
                List.of(new DraftContent.LineItem(
                        "li_1",
                        "var_1",
                        "prod_1",
                        "MUG-1",
                        "Mug",
                        "Blue",
                        2,
                        1999,
                        2499L,
                        350,
                        true,
                        true,
                        discount("Bundle"))),
                discount("Loyalty"),
                new DraftContent.ShippingLine("DHL", 495, "dhl"),
                address("Berlin"),
                address("Potsdam"),
                true,
                true,
                "USD",
                "1.0850",
                List.of("WELCOME10"));
    }

    static CartCalculation calculation() {
        var tax = new CartCalculation.TaxLine("VAT", "0.19", 638);
        return new CartCalculation(
                3,
                new CartCalculation.Totals(3998, 400, 3598, 495, 638, 4731, 2, 700),
                List.of(new CartCalculation.LineCalculation("li_1", 400L, List.of(tax), 3598L)),
                500L,
                List.of(new CartCalculation.TaxLine("VAT", "0.19", 79)),
                List.of(tax),
                new CartCalculation.Presentment(
                        "USD",
                        "1.0850",
                        new CartCalculation.PresentmentTotals(4338, 434, 3904, 537, 692, 5133),
                        List.of(new CartCalculation.LinePresentment("li_1", 2169L, 434L, 3904L, List.of(692L))),
                        543L,
                        537L,
                        List.of(86L),
                        List.of(692L)),
                List.of(new CartCalculation.AppliedCode(
                        "WELCOME10",
                        "Welcome",
                        "10 % off",
                        DraftContent.DiscountType.PERCENTAGE,
                        "10",
                        100L,
                        400,
                        434L)),
                List.of(new CartCalculation.Warning(
                        "discount_code_expired", "discount_codes[1]", "expired", "SUMMER")));
    }

    static DraftOrder.State everything() {
        var terms = new PaymentTerms(30, T.plusSeconds(86_400));
        return new DraftOrder.State(
                "dorder_1",
                "store_1",
                "#D1001",
                "cart_1",
                "phone",
                "call-42",
                T,
                DraftOrderStatus.COMPLETING,
                7,
                3,
                new DraftOrder.Customer("ada@example.com", "+49 30 000000", "cust_1"),
                content(),
                calculation(),
                "call before delivery",
                List.of("phone", "VIP"),
                true,
                "order_1",
                "payment declined",
                new Completion(
                        2,
                        true,
                        "system",
                        terms,
                        "pay_1",
                        Completion.Step.CREATE_ORDER,
                        T.plusSeconds(5),
                        true,
                        3,
                        new byte[] {1, 2, 3}),
                2,
                new DraftOrder.PendingCompletion(true, "test", terms),
                T.plusSeconds(9),
                T.plusSeconds(10),
                T.plusSeconds(11),
                T.plusSeconds(12),
                new DraftDetails(
                        List.of(new DraftDetails.Metafield("custom", "gift", "yes", "single_line_text_field")),
                        List.of(new DraftDetails.CustomAttribute("wrap.color", "red $ green")),
                        "PO-7",
                        "phone",
                        true,
                        T.plusSeconds(13),
                        List.of(new DraftDetails.LocalizedField("TAX_CREDENTIAL_BR", "123.456.789-09", "BR")),
                        true,
                        new DraftDetails.PurchasingEntity("cust_1", "comp_1", "loc_1", "contact_1")),
                "https://shop.test/invoices/dorder_1",
                T.plusSeconds(14),
                List.of(new TimelineEntry("created", T, "Draft order #D1001 created", 1)));
    }

    @Test
    void theFixtureSetsEveryFieldOfADraft() {
        Codecs.assertEveryComponentSet(everything());
    }

    @Test
    void aDraftReadsBackWithEveryFieldAsItWasWritten() {
        DraftOrder draft = DraftOrder.restore(everything());

        DraftOrder read = Codecs.roundTrip(DRAFTS, draft);

        assertThat(read.state()).usingRecursiveComparison().isEqualTo(draft.state());
    }

    @Test
    void theQueriedFieldsAreTopLevelAndTheChannelReferenceOnlyForChannelDrafts() {
        var document = Codecs.write(DRAFTS, DraftOrder.restore(everything()));

        assertThat(document.getString("storeId").getValue()).isEqualTo("store_1");
        assertThat(document.getString("status").getValue()).isEqualTo("COMPLETING");
        assertThat(document.getString(Drafts.CHANNEL_REFERENCE).getValue()).isEqualTo("store_1:phone:call-42");
        assertThat(document.getArray("tagsLower").getValues())
                .extracting(v -> v.asString().getValue())
                .containsExactly("phone", "vip");
        assertThat(document.getBoolean("deleted").getValue()).isTrue();

        var fromRest = DraftOrder.restore(new DraftOrder.State(
                "dorder_2",
                "store_1",
                "#D1002",
                "cart_2",
                null,
                null,
                T,
                DraftOrderStatus.OPEN,
                1,
                1,
                null,
                content(),
                null,
                null,
                List.of(),
                false,
                null,
                null,
                null,
                0,
                null,
                T,
                null,
                null,
                null,
                DraftDetails.NONE,
                null,
                null,
                List.of()));
        var plain = Codecs.write(DRAFTS, fromRest);
        assertThat(plain.containsKey(Drafts.CHANNEL_REFERENCE)).isFalse();
        assertThat(plain.containsKey("deleted")).isFalse();
        assertThat(Codecs.roundTrip(DRAFTS, fromRest).state())
                .usingRecursiveComparison()
                .isEqualTo(fromRest.state());
    }

    @Test
    void anOrderCopyReadsBackWithEveryField() {
        var copy = new OrderCopy(
                "order_1",
                "store_1",
                "#1001",
                "dorder_1",
                new DraftOrder.Customer("ada@example.com", "+49 30 000000", "cust_1"),
                content(),
                "call before delivery",
                List.of("phone"));
        Codecs.assertEveryComponentSet(copy);

        assertThat(Codecs.roundTrip(new OrderCopies(), copy))
                .usingRecursiveComparison()
                .isEqualTo(copy);
    }
}
