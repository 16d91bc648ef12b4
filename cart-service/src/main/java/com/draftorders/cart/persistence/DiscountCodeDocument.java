package com.draftorders.cart.persistence;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A store's discount rule (collection {@code discount_codes}). Its id is {@code <store>:<CODE>} (the code upper
 * case), which together with the unique (store, code key) index makes a code unique per store ignoring case. Rules
 * cause no events, so the document has no outbox.
 */
@Document(DiscountCodeDocument.COLLECTION)
@CompoundIndex(name = "store_code", def = "{'storeId': 1, 'codeKey': 1}", unique = true)
public class DiscountCodeDocument {

    public static final String COLLECTION = "discount_codes";

    @Id
    private String id;

    @Version
    private Long version;

    private String storeId;
    /** The code normalized (upper case): what carts look it up by. */
    private String codeKey;
    /** The code as the merchant wrote it. */
    private String code;

    private String title;
    private String description;
    private String valueType;
    private String percentage;
    private Long fixedAmount;
    private String currency;
    private Instant startsAt;
    private Instant endsAt;
    private Long minimumSubtotal;
    private Instant createdAt;
    private Instant updatedAt;

    static String id(String storeId, String codeKey) {
        return storeId + ":" + codeKey;
    }

    public String getId() {
        return id;
    }

    void setId(String id) {
        this.id = id;
    }

    Long getVersion() {
        return version;
    }

    void setVersion(Long version) {
        this.version = version;
    }

    public String getStoreId() {
        return storeId;
    }

    void setStoreId(String storeId) {
        this.storeId = storeId;
    }

    public String getCodeKey() {
        return codeKey;
    }

    void setCodeKey(String codeKey) {
        this.codeKey = codeKey;
    }

    public String getCode() {
        return code;
    }

    void setCode(String code) {
        this.code = code;
    }

    public String getTitle() {
        return title;
    }

    void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    void setDescription(String description) {
        this.description = description;
    }

    public String getValueType() {
        return valueType;
    }

    void setValueType(String valueType) {
        this.valueType = valueType;
    }

    public String getPercentage() {
        return percentage;
    }

    void setPercentage(String percentage) {
        this.percentage = percentage;
    }

    public Long getFixedAmount() {
        return fixedAmount;
    }

    void setFixedAmount(Long fixedAmount) {
        this.fixedAmount = fixedAmount;
    }

    public String getCurrency() {
        return currency;
    }

    void setCurrency(String currency) {
        this.currency = currency;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    void setStartsAt(Instant startsAt) {
        this.startsAt = startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    void setEndsAt(Instant endsAt) {
        this.endsAt = endsAt;
    }

    public Long getMinimumSubtotal() {
        return minimumSubtotal;
    }

    void setMinimumSubtotal(Long minimumSubtotal) {
        this.minimumSubtotal = minimumSubtotal;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
