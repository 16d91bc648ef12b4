package com.draftorders.draft.domain;

import com.draftorders.schemas.InputRules;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The limits every draft obeys, whoever sends it (REST or Kafka): at most 499 line items, bounded strings and
 * quantities, and money that cannot overflow even summed over every line. Field names are the JSON/Avro ones.
 */
public final class DraftValidation {

    public static final int MAX_LINE_ITEMS = 499;
    public static final int MAX_QUANTITY = 1_000_000;
    /**
     * 10^13 minor units: the largest price, fixed discount or shipping, and the largest total of all lines (price x
     * quantity, summed), so that no sum over a draft (lines, shipping, taxes) can overflow a long.
     */
    public static final long MAX_AMOUNT = 10_000_000_000_000L;

    public static final int MAX_TEXT = 255;
    public static final int MAX_NOTE = 5_000;
    public static final int MAX_TAGS = 250;
    public static final int MAX_METAFIELDS = 50;
    public static final int MAX_CUSTOM_ATTRIBUTES = 50;
    public static final int MAX_KEY = 64;
    public static final int MAX_LOCALIZED_FIELDS = 20;
    public static final int MAX_VALUE = 5_000;
    /** Ids and references an upstream channel sends: request_id, external_reference, line_item_id. */
    public static final int MAX_REFERENCE = 255;

    public static final int MAX_CHANNEL = 64;
    public static final int MAX_NET_DAYS = 365;
    public static final int MAX_DISCOUNT_CODES = 5;

    /** The assigned ISO 3166-1 alpha-2 country codes ({@code ZZ}, {@code XX} are not). */
    static final java.util.Set<String> COUNTRIES = java.util.Set.of(java.util.Locale.getISOCountries());

    /**
     * The ISO 3166-2 subdivision codes (without the country) of the countries whose provinces decide taxes here; a
     * province of another country is checked for its form only.
     */
    static final java.util.Map<String, java.util.Set<String>> PROVINCES = java.util.Map.of(
            "US",
            java.util.Set.of(
                    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
                    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
                    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
                    "WI", "WY", "DC", "AS", "GU", "MP", "PR", "UM", "VI", "AA", "AE", "AP"),
            "CA",
            java.util.Set.of("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"));

    /** A discount code: letters, digits, {@code _ - .}, 1 to 64 characters, starting with a letter or digit. */
    public static final String DISCOUNT_CODE = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";
    /** The largest exchange rate (presentment units per shop unit) and its most decimal places. */
    public static final BigDecimal MAX_EXCHANGE_RATE = BigDecimal.valueOf(1_000_000);

    public static final int MAX_EXCHANGE_RATE_SCALE = 10;

    private DraftValidation() {}

    /** One invalid field and why. */
    public record Violation(String field, String reason) {}

    public static List<Violation> validate(
            DraftOrder.Customer customer, DraftContent content, String note, List<String> tags) {
        return validate(customer, content, note, tags, null);
    }

