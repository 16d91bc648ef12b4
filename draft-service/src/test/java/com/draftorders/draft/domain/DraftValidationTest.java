package com.draftorders.draft.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DraftValidationTest {

    private static List<String> fieldsOf(DraftDetails details) {
        return DraftValidation.validate(null, DraftOrderFixtures.content(), null, List.of(), details).stream()
                .map(DraftValidation.Violation::field)
                .toList();
    }

    private static DraftDetails withMetafields(List<DraftDetails.Metafield> metafields) {
        return new DraftDetails(metafields, List.of(), null, null, false, null);
    }

    @Test
    void detailsWithinTheLimitsAreValid() {
        var details = new DraftDetails(
                List.of(new DraftDetails.Metafield("erp", "customer_no", "4711", "single_line_text_field")),
                List.of(new DraftDetails.CustomAttribute("gift_wrap", "yes")),
                "PO-2025-17",
                "phone",
                true,
                null);

        assertThat(fieldsOf(details)).isEmpty();
    }

    @Test
    void atMostFiftyMetafieldsAreAccepted() {
        var metafields = new ArrayList<DraftDetails.Metafield>();
        for (int i = 0; i < DraftValidation.MAX_METAFIELDS + 1; i++) {
            metafields.add(new DraftDetails.Metafield("ns", "k" + i, "v", "single_line_text_field"));
        }

        assertThat(fieldsOf(withMetafields(metafields))).containsExactly("metafields");
        assertThat(fieldsOf(withMetafields(metafields.subList(0, DraftValidation.MAX_METAFIELDS))))
                .isEmpty();
    }

    @Test
    void aMetafieldNeedsNamespaceKeyAndValueWithinTheirLengths() {
        String longKey = String.join("", Collections.nCopies(DraftValidation.MAX_KEY + 1, "k"));
        String longValue = String.join("", Collections.nCopies(DraftValidation.MAX_VALUE + 1, "v"));

        assertThat(fieldsOf(withMetafields(List.of(
                        new DraftDetails.Metafield(null, "k", "v", "t"),
                        new DraftDetails.Metafield("ns", longKey, "v", "t"),
                        new DraftDetails.Metafield("ns", "k2", longValue, "t"),
                        new DraftDetails.Metafield("ns", "k3", null, "t")))))
                .containsExactly(
                        "metafields[0].namespace", "metafields[1].key", "metafields[2].value", "metafields[3].value");
    }

    @Test
    void twoMetafieldsWithTheSameNamespaceAndKeyAreRefused() {
        assertThat(fieldsOf(withMetafields(List.of(
                        new DraftDetails.Metafield("ns", "k", "1", "t"),
                        new DraftDetails.Metafield("ns", "k", "2", "t")))))
                .containsExactly("metafields[1].key");
    }

    @Test
    void customAttributesNeedAKeyAndAreBounded() {
        var many = new ArrayList<DraftDetails.CustomAttribute>();
        for (int i = 0; i < DraftValidation.MAX_CUSTOM_ATTRIBUTES + 1; i++) {
            many.add(new DraftDetails.CustomAttribute("k" + i, "v"));
        }

        assertThat(fieldsOf(new DraftDetails(List.of(), many, null, null, false, null)))
                .containsExactly("custom_attributes");
        assertThat(fieldsOf(new DraftDetails(
                        List.of(), List.of(new DraftDetails.CustomAttribute(" ", "v")), null, null, false, null)))
                .containsExactly("custom_attributes[0].key");
    }

    @Test
    void poNumberAndSourceNameAreBoundedStrings() {
        String longText = String.join("", Collections.nCopies(DraftValidation.MAX_TEXT + 1, "x"));

        assertThat(fieldsOf(new DraftDetails(List.of(), List.of(), longText, longText, false, null)))
                .containsExactly("po_number", "source_name");
    }

    @Test
    void anInvoiceNeedsEmailAddressesAndBoundedTexts() {
        String longMessage = String.join("", Collections.nCopies(DraftValidation.MAX_NOTE + 1, "x"));

        assertThat(DraftValidation.validateInvoice("not-an-email", "shop@example.com", "Hi", longMessage))
                .extracting(DraftValidation.Violation::field)
                .containsExactly("draft_order_invoice.to", "draft_order_invoice.custom_message");
        assertThat(DraftValidation.validateInvoice(null, null, null, null)).isEmpty();
    }

    @Test
    void bulkTagsMustBeOneToTheMaximumOfNonBlankTags() {
        assertThat(DraftValidation.validateTags("tags", List.of())).isNotEmpty();
        assertThat(DraftValidation.validateTags("tags", List.of(" "))).isNotEmpty();
        assertThat(DraftValidation.validateTags("tags", List.of("vip"))).isEmpty();
    }

    private static DraftContent withLines(List<DraftContent.LineItem> lines) {
        var c = DraftOrderFixtures.content();
        return new DraftContent(
                c.currency(),
                lines,
                c.appliedDiscount(),
                c.shippingLine(),
                c.shippingAddress(),
                c.billingAddress(),
                false,
                false);
    }

    private static DraftContent.LineItem line(String id, int quantity, long price, Long originalPrice) {
        return new DraftContent.LineItem(
                id, "var_1", null, null, "Mug", null, quantity, price, originalPrice, 0, true, true, null);
    }

    private static List<String> contentFields(DraftContent content) {
        return DraftValidation.validate(null, content, null, List.of()).stream()
                .map(DraftValidation.Violation::field)
                .toList();
    }

    @Test
    void oneLineWhosePriceTimesQuantityOverflowsALongIsRefusedAsTooLarge() {
        // 10^13 x 10^6 = 10^19 > Long.MAX_VALUE: a plain multiplication wraps around to a negative total
        var content = withLines(List.of(line("li_1", DraftValidation.MAX_QUANTITY, DraftValidation.MAX_AMOUNT, null)));

        assertThat(contentFields(content)).containsExactly("line_items");
    }

    @Test
    void linesWhoseSumExceedsTheMaximumAmountAreRefusedAndTheMaximumItselfIsAccepted() {
        long half = DraftValidation.MAX_AMOUNT / 2;

        assertThat(contentFields(withLines(List.of(line("a", 1, half, null), line("b", 1, half, null)))))
                .isEmpty();
        assertThat(contentFields(withLines(List.of(line("a", 1, half, null), line("b", 1, half + 1, null)))))
                .containsExactly("line_items");
    }

    @Test
    void anOriginalPriceIsMoneyWithinTheLimits() {
        assertThat(contentFields(withLines(List.of(line("a", 1, 100, -1L)))))
                .containsExactly("line_items[0].original_price");
        assertThat(contentFields(withLines(List.of(line("a", 1, 100, DraftValidation.MAX_AMOUNT + 1)))))
                .containsExactly("line_items[0].original_price");
    }

    @Test
    void lineItemIdsAreRequiredBoundedAndUnique() {
        assertThat(contentFields(withLines(List.of(line(" ", 1, 100, null)))))
                .containsExactly("line_items[0].line_item_id");
        assertThat(contentFields(withLines(List.of(line("x".repeat(256), 1, 100, null)))))
                .containsExactly("line_items[0].line_item_id");
        assertThat(contentFields(withLines(List.of(line("a", 1, 100, null), line("a", 1, 100, null)))))
                .containsExactly("line_items[1].line_item_id");
    }

    @Test
    void theShippingCodeIsABoundedString() {
        var c = DraftOrderFixtures.content();
        var content = new DraftContent(
                c.currency(),
                c.lineItems(),
                null,
                new DraftContent.ShippingLine("DHL", 495, "x".repeat(256)),
                null,
                null,
                false,
                false);

        assertThat(contentFields(content)).containsExactly("shipping_line.code");
    }

    private static DraftContent shippedTo(String country, String province) {
        var c = DraftOrderFixtures.content();
        return new DraftContent(
                c.currency(),
                c.lineItems(),
                null,
                null,
                new DraftContent.Address(null, null, null, null, null, null, province, country, null, null),
                null,
                false,
                false);
    }

    @Test
    void aCountryCodeMustBeAnAssignedIsoCodeNotOnlyTwoLetters() {
        assertThat(contentFields(shippedTo("DE", null))).isEmpty();
        assertThat(contentFields(shippedTo("ZZ", null))).containsExactly("shipping_address.country_code");
        assertThat(contentFields(shippedTo("XX", null))).containsExactly("shipping_address.country_code");
    }

    @Test
    void aProvinceOfTheUnitedStatesOrCanadaMustBeOneOfTheirs() {
        assertThat(contentFields(shippedTo("US", "CA"))).isEmpty();
        assertThat(contentFields(shippedTo("CA", "ON"))).isEmpty();
        assertThat(contentFields(shippedTo("US", "ON"))).containsExactly("shipping_address.province_code");
        assertThat(contentFields(shippedTo("US", "ZZ"))).containsExactly("shipping_address.province_code");
        assertThat(contentFields(shippedTo("DE", "BY")))
                .as("other countries: the form only")
                .isEmpty();
    }

    @Test
    void tooManyDiscountCodesAreReportedWithTheMalformedOnes() {
        var c = DraftOrderFixtures.content();
        var content = new DraftContent(
                c.currency(),
                c.lineItems(),
                null,
                null,
                null,
                null,
                false,
                false,
                null,
                null,
                List.of("A", "B", "C", "D", "E", "F", "-bad"));

        assertThat(contentFields(content)).containsExactly("discount_codes", "discount_codes[6]");
    }

    @Test
    void aChannelsRequestNeedsARequestIdAndAChannelAndBoundedReferences() {
        assertThat(DraftValidation.validateRequest("req-1", "phone", "call-1", null))
                .isEmpty();
        assertThat(DraftValidation.validateRequest(" ", null, null, null))
                .extracting(DraftValidation.Violation::field)
                .containsExactly("request_id", "channel");
        assertThat(DraftValidation.validateRequest("r".repeat(256), "c".repeat(65), "e".repeat(256), "d".repeat(65)))
                .extracting(DraftValidation.Violation::field)
                .containsExactly("request_id", "channel", "external_reference", "draft_order_id");
    }

    @Test
    void aCompletionNamesAGatewayAndNetDaysWithinAYear() {
        assertThat(DraftValidation.validateCompletion("system", new PaymentTerms(30, null), java.time.Instant.now()))
                .isEmpty();
        assertThat(DraftValidation.validateCompletion(
                        "Not A Gateway!", new PaymentTerms(366, null), java.time.Instant.now()))
                .extracting(DraftValidation.Violation::field)
                .containsExactly("payment_terms.net_days", "payment_gateway");
    }

    @Test
    void aCancellationReasonIsABoundedString() {
        assertThat(DraftValidation.validateCancellation(null)).isEmpty();
        assertThat(DraftValidation.validateCancellation("x".repeat(256)))
                .extracting(DraftValidation.Violation::field)
                .containsExactly("reason");
    }
}
