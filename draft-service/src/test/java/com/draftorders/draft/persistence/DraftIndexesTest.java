package com.draftorders.draft.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.draft.support.DraftServiceTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.index.IndexInfo;

/** Every field the list and the idempotency cleanup query by is indexed. */
class DraftIndexesTest extends DraftServiceTestBase {

    @Test
    void theListsFiltersAndSortOrdersAreIndexedPerStore() {
        createDraft(newStore(), draftBody("1.00", "a@example.com", ""));
        List<IndexInfo> indexes = mongo.indexOps(Drafts.COLLECTION).getIndexInfo();

        assertThat(indexes.stream().map(IndexInfo::getName))
                .contains("store_created", "store_updated", "store_email", "store_tags", "status");
        assertThat(indexes)
                .anySatisfy(index -> assertThat(index.isIndexForFields(List.of("storeId", "createdAt", "_id")))
                        .isTrue())
                .anySatisfy(index -> {
                    assertThat(index.isIndexForFields(List.of("channelReference")))
                            .isTrue();
                    assertThat(index.isUnique()).isTrue();
                });
    }

    @Test
    void idempotencyKeysAreIndexedByWhenTheyWereFirstUsed() {
        List<IndexInfo> indexes = mongo.indexOps(IdempotencyRecord.class).getIndexInfo();

        assertThat(indexes)
                .anySatisfy(index ->
                        assertThat(index.isIndexForFields(List.of("startedAt"))).isTrue());
    }
}
