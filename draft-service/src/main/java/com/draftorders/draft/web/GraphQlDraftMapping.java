package com.draftorders.draft.web;

import com.draftorders.draft.domain.DraftContent;
import com.draftorders.draft.domain.DraftOrder;
import com.draftorders.draft.persistence.DraftSearch;
import com.draftorders.draft.web.DraftOrderJson.Discount;
import com.draftorders.draft.web.DraftOrderJson.DraftOrderView;
import com.draftorders.draft.web.DraftOrderJson.LineItemView;
import com.draftorders.draft.web.DraftOrderJson.TaxLineView;
import com.draftorders.messaging.web.ApiException;
import com.draftorders.messaging.web.MoneySet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Between Shopify's GraphQL shapes and the REST ones the draft use cases already take and give: a
 * {@code DraftOrderInput} becomes the JSON object of a REST {@code draft_order} (only the fields given, so an update
 * changes only those), REST field errors become {@code userErrors} with GraphQL field paths, and a draft becomes the
 * map GraphQL reads its fields from. Validation and every rule stay in {@link DraftOrderWebMapping} and the domain.
 */
final class GraphQlDraftMapping {

    static final String GID_PREFIX = "gid://shopify/";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GraphQlDraftMapping() {}

    /** {@code gid://shopify/DraftOrder/<id>}. */
    static String gid(String type, String id) {
        return id == null ? null : GID_PREFIX + type + "/" + id;
    }

    /**
     * The id a global id names when it is of {@code type} (a plain id is taken as it is); empty for a global id of
     * another type.
     */
    static Optional<String> idOf(String type, String gidOrId) {
        if (gidOrId == null || gidOrId.isBlank()) {
            return Optional.empty();
        }
        String text = gidOrId.trim();
        if (!text.startsWith("gid://")) {
            return Optional.of(text);
        }
        String prefix = GID_PREFIX + type + "/";
        if (!text.startsWith(prefix) || text.length() == prefix.length()) {
            return Optional.empty();
        }
        String id = text.substring(prefix.length());
        int query = id.indexOf('?');
        return Optional.of(query < 0 ? id : id.substring(0, query));
    }

    /** The id of a foreign object (customer, variant, payment gateway): the last segment of a global id. */
    static String foreignId(Object gidOrId) {
        if (gidOrId == null) {
            return null;
        }
        String text = gidOrId.toString().trim();
        return text.startsWith("gid://") ? text.substring(text.lastIndexOf('/') + 1) : text;
    }

    // ---- input ----

