package com.draftorders.cart.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.draftorders.cart.domain.DiscountCode;
import com.draftorders.cart.domain.DiscountCodes;
import com.draftorders.cart.domain.DiscountType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The stores' discount rules, always read and written within one store. */
@Repository
public class DiscountCodeRepository {

    static final int SAVE_ATTEMPTS = 5;

    private final MongoTemplate mongo;

    public DiscountCodeRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Every rule of {@code storeId}, by code. */
    public List<DiscountCodeDocument> findAll(String storeId) {
        return mongo.find(
                Query.query(where("storeId").is(storeId)).with(Sort.by("codeKey")), DiscountCodeDocument.class);
    }

    /** The rules of {@code storeId} among {@code codes}, loaded in one query, for a cart calculation. */
    public DiscountCodes forStore(String storeId, Collection<String> codes) {
        List<String> keys = codes.stream()
                .map(DiscountCode::normalize)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        if (keys.isEmpty()) {
            return DiscountCodes.NONE;
        }
        Map<String, DiscountCode> found = new LinkedHashMap<>();
        mongo.find(Query.query(where("storeId").is(storeId).and("codeKey").in(keys)), DiscountCodeDocument.class)
                .forEach(d -> found.put(d.getCodeKey(), toDomain(d)));
        return DiscountCodes.of(found);
    }

    /**
     * Creates or replaces the rule of {@code storeId} for {@code rule.code()}.
     *
     * @return true when it was created, false when an existing rule was replaced
     */
    public boolean put(String storeId, DiscountCode rule, Instant now) {
        String key = DiscountCode.normalize(rule.code());
        String id = DiscountCodeDocument.id(storeId, key);
        for (int attempt = 1; ; attempt++) {
            DiscountCodeDocument existing = mongo.findById(id, DiscountCodeDocument.class);
            DiscountCodeDocument document = existing == null ? new DiscountCodeDocument() : existing;
            document.setId(id);
            document.setStoreId(storeId);
            document.setCodeKey(key);
            document.setCode(rule.code());
            document.setTitle(rule.title());
            document.setDescription(rule.description());
            document.setValueType(rule.valueType().name());
            document.setPercentage(
                    rule.percentage() == null ? null : rule.percentage().toPlainString());
            document.setFixedAmount(rule.fixedAmount());
            document.setCurrency(rule.currency());
            document.setStartsAt(rule.startsAt());
            document.setEndsAt(rule.endsAt());
            document.setMinimumSubtotal(rule.minimumSubtotal());
            if (existing == null) {
                document.setCreatedAt(now);
            }
            document.setUpdatedAt(now);
            try {
                mongo.save(document);
                return existing == null;
            } catch (OptimisticLockingFailureException | org.springframework.dao.DuplicateKeyException e) {
                if (attempt >= SAVE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Deletes the rule; true when there was one. */
    public boolean delete(String storeId, String code) {
        String key = DiscountCode.normalize(code);
        return mongo.remove(
                                Query.query(where("_id")
                                        .is(DiscountCodeDocument.id(storeId, key))
                                        .and("storeId")
                                        .is(storeId)),
                                DiscountCodeDocument.class)
                        .getDeletedCount()
                > 0;
    }

    /** The rule of {@code storeId} with {@code code} (any case), as stored. */
    public Optional<DiscountCodeDocument> document(String storeId, String code) {
        String key = DiscountCode.normalize(code);
        return Optional.ofNullable(mongo.findOne(
                Query.query(where("_id")
                        .is(DiscountCodeDocument.id(storeId, key))
                        .and("storeId")
                        .is(storeId)),
                DiscountCodeDocument.class));
    }

    public static DiscountCode toDomain(DiscountCodeDocument d) {
        return new DiscountCode(
                d.getCode(),
                d.getTitle(),
                d.getDescription(),
                DiscountType.valueOf(d.getValueType()),
                d.getPercentage() == null ? null : new BigDecimal(d.getPercentage()),
                d.getFixedAmount(),
                d.getCurrency(),
                d.getStartsAt(),
                d.getEndsAt(),
                d.getMinimumSubtotal());
    }
}
