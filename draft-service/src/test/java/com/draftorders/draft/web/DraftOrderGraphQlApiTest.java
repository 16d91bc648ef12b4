package com.draftorders.draft.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.avro.common.CartSnapshot;
import com.draftorders.avro.common.Totals;
import com.draftorders.avro.draft.DraftOrderCreated;
import com.draftorders.avro.draft.DraftOrderDeleted;
import com.draftorders.avro.draft.DraftOrderInvoiceSent;
import com.draftorders.avro.order.CreateOrderFromCart;
import com.draftorders.draft.application.DraftOrderService;
import com.draftorders.draft.messaging.AvroMapping;
import com.draftorders.schemas.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Shopify's draft-order GraphQL Admin API on draft-service: documents sent as plain HTTP JSON, answered by the same use
 * cases as REST. The cart's totals are simulated (as in the REST tests); the whole saga runs in the stack's
 * GraphQlEndToEndTest.
 */
class DraftOrderGraphQlApiTest extends GraphQlTestSupport {

    @Test
    void aCreatedDraftIsNotReadyUntilItsTotalsAreCalculatedThenCompletesIntoItsOrder() {
        String store = newStore();
        JsonNode created = data(graphQl(store, CREATE, PHONE_SALE)).path("draftOrderCreate");

        assertThat(created.path("userErrors").isEmpty()).isTrue();
        JsonNode draft = created.path("draftOrder");
        String gid = draft.path("id").asString();
        assertThat(gid).startsWith("gid://shopify/DraftOrder/dorder_");
        assertThat(draft.path("legacyResourceId").asString()).isEqualTo(plainId(gid));
        assertThat(draft.path("name").asString()).startsWith("#D");
        assertThat(draft.path("status").asString()).isEqualTo("OPEN");
        assertThat(draft.path("ready").asBoolean()).isFalse();
        assertThat(draft.path("totalPriceSet").isNull()).isTrue();
        assertThat(draft.path("currencyCode").asString()).isEqualTo("EUR");
        assertThat(draft.path("tags").valueStream().map(JsonNode::asString)).containsExactly("phone", "vip");
        assertThat(draft.path("note2").asString()).isEqualTo("Called in, wants it before Friday");
        JsonNode lines = draft.path("lineItems").path("nodes");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).path("variant").path("id").asString())
                .isEqualTo("gid://shopify/ProductVariant/var_mug");
        assertThat(lines.get(0)
                        .path("originalUnitPriceSet")
                        .path("shopMoney")
                        .path("amount")
                        .asString())
                .isEqualTo("19.99");
        assertThat(lines.get(1).path("weight").path("value").asDouble()).isEqualTo(100.0);
        assertThat(lines.get(1).path("appliedDiscount").path("valueType").asString())
                .isEqualTo("PERCENTAGE");
        assertThat(lines.get(2).path("custom").asBoolean()).isTrue();
        assertThat(lines.get(2).path("variant").isNull()).isTrue();
        assertThat(draft.path("shippingLine").path("title").asString()).isEqualTo("DHL Standard");
        assertThat(draft.path("shippingAddress").path("countryCodeV2").asString())
                .isEqualTo("DE");
        assertThat(draft.path("appliedDiscount").path("value").asDouble()).isEqualTo(10.0);
        assertThat(draftEvents(plainId(gid), DraftOrderCreated.class)).hasSize(1);

        calculate(store, plainId(gid));
        JsonNode ready = data(graphQl(store, GET, "{\"id\": \"" + gid + "\"}")).path("draftOrder");
        assertThat(ready.path("ready").asBoolean()).isTrue();
        assertThat(ready.path("totalPriceSet").path("shopMoney").path("amount").asString())
                .isEqualTo("62.43");
        assertThat(ready.path("totalPriceSet")
                        .path("shopMoney")
                        .path("currencyCode")
                        .asString())
                .isEqualTo("EUR");
        assertThat(ready.path("transformerFingerprint").asString()).hasSize(32);

        JsonNode completed =
                data(graphQl(store, """
                        mutation ($id: ID!) {
                          draftOrderComplete(id: $id) { draftOrder { id status } userErrors { field message code } }
                        }
                        """, "{\"id\": \"" + gid + "\"}")).path("draftOrderComplete");
        assertThat(completed.path("userErrors").isEmpty()).isTrue();
        assertThat(completed.path("draftOrder").path("status").asString()).isEqualTo("COMPLETING");

        theSagaCompletes(store, plainId(gid), "order_gql_1");
        JsonNode done = data(graphQl(
                        store,
                        "query ($id: ID!) { draftOrder(id: $id) { status order { id } } }",
                        "{\"id\": \"" + gid + "\"}"))
                .path("draftOrder");
        assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.path("order").path("id").asString()).isEqualTo("gid://shopify/Order/order_gql_1");
    }

    /** What cart-, payment- and order-service answer in the stack: locked, authorized, ordered. */
    private void theSagaCompletes(String store, String id, String orderId) {
        drafts.change(store, id, DraftOrderService.newFlow(), d -> {
            Instant now = Instant.now();
            int attempt = d.completion().orElseThrow().attempt();
            byte[] snapshot;
            try {
                java.nio.ByteBuffer buffer = CartSnapshot.newBuilder()
                        .setCartId(d.cartId())
                        .setDraftOrderId(d.id())
                        .setDraftVersion(d.contentVersion())
                        .setContent(AvroMapping.toAvro(d.content(), null))
                        .setTotals(new Totals("EUR", 6243L, 0L, 6243L, 495L, 0L, 6243L, 6, 1000L, null, null, null))
                        .build()
                        .toByteBuffer();
                snapshot = new byte[buffer.remaining()];
                buffer.get(snapshot);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            d.cartLocked(attempt, d.contentVersion(), 6243, "pay_" + orderId, snapshot, now);
            d.paymentAuthorized("pay_" + orderId, now);
            d.orderCreated(orderId, "pay_" + orderId, now);
            return Optional.empty();
        });
    }

    @Test
    void theCompanyThatBuysIsCarriedToTheOrderCommand() {
        String store = newStore();
        String gid = data(graphQl(store, """
                        mutation { draftOrderCreate(input: {
                            lineItems: [{title: "Pallet", originalUnitPrice: "100.00", quantity: 1}],
                            purchasingEntity: {purchasingCompany: {companyId: "gid://shopify/Company/comp_acme",
                              companyLocationId: "gid://shopify/CompanyLocation/loc_berlin"}}
                          }) { draftOrder { id } userErrors { field message } } }
                        """, null))
                .path("draftOrderCreate")
                .path("draftOrder")
                .path("id")
                .asString();
        String id = plainId(gid);
        calculate(store, id);
        data(graphQl(store, "mutation { draftOrderComplete(id: \"" + gid + "\") { userErrors { code } } }", null));

        theSagaCompletes(store, id, "order_b2b");

        assertThat(recorded().payloads(Topics.ORDER_COMMANDS.name(), id, CreateOrderFromCart.class))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.getPurchasingEntity().getCompanyId()).isEqualTo("comp_acme");
                    assertThat(c.getPurchasingEntity().getCompanyLocationId()).isEqualTo("loc_berlin");
                });
    }

    @Test
    void aPlainIdIsAcceptedWhereverAnIdIs() {
        String store = newStore();
        String gid = createPhoneSale(store);

        JsonNode draft = data(graphQl(store, "{ draftOrder(id: \"" + plainId(gid) + "\") { id } }", null));

        assertThat(draft.path("draftOrder").path("id").asString()).isEqualTo(gid);
    }

    @Test
    void completingADraftThatIsNotReadyIsAUserErrorAndTheDraftStaysOpen() {
        String store = newStore();
        String gid = createPhoneSale(store);

        JsonNode payload = data(graphQl(
                        store,
                        "mutation { draftOrderComplete(id: \"" + gid + "\", paymentPending: true) {"
                                + " draftOrder { status } userErrors { field message code } } }",
                        null))
                .path("draftOrderComplete");

        JsonNode error = payload.path("userErrors").get(0);
        assertThat(error.path("code").asString()).isEqualTo("NOT_READY");
        assertThat(error.path("field").get(0).asString()).isEqualTo("id");
        assertThat(error.path("message").asString()).isNotBlank();
        assertThat(payload.path("draftOrder").path("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void invalidInputIsAUserErrorNamingTheGraphQlFieldAndNothingIsCreated() {
        String store = newStore();

        JsonNode payload = data(graphQl(store, CREATE, """
                        {"input": {"email": "not an email",
                          "lineItems": [{"title": "Mug", "quantity": 1}]}}
                        """)).path("draftOrderCreate");

        assertThat(payload.path("draftOrder").isNull()).isTrue();
        List<String> fields = new ArrayList<>();
        payload.path("userErrors")
                .forEach(e -> fields.add(String.join(
                        ".",
                        e.path("field").valueStream().map(JsonNode::asString).toList())));
        assertThat(fields).contains("input.lineItems.0.originalUnitPrice", "input.email");
        assertThat(payload.path("userErrors").get(0).path("code").asString()).isEqualTo("INVALID");
        assertThat(data(graphQl(store, "{ draftOrders(first: 5) { nodes { id } } }", null))
                        .path("draftOrders")
                        .path("nodes"))
                .isEmpty();
    }

    @Test
    void anotherStoresDraftIsNullAndCannotBeChanged() {
        String store = newStore();
        String gid = createPhoneSale(store);
        String other = newStore();

        JsonNode seen = data(graphQl(other, "{ draftOrder(id: \"" + gid + "\") { id email } }", null));
        assertThat(seen.path("draftOrder").isNull()).isTrue();

        JsonNode update = data(graphQl(
                        other,
                        "mutation { draftOrderUpdate(id: \"" + gid + "\", input: {note: \"mine\"}) {"
                                + " draftOrder { id } userErrors { field code } } }",
                        null))
                .path("draftOrderUpdate");
        assertThat(update.path("draftOrder").isNull()).isTrue();
        assertThat(update.path("userErrors").get(0).path("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(data(graphQl(store, "{ draftOrder(id: \"" + gid + "\") { note2 } }", null))
                        .path("draftOrder")
                        .path("note2")
                        .asString())
                .isEqualTo("Called in, wants it before Friday");
    }

    @Test
    void anUpdateChangesOnlyTheFieldsGivenAndAnExplicitNullClearsOne() {
        String store = newStore();
        String gid = createPhoneSale(store);

        JsonNode draft = data(graphQl(
                        store,
                        """
                        mutation ($id: ID!, $input: DraftOrderInput!) {
                          draftOrderUpdate(id: $id, input: $input) {
                            draftOrder { note2 email tags shippingLine { title } lineItems { nodes { title } } }
                            userErrors { field message }
                          }
                        }
                        """,
                        "{\"id\": \"" + gid + "\", \"input\": {\"note\": \"ring twice\", \"shippingLine\": null}}"))
                .path("draftOrderUpdate");

        assertThat(draft.path("userErrors").isEmpty()).isTrue();
        assertThat(draft.path("draftOrder").path("note2").asString()).isEqualTo("ring twice");
        assertThat(draft.path("draftOrder").path("shippingLine").isNull()).isTrue();
        assertThat(draft.path("draftOrder").path("email").asString()).isEqualTo("ada@example.com");
        assertThat(draft.path("draftOrder").path("lineItems").path("nodes")).hasSize(3);
    }

    @Test
    void draftOrdersPagesForwardAndBackwardThroughAQuery() {
        String store = newStore();
        List<String> phone = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            phone.add(createPhoneSale(store));
        }
        data(graphQl(
                store,
                CREATE,
                "{\"input\": {\"tags\": [\"web\"], \"lineItems\": [{\"title\": \"Cap\","
                        + " \"originalUnitPrice\": \"9.00\", \"quantity\": 1}]}}"));
        String page = """
                query ($after: String) {
                  draftOrders(first: 2, after: $after, query: "status:open tag:phone") {
                    edges { cursor node { id } }
                    pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
                  }
                }
                """;

        JsonNode first = data(graphQl(store, page, "{}")).path("draftOrders");
        assertThat(ids(first)).containsExactly(phone.get(0), phone.get(1));
        assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        assertThat(first.path("pageInfo").path("hasPreviousPage").asBoolean()).isFalse();

        String cursor = first.path("pageInfo").path("endCursor").asString();
        JsonNode second =
                data(graphQl(store, page, "{\"after\": \"" + cursor + "\"}")).path("draftOrders");
        assertThat(ids(second)).containsExactly(phone.get(2));
        assertThat(second.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();

        String lastCursor = second.path("pageInfo").path("startCursor").asString();
        JsonNode back = data(graphQl(
                        store,
                        "query ($before: String) { draftOrders(last: 2, before: $before, query: \"status:open"
                                + " tag:phone\") { edges { node { id } } pageInfo { hasPreviousPage } } }",
                        "{\"before\": \"" + lastCursor + "\"}"))
                .path("draftOrders");
        assertThat(ids(back)).containsExactly(phone.get(0), phone.get(1));

        JsonNode newestFirst = data(graphQl(
                        store,
                        "{ draftOrders(first: 10, reverse: true, sortKey: NUMBER) { edges { node { id } } } }",
                        null))
                .path("draftOrders");
        assertThat(ids(newestFirst)).hasSize(4).endsWith(phone.get(0));
        JsonNode byDefaultCursor = data(graphQl(
                        store,
                        "query ($after: String) { draftOrders(first: 10, after: $after) { edges { node { id } } } }",
                        "{\"after\": \"" + defaultCursor(store, phone.get(0)) + "\"}"))
                .path("draftOrders");
        assertThat(ids(byDefaultCursor)).hasSize(3).startsWith(phone.get(1));
    }

    private String defaultCursor(String store, String gid) {
        return data(graphQl(store, "{ draftOrder(id: \"" + gid + "\") { defaultCursor } }", null))
                .path("draftOrder")
                .path("defaultCursor")
                .asString();
    }

    @Test
    void anUnknownSearchFilterIsAnErrorThatSaysWhichFiltersThereAre() {
        var response =
                graphQl(newStore(), "{ draftOrders(first: 2, query: \"customer_id:5\") { nodes { id } } }", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.path("errors").get(0).path("message").asString())
                .contains("customer_id")
                .contains("status, tag, email");
    }

    @Test
    void duplicateInvoiceSendAndDeleteWorkLikeTheirRestTwins() {
        String store = newStore();
        String gid = createPhoneSale(store);
        calculate(store, plainId(gid));

        JsonNode copy = data(graphQl(
                        store,
                        "mutation { draftOrderDuplicate(id: \"" + gid
                                + "\") { draftOrder { id status email } userErrors { code } } }",
                        null))
                .path("draftOrderDuplicate")
                .path("draftOrder");
        assertThat(copy.path("id").asString()).isNotEqualTo(gid);
        assertThat(copy.path("email").asString()).isEqualTo("ada@example.com");

        JsonNode sent = data(graphQl(store, """
                        mutation ($id: ID!) {
                          draftOrderInvoiceSend(id: $id, email: {subject: "Your order", customMessage: "Thanks!"}) {
                            draftOrder { status invoiceUrl invoiceSentAt } userErrors { field message code }
                          }
                        }
                        """, "{\"id\": \"" + gid + "\"}")).path("draftOrderInvoiceSend");
        assertThat(sent.path("userErrors").isEmpty()).isTrue();
        assertThat(sent.path("draftOrder").path("status").asString()).isEqualTo("INVOICE_SENT");
        assertThat(sent.path("draftOrder").path("invoiceUrl").asString()).startsWith("https://shop.test/");
        assertThat(draftEvents(plainId(gid), DraftOrderInvoiceSent.class))
                .singleElement()
                .satisfies(e -> assertThat(e.getSubject()).isEqualTo("Your order"));

        String copyId = copy.path("id").asString();
        JsonNode deleted = data(graphQl(
                        store,
                        "mutation { draftOrderDelete(input: {id: \"" + copyId
                                + "\"}) { deletedId userErrors { code } } }",
                        null))
                .path("draftOrderDelete");
        assertThat(deleted.path("deletedId").asString()).isEqualTo(copyId);
        assertThat(draftEvents(plainId(copyId), DraftOrderDeleted.class)).hasSize(1);
        assertThat(data(graphQl(store, "{ draftOrder(id: \"" + copyId + "\") { id } }", null))
                        .path("draftOrder")
                        .isNull())
                .isTrue();
    }

    @Test
    void bulkMutationsChangeEveryDraftNamedOrFoundAndReportTheOnesTheyCannot() {
        String store = newStore();
        String a = createPhoneSale(store);
        String b = createPhoneSale(store);

        JsonNode added = data(graphQl(
                        store,
                        "mutation { draftOrderBulkAddTags(ids: [\"" + a + "\", \"" + b + "\", \"dorder_missing\"],"
                                + " tags: [\"priority\"]) { job { id done } userErrors { field code } } }",
                        null))
                .path("draftOrderBulkAddTags");
        assertThat(added.path("job").path("done").asBoolean()).isTrue();
        assertThat(added.path("userErrors").get(0).path("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(added.path("userErrors").get(0).path("field").get(1).asString())
                .isEqualTo("2");
        assertThat(tags(store, a)).contains("priority");
        assertThat(tags(store, b)).contains("priority");

        data(graphQl(
                store,
                "mutation { draftOrderBulkRemoveTags(search: \"tag:priority\", tags: [\"vip\"]) { job { done } } }",
                null));
        assertThat(tags(store, a)).containsExactly("phone", "priority");

        JsonNode deleted = data(graphQl(
                        store,
                        "mutation { draftOrderBulkDelete(ids: [\"" + a + "\"]) { job { done } userErrors { code } } }",
                        null))
                .path("draftOrderBulkDelete");
        assertThat(deleted.path("userErrors").isEmpty()).isTrue();
        assertThat(data(graphQl(store, "{ draftOrder(id: \"" + a + "\") { id } }", null))
                        .path("draftOrder")
                        .isNull())
                .isTrue();
    }

    private List<String> tags(String store, String gid) {
        return data(graphQl(store, "{ draftOrder(id: \"" + gid + "\") { tags } }", null))
                .path("draftOrder")
                .path("tags")
                .valueStream()
                .map(JsonNode::asString)
                .toList();
    }

    @Test
    void aQueryDeeperThanTheLimitIsRefusedWithAClearError() {
        String deep = "{ __schema { types { fields { type" + " { ofType".repeat(20) + " { name }" + " }".repeat(20)
                + " } } } }";

        var response = graphQl(newStore(), deep, null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.path("errors").get(0).path("message").asString()).containsIgnoringCase("depth");
        assertThat(response.path("data").isMissingNode()
                        || response.path("data").isNull())
                .isTrue();
    }

    @Test
    void aQueryWithTooManyFieldsIsRefusedWithAClearError() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 400; i++) {
            query.append(" d").append(i).append(": draftOrder(id: \"x\") { id name email }");
        }
        query.append(" }");

        var response = graphQl(newStore(), query.toString(), null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.path("errors").get(0).path("message").asString()).containsIgnoringCase("complexity");
    }

    @Test
    void thePriceOverriddenFlagsFollowTheVariantLines() {
        String store = newStore();
        JsonNode draft =
                data(graphQl(store, CREATE, """
                        {"input": {"lineItems": [
                          {"variantId": "var_a", "title": "A", "originalUnitPrice": "10.00", "quantity": 1,
                           "priceOverride": {"amount": "8.00", "currencyCode": "USD"}},
                          {"variantId": "var_b", "title": "B", "originalUnitPrice": "5.00", "quantity": 1},
                          {"title": "Custom", "originalUnitPrice": "1.00", "quantity": 1}]}}
                        """)).path("draftOrderCreate").path("draftOrder");

        assertThat(draft.path("anyVariantPricesOverridden").asBoolean()).isTrue();
        assertThat(draft.path("allVariantPricesOverridden").asBoolean()).isFalse();
        assertThat(draft.path("lineItems")
                        .path("nodes")
                        .get(0)
                        .path("originalUnitPriceSet")
                        .path("shopMoney")
                        .path("amount")
                        .asString())
                .isEqualTo("8.00");
        assertThat(draft.path("transformerFingerprint").isNull()).isTrue();
    }

    private static List<String> ids(JsonNode connection) {
        List<String> ids = new ArrayList<>();
        connection.path("edges").forEach(e -> ids.add(e.path("node").path("id").asString()));
        return ids;
    }
}