    /** The REST {@code draft_order} object for a GraphQL {@code DraftOrderInput}: only the fields present. */
    static ObjectNode restInput(Map<String, Object> input) {
        ObjectNode out = NODES.objectNode();
        copy(input, out, "currencyCode", "currency");
        copy(input, out, "email", "email");
        copy(input, out, "phone", "phone");
        copy(input, out, "note", "note");
        copy(input, out, "poNumber", "po_number");
        copy(input, out, "sourceName", "source_name");
        copy(input, out, "visibleToCustomer", "visible_to_customer");
        copy(input, out, "taxExempt", "tax_exempt");
        copy(input, out, "reserveInventoryUntil", "reserve_inventory_until");
        copy(input, out, "presentmentCurrencyCode", "presentment_currency");
        if (input.containsKey("customerId")) {
            Object customer = input.get("customerId");
            if (customer == null) {
                out.putNull("customer");
            } else {
                out.putObject("customer").put("id", foreignId(customer));
            }
        }
        if (input.containsKey("tags")) {
            List<?> tags = (List<?>) input.get("tags");
            if (tags == null) {
                out.putNull("tags");
            } else {
                out.put(
                        "tags",
                        String.join(", ", tags.stream().map(String::valueOf).toList()));
            }
        }
        if (input.containsKey("discountCodes")) {
            out.set("discount_codes", strings((List<?>) input.get("discountCodes")));
        }
        if (input.containsKey("lineItems")) {
            List<?> lines = (List<?>) input.get("lineItems");
            if (lines == null) {
                out.putNull("line_items");
            } else {
                ArrayNode array = out.putArray("line_items");
                for (Object line : lines) {
                    array.add(lineItem(map(line)));
                }
            }
        }
        if (input.containsKey("appliedDiscount")) {
            out.set("applied_discount", discount(map(input.get("appliedDiscount"))));
        }
        if (input.containsKey("shippingLine")) {
            Map<String, Object> shipping = map(input.get("shippingLine"));
            if (shipping == null) {
                out.putNull("shipping_line");
            } else {
                ObjectNode node = out.putObject("shipping_line");
                copy(shipping, node, "title", "title");
                node.put("price", amount(shipping.get("price"), shipping.get("priceWithCurrency")));
                copy(shipping, node, "shippingRateHandle", "code");
            }
        }
        for (String address : List.of("shippingAddress", "billingAddress")) {
            if (input.containsKey(address)) {
                out.set(snake(address), address(map(input.get(address))));
            }
        }
        copy(input, out, "allowDiscountCodesInCheckout", "allow_discount_codes_in_checkout");
        if (input.containsKey("localizedFields")) {
            List<?> fields = (List<?>) input.get("localizedFields");
            if (fields == null) {
                out.putNull("localized_fields");
            } else {
                ArrayNode array = out.putArray("localized_fields");
                for (Object field : fields) {
                    Map<String, Object> f = map(field);
                    String key = String.valueOf(f.get("key"));
                    Object country = f.get("countryCode");
                    if (country == null && key.matches(".*_[A-Z]{2}")) {
                        country = key.substring(key.length() - 2);
                    }
                    ObjectNode node = array.addObject().put("key", key).put("value", String.valueOf(f.get("value")));
                    if (country != null) {
                        node.put("country_code", country.toString());
                    }
                }
            }
        }
        if (input.containsKey("purchasingEntity")) {
            Map<String, Object> entity = map(input.get("purchasingEntity"));
            if (entity == null) {
                out.putNull("purchasing_entity");
            } else {
                ObjectNode node = out.putObject("purchasing_entity");
                if (entity.get("customerId") != null) {
                    node.put("customer_id", foreignId(entity.get("customerId")));
                }
                Map<String, Object> company = map(entity.get("purchasingCompany"));
                if (company != null) {
                    node.put("company_id", foreignId(company.get("companyId")));
                    node.put("company_location_id", foreignId(company.get("companyLocationId")));
                    if (company.get("companyContactId") != null) {
                        node.put("company_contact_id", foreignId(company.get("companyContactId")));
                    }
                }
            }
        }
        if (input.containsKey("customAttributes")) {
            out.set("custom_attributes", objects((List<?>) input.get("customAttributes")));
        }
        if (input.containsKey("metafields")) {
            out.set("metafields", objects((List<?>) input.get("metafields")));
        }
        return out;
    }

    private static ObjectNode lineItem(Map<String, Object> line) {
        ObjectNode node = NODES.objectNode();
        if (line == null) {
            return node;
        }
        if (line.get("variantId") != null) {
            node.put("variant_id", foreignId(line.get("variantId")));
        }
        copy(line, node, "uuid", "id");
        copy(line, node, "title", "title");
        copy(line, node, "sku", "sku");
        copy(line, node, "quantity", "quantity");
        copy(line, node, "taxable", "taxable");
        copy(line, node, "requiresShipping", "requires_shipping");
        String original = amount(line.get("originalUnitPrice"), line.get("originalUnitPriceWithCurrency"));
        String override = amount(null, line.get("priceOverride"));
        if (override != null) {
            node.put("price", override);
            if (original != null) {
                node.put("original_price", original);
            }
        } else if (original != null) {
            node.put("price", original);
        }
        Map<String, Object> weight = map(line.get("weight"));
        if (weight != null) {
            node.put("grams", grams(weight));
        }
        if (line.containsKey("appliedDiscount")) {
            node.set("applied_discount", discount(map(line.get("appliedDiscount"))));
        }
        return node;
    }

    private static long grams(Map<String, Object> weight) {
        double value = ((Number) weight.get("value")).doubleValue();
        double factor = switch (String.valueOf(weight.get("unit"))) {
            case "KILOGRAMS" -> 1000;
            case "OUNCES" -> 28.349523125;
            case "POUNDS" -> 453.59237;
            default -> 1;
        };
        return Math.round(value * factor);
    }

    private static JsonNode discount(Map<String, Object> discount) {
        if (discount == null) {
            return NODES.nullNode();
        }
        ObjectNode node = NODES.objectNode();
        copy(discount, node, "title", "title");
        copy(discount, node, "description", "description");
        if (discount.get("valueType") != null) {
            node.put("value_type", discount.get("valueType").toString().toLowerCase(Locale.ROOT));
        }
        if (discount.get("value") instanceof Number value) {
            node.put(
                    "value",
                    BigDecimal.valueOf(value.doubleValue()).stripTrailingZeros().toPlainString());
        }
        String amount = amount(discount.get("amount"), discount.get("amountWithCurrency"));
        if (amount != null) {
            node.put("amount", amount);
        }
        return node;
    }

