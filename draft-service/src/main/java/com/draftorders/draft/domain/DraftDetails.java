package com.draftorders.draft.domain;

import java.time.Instant;
import java.util.List;

/**
 * What the merchant or channel records about a draft besides its cart: metafields, custom attributes, purchase
 * order number, source name, whether the customer may see the draft, until when inventory is reserved, localized
 * fields (such as a tax id for a country), whether the customer may enter discount codes when paying the invoice,
 * and who buys (a customer, or a B2B company at one of its locations). None of it changes the totals, so changing
 * it does not make the cart recalculate.
 *
 * @param localizedFields Shopify's {@code localizedFields}: key, value and the country they are for (never null)
 * @param allowDiscountCodesInCheckout whether the invoice's checkout accepts discount codes
 * @param purchasingEntity who buys; null when not given
 */
public record DraftDetails(
        List<Metafield> metafields,
        List<CustomAttribute> customAttributes,
        String poNumber,
        String sourceName,
        boolean visibleToCustomer,
        Instant reserveInventoryUntil,
        List<LocalizedField> localizedFields,
        boolean allowDiscountCodesInCheckout,
        PurchasingEntity purchasingEntity) {

    public static final DraftDetails NONE = new DraftDetails(List.of(), List.of(), null, null, false, null);

    public DraftDetails {
        // null entries are kept so that validation names them (metafields[0]) instead of failing here
        metafields = metafields == null
                ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(metafields));
        customAttributes = customAttributes == null
                ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(customAttributes));
        localizedFields = localizedFields == null
                ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(localizedFields));
    }

    /** Details without localized fields, discount-code permission or purchasing entity. */
    public DraftDetails(
            List<Metafield> metafields,
            List<CustomAttribute> customAttributes,
            String poNumber,
            String sourceName,
            boolean visibleToCustomer,
            Instant reserveInventoryUntil) {
        this(
                metafields,
                customAttributes,
                poNumber,
                sourceName,
                visibleToCustomer,
                reserveInventoryUntil,
                List.of(),
                false,
                null);
    }

    /** A merchant-defined field: {@code namespace} + {@code key} identify it, {@code type} says how to read it. */
    public record Metafield(String namespace, String key, String value, String type) {}

    /** A key/value pair attached to the draft. */
    public record CustomAttribute(String key, String value) {}

    /**
     * A field whose meaning depends on a country, e.g. key {@code TAX_CREDENTIAL_BR} for a Brazilian tax id.
     *
     * @param countryCode ISO 3166-1 alpha-2
     */
    public record LocalizedField(String key, String value, String countryCode) {}

    /**
     * Who buys: a customer ({@code customerId}), or a B2B company ({@code companyId}) buying for one of its locations
     * ({@code companyLocationId}) through a contact ({@code companyContactId}, optional).
     */
    public record PurchasingEntity(
            String customerId, String companyId, String companyLocationId, String companyContactId) {

        public boolean isCompany() {
            return companyId != null;
        }
    }
}
