package com.draftorders.draft.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.avro.cart.CreateCart;
import com.draftorders.avro.cart.ReplaceCartContent;
import com.draftorders.avro.common.CartContent;
import com.draftorders.avro.common.LineItem;
import com.draftorders.avro.common.Metadata;
import com.draftorders.avro.draft.CreateDraftOrder;
import com.draftorders.avro.draft.DraftOrderRequestRejected;
import com.draftorders.avro.draft.DraftOrderUpdated;
import com.draftorders.draft.application.DraftOrderService;
import com.draftorders.draft.domain.CartCalculation;
import com.draftorders.draft.domain.DraftContent;
import com.draftorders.draft.support.DraftServiceTestBase;
import com.draftorders.messaging.IncomingMessage;
import com.draftorders.schemas.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Presentment currency, exchange rate and discount codes on drafts: input, validation, the answer and the events. */
class CurrenciesAndDiscountCodesApiTest extends DraftServiceTestBase {

    private static String body(String extra) {
        return """
                {"draft_order": {"currency": "EUR", "email": "ada@example.com", %s
                  "line_items": [{"variant_id": "var_mug", "title": "Mug", "price": "20.00", "quantity": 2}],
                  "shipping_line": {"title": "DHL", "price": "5.00"}}}
                """.formatted(extra);
    }

    /**
     * What cart-service would answer for the draft: 4000 less SUMMER10 (10%: 400) = 3600, shipping 500, no tax; in
     * USD at 1.0850: line 3906 (discount 434), shipping 543, total 4449; BOGUS did not apply.
     */
    private CartCalculation presentedCalculation(long draftVersion, String lineId) {
        return new CartCalculation(
                draftVersion,
                new CartCalculation.Totals(4000, 400, 3600, 500, 0, 4100, 2, 0),
                List.of(new CartCalculation.LineCalculation(lineId, null, List.of(), 3600L)),
                null,
                List.of(),
                List.of(),
                new CartCalculation.Presentment(
                        "USD",
                        "1.0850",
                        new CartCalculation.PresentmentTotals(4340, 434, 3906, 543, 0, 4449),
                        List.of(new CartCalculation.LinePresentment(lineId, 2170L, null, 3906L, List.of())),
                        null,
                        543L,
                        List.of(),
                        List.of()),
                List.of(new CartCalculation.AppliedCode(
                        "SUMMER10",
                        "Summer sale",
                        "10% off",
                        DraftContent.DiscountType.PERCENTAGE,
                        "10",
                        null,
                        400,
                        434L)),
                List.of(new CartCalculation.Warning(
                        "discount_code_not_found",
                        "discount_codes[1]",
                        "discount code BOGUS does not exist",
                        "BOGUS")));
    }