    private static JsonNode address(Map<String, Object> address) {
        if (address == null) {
            return NODES.nullNode();
        }
        ObjectNode node = NODES.objectNode();
        address.forEach((key, value) -> {
            if (value != null) {
                node.put(snake(key), value.toString());
            }
        });
        return node;
    }

    /** A {@code Money} amount, else the amount of a {@code MoneyInput}. */
    private static String amount(Object money, Object moneyInput) {
        if (money != null) {
            return money.toString();
        }
        Map<String, Object> input = map(moneyInput);
        return input == null || input.get("amount") == null
                ? null
                : input.get("amount").toString();
    }

    private static JsonNode strings(List<?> values) {
        if (values == null) {
            return NODES.nullNode();
        }
        ArrayNode array = NODES.arrayNode();
        values.forEach(v -> array.add(String.valueOf(v)));
        return array;
    }

    private static JsonNode objects(List<?> values) {
        if (values == null) {
            return NODES.nullNode();
        }
        ArrayNode array = NODES.arrayNode();
        for (Object value : values) {
            ObjectNode node = array.addObject();
            map(value).forEach((k, v) -> {
                if (v != null) {
                    node.put(snake(k), v.toString());
                }
            });
        }
        return array;
    }

    private static void copy(Map<String, Object> from, ObjectNode to, String name, String restName) {
        if (!from.containsKey(name)) {
            return;
        }
        Object value = from.get(name);
        if (value == null) {
            to.putNull(restName);
        } else if (value instanceof Boolean b) {
            to.put(restName, b);
        } else if (value instanceof Integer i) {
            to.put(restName, i);
        } else if (value instanceof Number n) {
            to.put(restName, n.longValue());
        } else {
            to.put(restName, value.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    // ---- errors ----

    /** {@code userErrors} for a REST refusal of invalid input: one per field, with the GraphQL path of the field. */
    static List<Map<String, Object>> userErrors(ApiException e, String argument) {
        List<Map<String, Object>> errors = new ArrayList<>();
        String code = e.code().toUpperCase(Locale.ROOT);
        if (e.errors().isEmpty()) {
            errors.add(userError(List.of(argument), e.getMessage(), code));
        }
        for (var field : e.errors()) {
            errors.add(userError(path(argument, field.field()), fieldName(field.field()) + " " + field.reason(), code));
        }
        return errors;
    }

    /** {@code line_items[0].price} in argument {@code input}: {@code ["input", "lineItems", "0", "originalUnitPrice"]}. */
    static List<String> path(String argument, String restField) {
        List<String> path = new ArrayList<>();
        path.add(argument);
        if (restField == null || restField.equals("draft_order")) {
            return path;
        }
        for (String part : restField.split("\\.")) {
            String name = part;
            String index = null;
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                name = part.substring(0, bracket);
                index = part.substring(bracket + 1, part.length() - 1);
            }
            path.add(graphQlName(name, path));
            if (index != null) {
                path.add(index);
            }
        }
        return path;
    }

    private static String graphQlName(String restName, List<String> pathSoFar) {
        boolean inLine = pathSoFar.contains("lineItems");
        boolean inShipping = pathSoFar.contains("shippingLine");
        return switch (restName) {
            case "price" -> inLine ? "originalUnitPrice" : "price";
            case "code" -> inShipping ? "shippingRateHandle" : "code";
            case "customer" -> "customerId";
            case "presentment_currency" -> "presentmentCurrencyCode";
            case "grams" -> "weight";
            case "id" -> inLine ? "uuid" : "id";
            default -> camel(restName);
        };
    }

    private static String fieldName(String restField) {
        if (restField == null) {
            return "input";
        }
        List<String> path = path("input", restField);
        return path.get(path.size() - 1).matches("\\d+") && path.size() > 2
                ? path.get(path.size() - 2)
                : path.get(path.size() - 1);
    }

    static Map<String, Object> userError(List<String> field, String message, String code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        error.put("code", code);
        return error;
    }

    // ---- output ----

    /**
     * The draft as GraphQL reads it. {@code lineItems} holds the plain list (the field's resolver pages it), keys
     * starting with {@code _} are for resolvers only.
     */
    static Map<String, Object> draftOrder(DraftOrder draft, DraftSearch defaultSearch) {
        DraftOrderView v = DraftOrderWebMapping.view(draft);
        String currency = v.currency();
        String presentment = v.presentmentCurrency() == null ? currency : v.presentmentCurrency();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", gid("DraftOrder", v.id()));
        m.put("legacyResourceId", v.id());
        m.put("name", v.name());
        m.put("status", draft.status().name());
        m.put("ready", v.ready());
        m.put("warnings", warnings(v));
        m.put("email", v.email());
        m.put("phone", v.phone());
        m.put(
                "customer",
                v.customer() == null || v.customer().id() == null
                        ? null
                        : Map.of("id", gid("Customer", v.customer().id())));
        m.put("note2", v.note());
        m.put("tags", draft.tags());
        m.put("currencyCode", currency);
        m.put("presentmentCurrencyCode", presentment);
        m.put("taxesIncluded", v.taxesIncluded());
        m.put("taxExempt", v.taxExempt());
        m.put("lineItems", lineItems(draft, v, presentment));
        m.put("appliedDiscount", appliedDiscount(v.appliedDiscount()));
        m.put("discountCodes", v.discountCodes());
        m.put("shippingLine", shippingLine(draft, v, presentment));
        m.put("shippingAddress", address(v.shippingAddress()));
        m.put("billingAddress", address(v.billingAddress()));
        m.put("billingAddressMatchesShippingAddress", v.billingMatchesShipping());
        m.put("taxLines", taxLines(v.taxLines()));
        m.put("lineItemsSubtotalPrice", v.lineItemsSubtotalPriceSet());
        m.put("subtotalPriceSet", v.subtotalPriceSet());
        m.put("totalDiscountsSet", v.totalDiscountsSet());
        m.put("totalLineItemsPriceSet", v.lineItemsSubtotalPriceSet());
        m.put("totalShippingPriceSet", v.totalShippingPriceSet());
        m.put("totalTaxSet", v.totalTaxSet());
        m.put("totalPriceSet", v.totalPriceSet());
        m.put(
                "totalQuantityOfLineItems",
                draft.content().lineItems().stream()
                        .mapToInt(DraftContent.LineItem::quantity)
                        .sum());
        m.put("totalWeight", v.totalWeight());
        m.put("_orderId", v.orderId());
        m.put("_storeId", draft.storeId());
        m.put("invoiceUrl", v.invoiceUrl());
        m.put("invoiceSentAt", v.invoiceSentAt());
        m.put("completedAt", v.completedAt());
        m.put("createdAt", v.createdAt());
        m.put("updatedAt", v.updatedAt());
        m.put("paymentTerms", paymentTerms(v.paymentTerms()));
        m.put("customAttributes", v.customAttributes());
        m.put("metafields", GraphQlConnection.ofNodes(v.metafields()));
        m.put("poNumber", v.poNumber());
        m.put("sourceName", v.sourceName());
        m.put("visibleToCustomer", v.visibleToCustomer());
        m.put("reserveInventoryUntil", v.reserveInventoryUntil());
        m.put("completionFailureReason", v.completionFailureReason());
        m.put("allVariantPricesOverridden", v.allVariantPricesOverridden());
        m.put("anyVariantPricesOverridden", v.anyVariantPricesOverridden());
        m.put(
                "defaultCursor",
                defaultSearch == null || v.id() == null ? null : DraftListQuery.cursorAfter(defaultSearch, draft));
        m.put("transformerFingerprint", v.transformerFingerprint());
        m.put("hasTimelineComment", v.hasTimelineComment());
        m.put(
                "invoiceEmailTemplateSubject",
                v.invoiceEmailTemplateSubject() == null ? "" : v.invoiceEmailTemplateSubject());
        m.put("localizedFields", GraphQlConnection.ofNodes(v.localizedFields()));
        m.put("allowDiscountCodesInCheckout", v.allowDiscountCodesInCheckout());
        m.put("purchasingEntity", purchasingEntity(v.purchasingEntity()));
        return m;
    }

    /** A customer ({@code id}) or a company with location and contact, as the union's members. */
    private static Map<String, Object> purchasingEntity(DraftOrderJson.PurchasingEntityJson p) {
        if (p == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        if (p.companyId() == null) {
            m.put("id", gid("Customer", p.customerId()));
            return m;
        }
        m.put("company", Map.of("id", gid("Company", p.companyId())));
        m.put("location", Map.of("id", gid("CompanyLocation", p.companyLocationId())));
        m.put(
                "contact",
                p.companyContactId() == null ? null : Map.of("id", gid("CompanyContact", p.companyContactId())));
        return m;
    }

    private static Map<String, Object> paymentTerms(DraftOrderJson.PaymentTermsJson terms) {
        if (terms == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dueInDays", terms.netDays());
        m.put(
                "paymentSchedules",
                GraphQlConnection.ofNodes(terms.dueAt() == null ? List.of() : List.of(Map.of("dueAt", terms.dueAt()))));
        return m;
    }

    private static List<Map<String, Object>> warnings(DraftOrderView v) {
        List<Map<String, Object>> warnings = new ArrayList<>();
        for (var w : v.warnings()) {
            Map<String, Object> warning = new LinkedHashMap<>();
            warning.put("errorCode", w.code());
            warning.put("field", w.field() == null ? "" : w.field());
            warning.put("message", w.message());
            warnings.add(warning);
        }
        return warnings;
    }

    private static List<Map<String, Object>> lineItems(DraftOrder draft, DraftOrderView v, String presentment) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < v.lineItems().size(); i++) {
            LineItemView line = v.lineItems().get(i);
            DraftContent.LineItem domain = draft.content().lineItems().get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", gid("DraftOrderLineItem", line.id()));
            m.put("uuid", line.id());
            m.put("title", line.title() == null ? "" : line.title());
            m.put(
                    "name",
                    line.variantTitle() == null || line.variantTitle().isBlank()
                            ? (line.title() == null ? "" : line.title())
                            : line.title() + " - " + line.variantTitle());
            m.put("variantTitle", line.variantTitle());
            m.put("sku", line.sku());
            m.put("quantity", line.quantity());
            m.put("custom", line.custom());
            m.put("taxable", line.taxable());
            m.put("requiresShipping", line.requiresShipping());
            m.put("variant", line.variantId() == null ? null : Map.of("id", gid("ProductVariant", line.variantId())));
            m.put("weight", Map.of("unit", "GRAMS", "value", (double) line.grams()));
            m.put("appliedDiscount", appliedDiscount(line.appliedDiscount()));
            MoneySet unit = line.priceSet() != null
                    ? line.priceSet()
                    : MoneySet.of(domain.price(), v.currency(), domain.price(), v.currency());
            m.put("originalUnitPriceSet", unit);
            m.put("originalTotalSet", times(unit, line.quantity()));
            m.put("discountedTotalSet", line.discountedTotalSet());
            m.put("taxLines", taxLines(line.taxLines()));
            lines.add(m);
        }
        return lines;
    }

    private static MoneySet times(MoneySet set, int quantity) {
        return new MoneySet(times(set.shopMoney(), quantity), times(set.presentmentMoney(), quantity));
    }

    private static MoneySet.Money times(MoneySet.Money money, int quantity) {
        BigDecimal amount = new BigDecimal(money.amount()).multiply(BigDecimal.valueOf(quantity));
        return new MoneySet.Money(amount.toPlainString(), money.currencyCode());
    }

    private static Map<String, Object> appliedDiscount(Discount d) {
        if (d == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", d.title());
        m.put("description", d.description() == null ? "" : d.description());
        m.put("value", d.value() == null ? 0.0 : Double.parseDouble(d.value()));
        m.put("valueType", d.valueType() == null ? null : d.valueType().toUpperCase(Locale.ROOT));
        m.put("amountSet", d.amountSet());
        m.put("amountV2", d.amountSet() == null ? null : d.amountSet().shopMoney());
        return m;
    }

    private static Map<String, Object> shippingLine(DraftOrder draft, DraftOrderView v, String presentment) {
        var shipping = v.shippingLine();
        if (shipping == null) {
            return null;
        }
        long price = draft.content().shippingLine().price();
        MoneySet set = shipping.priceSet() != null
                ? shipping.priceSet()
                : MoneySet.of(price, v.currency(), price, v.currency());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", shipping.title() == null ? "" : shipping.title());
        m.put("code", shipping.code());
        m.put("originalPriceSet", set);
        m.put("discountedPriceSet", set);
        m.put("taxLines", taxLines(shipping.taxLines()));
        return m;
    }

    private static List<Map<String, Object>> taxLines(List<TaxLineView> taxLines) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (TaxLineView t : taxLines == null ? List.<TaxLineView>of() : taxLines) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", t.title());
            Double rate = t.rate() == null ? null : Double.parseDouble(t.rate());
            m.put("rate", rate);
            m.put(
                    "ratePercentage",
                    rate == null
                            ? null
                            : new BigDecimal(t.rate()).movePointRight(2).doubleValue());
            m.put("priceSet", t.priceSet());
            lines.add(m);
        }
        return lines;
    }

    private static Map<String, Object> address(DraftOrderJson.Address a) {
        if (a == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("firstName", a.firstName());
        m.put("lastName", a.lastName());
        m.put("company", a.company());
        m.put("address1", a.address1());
        m.put("address2", a.address2());
        m.put("city", a.city());
        m.put("provinceCode", a.provinceCode());
        m.put("countryCodeV2", a.countryCode());
        m.put("zip", a.zip());
        m.put("phone", a.phone());
        return m;
    }
}
