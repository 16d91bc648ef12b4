package com.draftorders.draft.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import com.draftorders.draft.domain.DraftOrder;
import com.draftorders.draft.domain.DraftOrderStatus;
import com.draftorders.messaging.work.AggregateReads;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/** The reads of drafts: one draft for a view, a page of a store's drafts, the completions in flight. */
@Component
public class DraftQueries {

    private final AggregateReads reads;
    private final Drafts drafts;

    public DraftQueries(AggregateReads reads, Drafts drafts) {
        this.reads = reads;
        this.drafts = drafts;
    }

    /** A draft of {@code storeId} (null: any store), also a deleted one. */
    public Optional<DraftOrder> find(String storeId, String id) {
        return reads.byId(drafts, id, storeId);
    }

    /** The draft a channel created for its reference, also a deleted one. */
    public Optional<DraftOrder> findByChannelReference(String storeId, String channel, String externalReference) {
        return reads.by(
                drafts,
                Drafts.CHANNEL_REFERENCE,
                Drafts.channelReference(storeId, channel, externalReference),
                storeId);
    }

    /**
     * A page of the store's drafts (never deleted ones), up to {@code search.limit() + 1} so the caller can tell
     * whether another page follows.
     */
    public List<DraftOrder> search(DraftSearch search) {
        List<Bson> criteria = new ArrayList<>();
        criteria.add(eq("storeId", search.storeId()));
        criteria.add(ne("deleted", true));
        if (!search.statuses().isEmpty()) {
            criteria.add(in("status", search.statuses()));
        }
        if (search.tag() != null) {
            criteria.add(eq("tagsLower", Drafts.lower(search.tag())));
        }
        if (search.email() != null) {
            criteria.add(eq("emailLower", Drafts.lower(search.email())));
        }
        range(criteria, "createdAt", search.createdAtMin(), search.createdAtMax());
        range(criteria, "updatedAt", search.updatedAtMin(), search.updatedAtMax());
        if (search.text() != null) {
            String pattern = ".*" + literal(Drafts.lower(search.text())) + ".*";
            criteria.add(or(regex("nameLower", pattern), regex("emailLower", pattern)));
        }
        String field = search.sort().field;
        if (search.after() != null) {
            var after = search.after();
            Date value = Date.from(after.value());
            criteria.add(or(
                    search.ascending() ? gt(field, value) : lt(field, value),
                    and(eq(field, value), search.ascending() ? gt("_id", after.id()) : lt("_id", after.id()))));
        }
        Bson sort = search.ascending() ? Sorts.ascending(field, "_id") : Sorts.descending(field, "_id");
        return reads.find(drafts, and(criteria), sort, search.limit() + 1);
    }

    /** Ids of drafts whose completion step was (last) sent before {@code before}, at most {@code limit}. */
    public List<String> completingWithStepStartedBefore(Instant before, int limit) {
        return reads
                .find(
                        drafts,
                        and(
                                eq("status", DraftOrderStatus.COMPLETING.name()),
                                lt("draft.completion.stepStartedAt", Date.from(before))),
                        null,
                        limit)
                .stream()
                .map(DraftOrder::id)
                .toList();
    }

    /** Every draft whose completion is under way (the saga deadlines' view at start). */
    public List<DraftOrder> completing() {
        return reads.find(drafts, eq("status", DraftOrderStatus.COMPLETING.name()), null, 0);
    }

    private static void range(List<Bson> criteria, String field, Instant min, Instant max) {
        if (min != null) {
            criteria.add(gte(field, Date.from(min)));
        }
        if (max != null) {
            criteria.add(lte(field, Date.from(max)));
        }
    }

    /** The text as a regular expression matching exactly it (every non-alphanumeric character escaped). */
    static String literal(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (!Character.isLetterOrDigit(c) && c != ' ') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
