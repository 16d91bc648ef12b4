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
}