    public static List<Violation> validate(
            DraftOrder.Customer customer, DraftContent content, String note, List<String> tags, DraftDetails details) {
        List<Violation> violations = new ArrayList<>();
        if (customer != null) {
            email(violations, "email", customer.email());
            text(violations, "phone", customer.phone(), 32);
            text(violations, "customer.id", customer.customerId(), MAX_TEXT);
        }
        if (!InputRules.isCurrency(content.currency())) {
            violations.add(new Violation("currency", InputRules.CURRENCY_RULE));
        }
        var lines = content.lineItems();
        if (lines.isEmpty()) {
            violations.add(new Violation("line_items", "must contain at least one line item"));
        }
        if (lines.size() > MAX_LINE_ITEMS) {
            violations.add(new Violation("line_items", "must contain at most " + MAX_LINE_ITEMS + " line items"));
        } else {
            long total = 0;
            var ids = new java.util.HashSet<String>();
            for (int i = 0; i < lines.size(); i++) {
                var line = lines.get(i);
                String at = "line_items[" + i + "]";
                if (line.id() == null || line.id().isBlank()) {
                    violations.add(new Violation(at + ".line_item_id", "is required"));
                } else if (line.id().length() > MAX_REFERENCE) {
                    violations.add(
                            new Violation(at + ".line_item_id", "must be at most " + MAX_REFERENCE + " characters"));
                } else if (!ids.add(line.id())) {
                    violations.add(new Violation(at + ".line_item_id", "must be unique within the draft"));
                }
                if (line.title() == null || line.title().isBlank()) {
                    violations.add(new Violation(at + ".title", "is required"));
                }
                text(violations, at + ".title", line.title(), MAX_TEXT);
                text(violations, at + ".variant_id", line.variantId(), MAX_TEXT);
                text(violations, at + ".product_id", line.productId(), MAX_TEXT);
                text(violations, at + ".sku", line.sku(), MAX_TEXT);
                text(violations, at + ".variant_title", line.variantTitle(), MAX_TEXT);
                if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                    violations.add(new Violation(at + ".quantity", "must be between 1 and " + MAX_QUANTITY));
                }
                amount(violations, at + ".price", line.price());
                if (line.originalPrice() != null) {
                    amount(violations, at + ".original_price", line.originalPrice());
                }
                if (line.grams() < 0 || line.grams() > 1_000_000_000L) {
                    violations.add(new Violation(at + ".grams", "must be between 0 and 1000000000"));
                }
                discount(violations, at + ".applied_discount", line.appliedDiscount());
                if (line.quantity() >= 1
                        && line.quantity() <= MAX_QUANTITY
                        && line.price() >= 0
                        && line.price() <= MAX_AMOUNT) {
                    // price <= 10^13 and quantity <= 10^6 can overflow a long when multiplied: compare by division
                    if (line.price() > (MAX_AMOUNT - total) / line.quantity()) {
                        total = MAX_AMOUNT + 1;
                    } else {
                        total += line.price() * line.quantity();
                    }
                }
            }
            if (total > MAX_AMOUNT) {
                violations.add(new Violation("line_items", "the total of all lines exceeds the maximum amount"));
            }
        }
        discount(violations, "applied_discount", content.appliedDiscount());
        presentment(violations, content);
        discountCodes(violations, content.discountCodes());
        if (content.shippingLine() != null) {
            var shipping = content.shippingLine();
            if (shipping.title() == null || shipping.title().isBlank()) {
                violations.add(new Violation("shipping_line.title", "is required"));
            }
            text(violations, "shipping_line.title", shipping.title(), MAX_TEXT);
            text(violations, "shipping_line.code", shipping.code(), MAX_TEXT);
            amount(violations, "shipping_line.price", shipping.price());
        }
        address(violations, "shipping_address", content.shippingAddress());
        address(violations, "billing_address", content.billingAddress());
        prose(violations, "note", note, MAX_NOTE);
        if (tags != null) {
            if (tags.size() > MAX_TAGS) {
                violations.add(new Violation("tags", "must have at most " + MAX_TAGS + " tags"));
            }
            for (String tag : tags) {
                if (tag == null || tag.isBlank() || tag.length() > MAX_TEXT || !InputRules.isText(tag)) {
                    violations.add(new Violation(
                            "tags", "each tag must be 1 to " + MAX_TEXT + " characters without control characters"));
                    break;
                }
            }
        }
        if (details != null) {
            details(violations, details);
        }
        return violations;
    }

    /**
     * A presentment currency is an ISO 4217 code; another currency than the shop's needs a rate; a rate needs a
     * presentment currency, is above 0 and at most {@link #MAX_EXCHANGE_RATE} with at most
     * {@link #MAX_EXCHANGE_RATE_SCALE} decimals, is 1 for the shop currency itself, and must not convert the draft's
     * amounts beyond the maximum amount.
     */
    private static void presentment(List<Violation> violations, DraftContent content) {
        String presentment = content.presentmentCurrency();
        String rateText = content.exchangeRate();
        if (presentment == null) {
            if (rateText != null) {
                violations.add(new Violation("exchange_rate", "needs a presentment_currency"));
            }
            return;
        }
        if (!InputRules.isCurrency(presentment)) {
            violations.add(new Violation("presentment_currency", InputRules.CURRENCY_RULE));
            return;
        }
        boolean sameCurrency = presentment.equals(content.currency());
        if (rateText == null) {
            if (!sameCurrency) {
                violations.add(new Violation("exchange_rate", "is required with a presentment_currency"));
            }
            return;
        }
        BigDecimal rate = InputRules.decimal(rateText);
        if (rate == null) {
            violations.add(new Violation(
                    "exchange_rate",
                    "must be a decimal string of digits such as \"1.0850\" (no sign, exponent or spaces)"));
            return;
        }
        if (rate.signum() <= 0 || rate.compareTo(MAX_EXCHANGE_RATE) > 0 || rate.scale() > MAX_EXCHANGE_RATE_SCALE) {
            violations.add(new Violation(
                    "exchange_rate",
                    "must be above 0 and at most " + MAX_EXCHANGE_RATE + ", with at most " + MAX_EXCHANGE_RATE_SCALE
                            + " decimal places"));
        } else if (sameCurrency && rate.compareTo(BigDecimal.ONE) != 0) {
            violations.add(new Violation("exchange_rate", "must be 1 when presentment_currency is the currency"));
        } else if (InputRules.isCurrency(content.currency())) {
            long total = content.shippingLine() == null
                    ? 0
                    : Math.max(content.shippingLine().price(), 0);
            for (var line : content.lineItems()) {
                if (line.price() >= 0
                        && line.price() <= MAX_AMOUNT
                        && line.quantity() >= 1
                        && line.quantity() <= MAX_QUANTITY) {
                    total = Math.min(total + line.price() * line.quantity(), MAX_AMOUNT + 1);
                }
            }
            int shopDigits = Currency.getInstance(content.currency()).getDefaultFractionDigits();
            int presentmentDigits = Currency.getInstance(presentment).getDefaultFractionDigits();
            BigDecimal converted = BigDecimal.valueOf(total, Math.max(shopDigits, 0))
                    .multiply(rate)
                    .movePointRight(Math.max(presentmentDigits, 0));
            if (converted.compareTo(BigDecimal.valueOf(MAX_AMOUNT)) > 0) {
                violations.add(
                        new Violation("exchange_rate", "converts the draft's amounts beyond the maximum amount"));
            }
        }
    }

    private static void discountCodes(List<Violation> violations, List<String> codes) {
        if (codes.size() > MAX_DISCOUNT_CODES) {
            violations.add(new Violation("discount_codes", "must have at most " + MAX_DISCOUNT_CODES + " codes"));
        }
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (code == null || !code.matches(DISCOUNT_CODE)) {
                violations.add(new Violation(
                        "discount_codes[" + i + "]",
                        "must be 1 to 64 letters, digits, '_', '-' or '.', starting with a letter or digit"));
            }
        }
    }

    private static void details(List<Violation> violations, DraftDetails details) {
        var metafields = details.metafields();
        if (metafields.size() > MAX_METAFIELDS) {
            violations.add(new Violation("metafields", "must have at most " + MAX_METAFIELDS + " metafields"));
        } else {
            var seen = new java.util.HashSet<List<String>>();
            for (int i = 0; i < metafields.size(); i++) {
                var m = metafields.get(i);
                String at = "metafields[" + i + "]";
                if (m == null) {
                    violations.add(new Violation(at, "must not be null"));
                    continue;
                }
                required(violations, at + ".namespace", m.namespace(), MAX_KEY);
                required(violations, at + ".key", m.key(), MAX_KEY);
                if (m.value() == null) {
                    violations.add(new Violation(at + ".value", "is required"));
                }
                prose(violations, at + ".value", m.value(), MAX_VALUE);
                required(violations, at + ".type", m.type(), MAX_KEY);
                if (m.namespace() != null && m.key() != null && !seen.add(List.of(m.namespace(), m.key()))) {
                    violations.add(new Violation(at + ".key", "namespace and key must be unique"));
                }
            }
        }
        var attributes = details.customAttributes();
        if (attributes.size() > MAX_CUSTOM_ATTRIBUTES) {
            violations.add(new Violation(
                    "custom_attributes", "must have at most " + MAX_CUSTOM_ATTRIBUTES + " custom attributes"));
        } else {
            for (int i = 0; i < attributes.size(); i++) {
                var a = attributes.get(i);
                String at = "custom_attributes[" + i + "]";
                if (a == null) {
                    violations.add(new Violation(at, "must not be null"));
                    continue;
                }
                required(violations, at + ".key", a.key(), MAX_KEY);
                text(violations, at + ".value", a.value(), MAX_VALUE);
            }
        }
        text(violations, "po_number", details.poNumber(), MAX_TEXT);
        text(violations, "source_name", details.sourceName(), MAX_TEXT);
        var localized = details.localizedFields();
        if (localized.size() > MAX_LOCALIZED_FIELDS) {
            violations.add(new Violation(
                    "localized_fields", "must have at most " + MAX_LOCALIZED_FIELDS + " localized fields"));
        } else {
            for (int i = 0; i < localized.size(); i++) {
                var f = localized.get(i);
                String at = "localized_fields[" + i + "]";
                if (f == null) {
                    violations.add(new Violation(at, "must not be null"));
                    continue;
                }
                required(violations, at + ".key", f.key(), MAX_KEY);
                required(violations, at + ".value", f.value(), MAX_TEXT);
                if (f.countryCode() != null && !f.countryCode().matches("[A-Z]{2}")) {
                    violations.add(
                            new Violation(at + ".country_code", "must be an ISO 3166-1 alpha-2 code such as BR"));
                }
            }
        }
        var entity = details.purchasingEntity();
        if (entity != null) {
            if ((entity.customerId() == null) == (entity.companyId() == null)) {
                violations.add(new Violation(
                        "purchasing_entity",
                        "must name either a customer_id or a company_id with a company_location_id"));
            } else if (entity.isCompany() && entity.companyLocationId() == null) {
                violations.add(new Violation("purchasing_entity.company_location_id", "is required with a company_id"));
            }
            text(violations, "purchasing_entity.customer_id", entity.customerId(), MAX_TEXT);
            text(violations, "purchasing_entity.company_id", entity.companyId(), MAX_TEXT);
            text(violations, "purchasing_entity.company_location_id", entity.companyLocationId(), MAX_TEXT);
            text(violations, "purchasing_entity.company_contact_id", entity.companyContactId(), MAX_TEXT);
        }
    }

    /**
     * The identifiers of a channel's request: {@code request_id} and {@code channel} are required; a draft is named
     * by {@code draft_order_id} or {@code external_reference} (null when the request type has no such field).
     */
    public static List<Violation> validateRequest(
            String requestId, String channel, String externalReference, String draftOrderId) {
        List<Violation> violations = new ArrayList<>();
        required(violations, "request_id", requestId, MAX_REFERENCE);
        required(violations, "channel", channel, MAX_CHANNEL);
        text(violations, "external_reference", externalReference, MAX_REFERENCE);
        text(violations, "draft_order_id", draftOrderId, MAX_KEY);
        return violations;
    }

    /**
     * A completion's gateway and payment terms (null: none given). A fixed due date may not lie before {@code now},
     * the moment the completion is asked for.
     */
    public static List<Violation> validateCompletion(String paymentGateway, PaymentTerms terms, Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (terms != null
                && terms.dueAt() != null
                && now != null
                && terms.dueAt().isBefore(now)) {
            violations.add(new Violation(
                    "payment_terms.due_at", "must not lie before the completion; give a date and time from now on"));
        }
        if (terms != null && terms.netDays() != null && (terms.netDays() < 0 || terms.netDays() > MAX_NET_DAYS)) {
            violations.add(new Violation("payment_terms.net_days", "must be between 0 and " + MAX_NET_DAYS));
        }
        if (paymentGateway != null && !paymentGateway.matches("[a-z0-9_-]{1,40}")) {
            violations.add(new Violation("payment_gateway", "must be a gateway name such as \"system\""));
        }
        return violations;
    }

    /** A cancellation's reason (optional). */
    public static List<Violation> validateCancellation(String reason) {
        List<Violation> violations = new ArrayList<>();
        text(violations, "reason", reason, MAX_TEXT);
        return violations;
    }

    /** The invoice's recipient and sender (emails), subject and message. */
    public static List<Violation> validateInvoice(String to, String from, String subject, String customMessage) {
        List<Violation> violations = new ArrayList<>();
        email(violations, "draft_order_invoice.to", to);
        email(violations, "draft_order_invoice.from", from);
        text(violations, "draft_order_invoice.subject", subject, MAX_TEXT);
        prose(violations, "draft_order_invoice.custom_message", customMessage, MAX_NOTE);
        return violations;
    }

    /** Tags of a bulk tag change: 1 to {@link #MAX_TAGS}, each 1 to {@link #MAX_TEXT} characters. */
    public static List<Violation> validateTags(String field, List<String> tags) {
        List<Violation> violations = new ArrayList<>();
        if (tags == null || tags.isEmpty()) {
            violations.add(new Violation(field, "must name at least one tag"));
        } else if (tags.size() > MAX_TAGS) {
            violations.add(new Violation(field, "must have at most " + MAX_TAGS + " tags"));
        } else if (tags.stream()
                .anyMatch(t -> t == null || t.isBlank() || t.length() > MAX_TEXT || !InputRules.isText(t))) {
            violations.add(new Violation(
                    field, "each tag must be 1 to " + MAX_TEXT + " characters without control characters"));
        }
        return violations;
    }

    private static void email(List<Violation> violations, String field, String email) {
        if (email != null
                && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+") || !InputRules.isText(email))) {
            violations.add(new Violation(
                    field, "must be an email address of at most 254 characters, without spaces or control characters"));
        }
    }

    private static void required(List<Violation> violations, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "is required"));
        } else {
            text(violations, field, value, max);
        }
    }

    private static void discount(List<Violation> violations, String at, DraftContent.AppliedDiscount discount) {
        if (discount == null) {
            return;
        }
        text(violations, at + ".title", discount.title(), MAX_TEXT);
        text(violations, at + ".description", discount.description(), MAX_TEXT);
        if (discount.valueType() == null) {
            violations.add(new Violation(at + ".value_type", "must be fixed_amount or percentage"));
        } else if (discount.valueType() == DraftContent.DiscountType.PERCENTAGE) {
            BigDecimal percent = InputRules.decimal(discount.percentage());
            if (percent == null || percent.compareTo(BigDecimal.valueOf(100)) > 0 || percent.scale() > 4) {
                violations.add(new Violation(
                        at + ".value",
                        "must be a percentage from 0 to 100 as a decimal string with at most 4 decimal places, such"
                                + " as \"12.5\""));
            }
        } else if (discount.fixedAmount() == null) {
            violations.add(new Violation(at + ".value", "is required"));
        } else {
            amount(violations, at + ".value", discount.fixedAmount());
        }
    }

    private static void address(List<Violation> violations, String at, DraftContent.Address address) {
        if (address == null) {
            return;
        }
        if (address.countryCode() != null
                && !(address.countryCode().matches("[A-Z]{2}") && COUNTRIES.contains(address.countryCode()))) {
            violations.add(new Violation(at + ".country_code", "must be an ISO 3166-1 alpha-2 code such as \"DE\""));
        }
        if (address.provinceCode() != null && !address.provinceCode().matches("[A-Z0-9]{1,3}")) {
            violations.add(new Violation(at + ".province_code", "must be 1 to 3 letters or digits such as \"CA\""));
        } else if (address.provinceCode() != null
                && PROVINCES.containsKey(address.countryCode())
                && !PROVINCES.get(address.countryCode()).contains(address.provinceCode())) {
            violations.add(new Violation(
                    at + ".province_code",
                    "is not a province or state of " + address.countryCode()
                            + " (its ISO 3166-2 code without the country)"));
        }
        for (String[] field : new String[][] {
            {"first_name", address.firstName()}, {"last_name", address.lastName()}, {"company", address.company()},
            {"address1", address.address1()}, {"address2", address.address2()}, {"city", address.city()},
            {"zip", address.zip()}, {"phone", address.phone()}
        }) {
            text(violations, at + "." + field[0], field[1], MAX_TEXT);
        }
    }

    private static void amount(List<Violation> violations, String field, long amount) {
        if (amount < 0) {
            violations.add(new Violation(field, "must not be negative"));
        } else if (amount > MAX_AMOUNT) {
            violations.add(new Violation(field, "is larger than the maximum amount"));
        }
    }

    /** Text of at most {@code max} characters without control characters ({@link InputRules#isText}). */
    private static void text(List<Violation> violations, String field, String value, int max) {
        if (value != null && value.length() > max) {
            violations.add(new Violation(field, "must be at most " + max + " characters"));
        } else if (!InputRules.isText(value)) {
            violations.add(new Violation(field, InputRules.TEXT_RULE));
        }
    }

    /** What a person writes (a note, a message): line breaks and tabs allowed, other control characters not. */
    private static void prose(List<Violation> violations, String field, String value, int max) {
        if (value != null && value.length() > max) {
            violations.add(new Violation(field, "must be at most " + max + " characters"));
        } else if (!InputRules.isProse(value)) {
            violations.add(new Violation(field, InputRules.PROSE_RULE));
        }
    }
}
