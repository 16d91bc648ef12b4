package com.draftorders.draft.cart;

import com.draftorders.draft.DraftProperties;
import com.draftorders.draft.application.CartCalculations;
import com.draftorders.draft.domain.CartCalculation;
import com.draftorders.draft.domain.DraftContent;
import com.draftorders.messaging.TraceContext;
import com.draftorders.messaging.web.MoneyFormat;
import com.draftorders.schemas.EventHeaders;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * cart-service's {@code POST /carts/calculate} over HTTP ({@code draftorders.drafts.cart-service-url}). The caller's
 * {@code Authorization} header and store are passed on; money goes as decimal strings, as on every REST API here.
 * Connecting may take {@value #CONNECT_SECONDS} s, the answer {@value #READ_SECONDS} s.
 */
@Component
public class CartServiceClient implements CartCalculations {

    static final int CONNECT_SECONDS = 2;
    static final int READ_SECONDS = 10;
    /** The header that names the store until bearer tokens carry it (see StoreIdArgumentResolver). */
    static final String STORE_HEADER = "X-Store-Id";

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private final RestClient http;

    public CartServiceClient(DraftProperties properties) {
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(CONNECT_SECONDS))
                .build());
        factory.setReadTimeout(Duration.ofSeconds(READ_SECONDS));
        this.http = RestClient.builder()
                .baseUrl(properties.cartServiceUrl().toString())
                .requestFactory(factory)
                .build();
    }

    @Override
    public CartCalculation calculate(String storeId, String authorization, DraftContent content, long draftVersion) {
        String body = JSON.writeValueAsString(request(content));
        String answer;
        try {
            answer = http.post()
                    .uri("/carts/calculate")
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .headers(h -> {
                        h.set(STORE_HEADER, storeId);
                        if (authorization != null) {
                            h.set(HttpHeaders.AUTHORIZATION, authorization);
                        }
                        // the call is a span of the caller's trace
                        TraceContext.current()
                                .ifPresent(t -> h.set(
                                        EventHeaders.TRACEPARENT, t.child().traceparent()));
                    })
                    .body(body)
                    .retrieve()
                    .body(String.class);
        } catch (RestClientResponseException e) {
            throw new CartServiceException(
                    e.getStatusCode().value(),
                    "cart-service answered " + e.getStatusCode().value() + ": " + e.getResponseBodyAsString(),
                    e);
        } catch (RestClientException e) {
            throw new CartServiceException(0, "cart-service could not be reached: " + e.getMessage(), e);
        }
        try {
            return calculation(JSON.readTree(answer), content.currency(), draftVersion);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new CartServiceException(502, "cart-service answered something unreadable: " + e.getMessage(), e);
        }
    }

    /** The cart content in cart-service's calculate shape. */
    static ObjectNode request(DraftContent content) {
        ObjectNode root = JSON.createObjectNode();
        String currency = content.currency();
        root.put("currency", currency);
        ArrayNode lines = root.putArray("line_items");
        for (var line : content.lineItems()) {
            ObjectNode l = lines.addObject();
            l.put("id", line.id());
            l.put("variant_id", line.variantId());
            l.put("product_id", line.productId());
            l.put("sku", line.sku());
            l.put("title", line.title());
            l.put("variant_title", line.variantTitle());
            l.put("quantity", line.quantity());
            l.put("price", MoneyFormat.format(line.price(), currency));
            if (line.originalPrice() != null) {
                l.put("original_price", MoneyFormat.format(line.originalPrice(), currency));
            }
            l.put("grams", line.grams());
            l.put("taxable", line.taxable());
            l.put("requires_shipping", line.requiresShipping());
            discount(l, line.appliedDiscount(), currency);
        }
        discount(root, content.appliedDiscount(), currency);
        if (content.shippingLine() != null) {
            ObjectNode s = root.putObject("shipping_line");
            s.put("title", content.shippingLine().title());
            s.put("price", MoneyFormat.format(content.shippingLine().price(), currency));
            s.put("code", content.shippingLine().code());
        }
        address(root, "shipping_address", content.shippingAddress());
        address(root, "billing_address", content.billingAddress());
        root.put("taxes_included", content.taxesIncluded());
        root.put("tax_exempt", content.taxExempt());
        if (content.presentmentCurrency() != null) {
            root.put("presentment_currency", content.presentmentCurrency());
        }
        if (content.exchangeRate() != null) {
            root.put("exchange_rate", content.exchangeRate());
        }
        ArrayNode codes = root.putArray("discount_codes");
        content.discountCodes().forEach(codes::add);
        return root;
    }

    private static void discount(ObjectNode parent, DraftContent.AppliedDiscount discount, String currency) {
        if (discount == null) {
            return;
        }
        ObjectNode d = parent.putObject("applied_discount");
        d.put("title", discount.title());
        d.put("description", discount.description());
        boolean percentage = discount.valueType() == DraftContent.DiscountType.PERCENTAGE;
        d.put("value_type", discount.valueType().name().toLowerCase(Locale.ROOT));
        d.put("value", percentage ? discount.percentage() : MoneyFormat.format(discount.fixedAmount(), currency));
    }

    private static void address(ObjectNode parent, String name, DraftContent.Address a) {
        if (a != null) {
            parent.set(name, JSON.valueToTree(a));
        }
    }

    /** cart-service's calculated cart view as the draft's calculation for {@code draftVersion}. */
    static CartCalculation calculation(JsonNode cart, String currency, long draftVersion) {
        JsonNode t = cart.get("totals");
        List<CartCalculation.LineCalculation> lines = new ArrayList<>();
        List<CartCalculation.LinePresentment> presentmentLines = new ArrayList<>();
        JsonNode totalPriceSet = t.path("total_price_set");
        boolean presented = !(totalPriceSet.isMissingNode() || totalPriceSet.isNull());
        for (JsonNode line : cart.path("line_items")) {
            String id = line.path("line_item_id").asString();
            lines.add(new CartCalculation.LineCalculation(
                    id,
                    money(line.path("applied_discount").path("amount"), currency),
                    taxLines(line.path("tax_lines"), currency),
                    money(line.path("discounted_total"), currency)));
            if (presented) {
                presentmentLines.add(new CartCalculation.LinePresentment(
                        id,
                        presentment(line.path("price_set")),
                        presentment(line.path("applied_discount").path("amount_set")),
                        presentment(line.path("discounted_total_set")),
                        presentmentTaxes(line.path("tax_lines"))));
            }
        }
        CartCalculation.Presentment presentment = !presented
                ? null
                : new CartCalculation.Presentment(
                        cart.path("presentment_currency").asString(),
                        cart.path("exchange_rate").asString(),
                        new CartCalculation.PresentmentTotals(
                                presentment(t.path("line_items_subtotal_price_set")),
                                presentment(t.path("total_discounts_set")),
                                presentment(t.path("subtotal_price_set")),
                                presentment(t.path("total_shipping_price_set")),
                                presentment(t.path("total_tax_set")),
                                presentment(totalPriceSet)),
                        presentmentLines,
                        presentment(cart.path("applied_discount").path("amount_set")),
                        presentment(cart.path("shipping_line").path("price_set")),
                        presentmentTaxes(cart.path("shipping_line").path("tax_lines")),
                        presentmentTaxes(cart.path("tax_lines")));
        List<CartCalculation.AppliedCode> codes = new ArrayList<>();
        for (JsonNode code : cart.path("applied_discount_codes")) {
            boolean percentage =
                    "PERCENTAGE".equalsIgnoreCase(code.path("value_type").asString());
            codes.add(new CartCalculation.AppliedCode(
                    code.path("code").asString(),
                    text(code.path("title")),
                    text(code.path("description")),
                    percentage ? DraftContent.DiscountType.PERCENTAGE : DraftContent.DiscountType.FIXED_AMOUNT,
                    percentage ? text(code.path("percentage")) : null,
                    percentage ? null : money(code.path("fixed_amount"), currency),
                    money(code.path("amount"), currency),
                    presentment(code.path("amount_set"))));
        }
        List<CartCalculation.Warning> warnings = new ArrayList<>();
        for (JsonNode w : cart.path("warnings")) {
            warnings.add(new CartCalculation.Warning(
                    w.path("code").asString(),
                    text(w.path("field")),
                    w.path("message").asString(),
                    text(w.path("discount_code"))));
        }
        return new CartCalculation(
                draftVersion,
                new CartCalculation.Totals(
                        money(t.path("line_items_subtotal_price"), currency),
                        money(t.path("total_discounts"), currency),
                        money(t.path("subtotal_price"), currency),
                        money(t.path("total_shipping_price"), currency),
                        money(t.path("total_tax"), currency),
                        money(t.path("total_price"), currency),
                        t.path("total_quantity").asInt(),
                        t.path("total_weight").asLong()),
                lines,
                money(cart.path("applied_discount").path("amount"), currency),
                taxLines(cart.path("shipping_line").path("tax_lines"), currency),
                taxLines(cart.path("tax_lines"), currency),
                presentment,
                codes,
                warnings);
    }

    /** The presentment amount of a {@code *_set} in minor units of its currency; null when absent. */
    private static Long presentment(JsonNode set) {
        JsonNode money = set.path("presentment_money");
        if (money.isMissingNode() || money.isNull()) {
            return null;
        }
        return MoneyFormat.parse(
                money.path("amount").asString(), money.path("currency_code").asString());
    }

    private static List<Long> presentmentTaxes(JsonNode lines) {
        List<Long> result = new ArrayList<>();
        for (JsonNode line : lines) {
            result.add(presentment(line.path("price_set")));
        }
        return result;
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    private static List<CartCalculation.TaxLine> taxLines(JsonNode lines, String currency) {
        List<CartCalculation.TaxLine> result = new ArrayList<>();
        for (JsonNode line : lines) {
            result.add(new CartCalculation.TaxLine(
                    line.path("title").asString(), line.path("rate").asString(), money(line.path("price"), currency)));
        }
        return result;
    }

    private static Long money(JsonNode amount, String currency) {
        if (amount == null || amount.isMissingNode() || amount.isNull()) {
            return null;
        }
        return MoneyFormat.parse(amount.asString(), currency);
    }
}