    @Test
    void aDraftPresentedInAnotherCurrencyWithCodesShowsShopAndPresentmentPairsAndWarnings() {
        String store = newStore();
        var created = post(
                "/draft-orders",
                store,
                body("\"presentment_currency\": \"USD\", \"exchange_rate\": \"1.0850\","
                        + " \"discount_codes\": [\"summer10\", \"BOGUS\"],"));
        assertThat(created.status()).isEqualTo(201);
        var draft = created.path("draft_order");
        String id = draft.path("id").asString();
        assertThat(draft.path("presentment_currency").asString()).isEqualTo("USD");
        assertThat(draft.path("exchange_rate").asString()).isEqualTo("1.0850");
        assertThat(draft.path("discount_codes").toString()).isEqualTo("[\"summer10\",\"BOGUS\"]");
        assertThat(draft.path("ready").asBoolean()).isFalse();
        assertThat(draft.path("total_price_set").isNull()).isTrue();

        // the cart gets what it needs to convert and to resolve the codes
        String cartId = draft.path("cart_id").asString();
        CartContent sent = cartCommands(cartId, CreateCart.class).get(0).getContent();
        assertThat(sent.getPresentmentCurrency()).isEqualTo("USD");
        assertThat(sent.getExchangeRate()).isEqualTo("1.0850");
        assertThat(sent.getDiscountCodes()).containsExactly("summer10", "BOGUS");

        drafts.change(store, id, DraftOrderService.newFlow(), d -> {
            d.applyCalculation(
                    presentedCalculation(
                            d.contentVersion(), d.content().lineItems().get(0).id()),
                    Instant.now());
            return Optional.empty();
        });

        JsonNode shown = get("/draft-orders/" + id, store).path("draft_order");
        assertThat(shown.path("ready").asBoolean()).isTrue();
        assertThat(shown.path("total_price").asString()).isEqualTo("41.00");
        assertThat(shown.path("total_price_set")
                        .path("shop_money")
                        .path("amount")
                        .asString())
                .isEqualTo("41.00");
        assertThat(shown.path("total_price_set")
                        .path("shop_money")
                        .path("currency_code")
                        .asString())
                .isEqualTo("EUR");
        assertThat(shown.path("total_price_set")
                        .path("presentment_money")
                        .path("amount")
                        .asString())
                .isEqualTo("44.49");
        assertThat(shown.path("total_price_set")
                        .path("presentment_money")
                        .path("currency_code")
                        .asString())
                .isEqualTo("USD");
        assertThat(shown.path("total_discounts_set")
                        .path("presentment_money")
                        .path("amount")
                        .asString())
                .isEqualTo("4.34");
        assertThat(shown.path("subtotal_price_set")
                        .path("presentment_money")
                        .path("amount")
                        .asString())
                .isEqualTo("39.06");
        assertThat(shown.path("total_shipping_price_set")
                        .path("presentment_money")
                        .path("amount")
                        .asString())
                .isEqualTo("5.43");
        assertThat(shown.path("total_tax_set")
                        .path("presentment_money")
                        .path("amount")
                        .asString())
                .isEqualTo("0.00");
        var line = shown.path("line_items").get(0);
        assertThat(line.path("price_set")
                        .path("presentment_money")
                        .path("amount")
                        .asString())
                .isEqualTo("21.70");
        assertThat(line.path("discounted_total_set")
                        .path("presentment_money")
                        .path("amount")
                        .asString())
                .isEqualTo("39.06");
        assertThat(shown.path("shipping_line")
                        .path("price_set")
                        .path("presentment_money")
                        .path("amount")
                        .asString())
                .isEqualTo("5.43");
        var code = shown.path("applied_discount_codes").get(0);
        assertThat(code.path("code").asString()).isEqualTo("SUMMER10");
        assertThat(code.path("title").asString()).isEqualTo("Summer sale");
        assertThat(code.path("amount").asString()).isEqualTo("4.00");
        assertThat(code.path("amount_set")
                        .path("presentment_money")
                        .path("amount")
                        .asString())
                .isEqualTo("4.34");
        var warning = shown.path("warnings").get(0);
        assertThat(warning.path("code").asString()).isEqualTo("discount_code_not_found");
        assertThat(warning.path("field").asString()).isEqualTo("discount_codes[1]");
        assertThat(warning.path("discount_code").asString()).isEqualTo("BOGUS");

        // subscribers get the same
        var event = draftEvents(id, DraftOrderUpdated.class).get(0).getDraftOrder();
        assertThat(event.getContent().getPresentmentCurrency()).isEqualTo("USD");
        assertThat(event.getTotals().getPresentmentCurrency()).isEqualTo("USD");
        assertThat(event.getTotals().getExchangeRate()).isEqualTo("1.0850");
        assertThat(event.getTotals().getPresentment().getTotalPrice()).isEqualTo(4449);
        assertThat(event.getContent().getLineItems().get(0).getPresentmentDiscountedTotal())
                .isEqualTo(3906);
        assertThat(event.getAppliedDiscountCodes()).singleElement().satisfies(c -> {
            assertThat(c.getCode()).isEqualTo("SUMMER10");
            assertThat(c.getPresentmentAmount()).isEqualTo(434);
        });
        assertThat(event.getWarnings())
                .singleElement()
                .satisfies(w -> assertThat(w.getDiscountCode()).isEqualTo("BOGUS"));
    }

    @Test
    void withoutAPresentmentCurrencyThePairsShowTheShopCurrencyTwice() {
        String store = newStore();
        String id = readyDraft(store, body(""));

        JsonNode shown = get("/draft-orders/" + id, store).path("draft_order");
        assertThat(shown.path("presentment_currency").asString()).isEqualTo("EUR");
        assertThat(shown.path("exchange_rate").asString()).isEqualTo("1");
        assertThat(shown.path("discount_codes").size()).isZero();
        assertThat(shown.path("warnings").size()).isZero();
        assertThat(shown.path("total_price_set")
                        .path("presentment_money")
                        .path("amount")
                        .asString())
                .isEqualTo("45.00");
        assertThat(shown.path("total_price_set")
                        .path("presentment_money")
                        .path("currency_code")
                        .asString())
                .isEqualTo("EUR");
    }

