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
        for (JsonNode line : cart.path("line_items")) {
            lines.add(new CartCalculation.LineCalculation(
                    line.path("line_item_id").asString(),
                    money(line.path("applied_discount").path("amount"), currency),
                    taxLines(line.path("tax_lines"), currency),
                    money(line.path("discounted_total"), currency)));
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
                taxLines(cart.path("tax_lines"), currency));
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