    @Test
    void changingTheCodesOrTheRateIsAContentChangeTheCartRecalculates() {
        String store = newStore();
        String id = readyDraft(store, body(""));

        var patched = send(
                "PATCH",
                "/draft-orders/" + id,
                store,
                "{\"draft_order\": {\"discount_codes\": [\"WELCOME\"], \"presentment_currency\": \"GBP\","
                        + " \"exchange_rate\": \"0.86\"}}");

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.path("draft_order", "ready").asBoolean()).isFalse();
        String cartId = patched.path("draft_order", "cart_id").asString();
        CartContent sent = cartCommands(cartId, ReplaceCartContent.class).get(0).getContent();
        assertThat(sent.getDiscountCodes()).containsExactly("WELCOME");
        assertThat(sent.getPresentmentCurrency()).isEqualTo("GBP");
        assertThat(sent.getExchangeRate()).isEqualTo("0.86");
    }

    @Test
    void invalidCurrenciesRatesAndCodesAreRefusedWithTheirFields() {
        String store = newStore();
        assertInvalid(store, "\"presentment_currency\": \"USD\",", "exchange_rate");
        assertInvalid(store, "\"exchange_rate\": \"1.2\",", "exchange_rate");
        assertInvalid(store, "\"presentment_currency\": \"XYZ\", \"exchange_rate\": \"1.2\",", "presentment_currency");
        assertInvalid(store, "\"presentment_currency\": \"USD\", \"exchange_rate\": \"0\",", "exchange_rate");
        assertInvalid(store, "\"presentment_currency\": \"USD\", \"exchange_rate\": \"abc\",", "exchange_rate");
        assertInvalid(
                store, "\"presentment_currency\": \"USD\", \"exchange_rate\": \"1.00000000001\",", "exchange_rate");
        assertInvalid(store, "\"presentment_currency\": \"EUR\", \"exchange_rate\": \"1.1\",", "exchange_rate");
        // 40.00 + 5.00 EUR at 999999 JPY per EUR (0 decimals) is fine; at that rate into a 3-decimal currency not
        assertInvalid(
                store,
                "\"line_items\": [{\"title\": \"Big\", \"price\": \"99999999999.00\"}],"
                        + " \"presentment_currency\": \"KWD\", \"exchange_rate\": \"999999\",",
                "exchange_rate");
        assertInvalid(store, "\"discount_codes\": [\"A\", \"B\", \"C\", \"D\", \"E\", \"F\"],", "discount_codes");
        assertInvalid(store, "\"discount_codes\": [\"no spaces\"],", "discount_codes[0]");
    }

    private void assertInvalid(String store, String extra, String field) {
        String json = extra.contains("\"line_items\"") ? """
                        {"draft_order": {"currency": "EUR", %s "shipping_line": {"title": "DHL", "price": "5.00"}}}
                        """.formatted(extra) : body(extra);
        var response = post("/draft-orders", store, json);
        assertThat(response.status()).as(extra).isEqualTo(422);
        assertThat(response.path("errors").toString()).as(extra).contains("\"field\":\"" + field + "\"");
    }

    @Test
    void aChannelsDraftCarriesPresentmentAndCodesAndAnInvalidRateIsRejectedWithTheField() {
        String store = newStore();
        deliver(incoming(store, channelRequest("call-7", "USD", "1.0850").build()));

        var draft = drafts.findByChannelReference(store, "phone", "call-7").orElseThrow();
        assertThat(draft.content().presentmentCurrency()).isEqualTo("USD");
        assertThat(draft.content().exchangeRate()).isEqualTo("1.0850");
        assertThat(draft.content().discountCodes()).containsExactly("SUMMER10");

        deliver(incoming(store, channelRequest("call-8", "USD", "-1").build()));
        assertThat(drafts.findByChannelReference(store, "phone", "call-8")).isEmpty();
        assertThat(recorded()
                        .payloads(Topics.DRAFT_ORDER_EVENTS.name(), "phone:call-8", DraftOrderRequestRejected.class))
                .singleElement()
                .satisfies(r -> assertThat(r.getField()).isEqualTo("exchange_rate"));
    }

    private static CreateDraftOrder.Builder channelRequest(String reference, String presentment, String rate) {
        return CreateDraftOrder.newBuilder()
                .setRequestId("req-" + reference)
                .setChannel("phone")
                .setExternalReference(reference)
                .setContent(CartContent.newBuilder()
                        .setCurrency("EUR")
                        .setPresentmentCurrency(presentment)
                        .setExchangeRate(rate)
                        .setDiscountCodes(List.of("SUMMER10"))
                        .setLineItems(List.of(LineItem.newBuilder()
                                .setLineItemId("l1")
                                .setTitle("Mug")
                                .setQuantity(1)
                                .setPrice(1999)
                                .build()))
                        .build());
    }

    private static IncomingMessage<CreateDraftOrder> incoming(String store, CreateDraftOrder request) {
        var metadata = Metadata.newBuilder()
                .setEventId("evt_" + request.getRequestId())
                .setOccurredAt(Instant.now())
                .setCorrelationId("corr_1")
                .setStoreId(store)
                .setAggregateId(request.getChannel() + ":" + request.getExternalReference())
                .setSource("phone-channel")
                .build();
        return new IncomingMessage<>(
                metadata,
                request,
                request.getChannel() + ":" + request.getExternalReference(),
                Topics.DRAFT_ORDER_REQUESTS.name(),
                0,
                0);
    }
}
