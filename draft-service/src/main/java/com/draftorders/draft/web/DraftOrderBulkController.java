package com.draftorders.draft.web;

import com.draftorders.draft.application.DraftOrderService;
import com.draftorders.draft.application.DraftOrderService.Outcome;
import com.draftorders.draft.domain.DraftValidation;
import com.draftorders.draft.web.DraftOrderJson.BulkRequest;
import com.draftorders.draft.web.DraftOrderJson.BulkResponse;
import com.draftorders.draft.web.DraftOrderJson.BulkResult;
import com.draftorders.messaging.web.ApiException;
import com.draftorders.messaging.web.ApiException.FieldError;
import com.draftorders.messaging.web.StoreId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Bulk operations on up to 250 drafts by id. Each draft is changed on its own (one atomic write each, with its own
 * event), so the answer is 200 with what happened per id: {@code updated}, {@code unchanged}, {@code deleted},
 * {@code not_found} (also another store's or a deleted draft) or {@code refused} with the reason.
 */
@RestController
@RequestMapping("/draft-orders/bulk")
public class DraftOrderBulkController {

    static final int MAX_IDS = 250;

    private final DraftOrderService drafts;

    public DraftOrderBulkController(DraftOrderService drafts) {
        this.drafts = drafts;
    }

    @PostMapping("/add-tags")
    public BulkResponse addTags(StoreId store, @RequestBody BulkRequest request) {
        List<String> ids = ids(request);
        List<String> tags = tags(request);
        return new BulkResponse(results(
                ids, drafts.changeEach(store.value(), ids, draft -> draft.addTags(tags, drafts.now()))));
    }

    @PostMapping("/remove-tags")
    public BulkResponse removeTags(StoreId store, @RequestBody BulkRequest request) {
        List<String> ids = ids(request);
        List<String> tags = tags(request);
        return new BulkResponse(results(
                ids, drafts.changeEach(store.value(), ids, draft -> draft.removeTags(tags, drafts.now()))));
    }

    @PostMapping("/delete")
    public BulkResponse delete(StoreId store, @RequestBody BulkRequest request) {
        List<BulkResult> results = new ArrayList<>();
        List<String> ids = ids(request);
        List<DraftOrderService.DeleteResult> deleted = drafts.deleteEach(store.value(), ids);
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            var result = deleted.get(i);
            results.add(
                    switch (result.deletion()) {
                        case DELETED -> new BulkResult(id, "deleted", null);
                        case GONE -> new BulkResult(id, "not_found", null);
                        case REFUSED ->
                            new BulkResult(id, "refused", result.refusal().get().reason());
                    });
        }
        return new BulkResponse(results);
    }

    /** One result per id, from the outcomes of one unit of work over all of them. */
    private static List<BulkResult> results(List<String> ids, List<Optional<Outcome>> outcomes) {
        List<BulkResult> results = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            Optional<Outcome> outcome = outcomes.get(i);
            if (outcome.isEmpty()) {
                results.add(new BulkResult(id, "not_found", null));
            } else if (outcome.get().refusal().isPresent()) {
                results.add(new BulkResult(
                        id, "refused", outcome.get().refusal().get().reason()));
            } else {
                results.add(new BulkResult(id, outcome.get().changed() ? "updated" : "unchanged", null));
            }
        }
        return results;
    }

    /** The ids, each once, in the order given: 1 to 250 non-blank ids. */
    static List<String> ids(BulkRequest request) {
        if (request == null || request.ids() == null || request.ids().isEmpty()) {
            throw ApiException.invalid("ids", "must name at least one draft order id");
        }
        if (request.ids().size() > MAX_IDS) {
            throw ApiException.invalid("ids", "must name at most " + MAX_IDS + " draft order ids");
        }
        var ids = new LinkedHashSet<String>();
        for (int i = 0; i < request.ids().size(); i++) {
            String id = request.ids().get(i);
            if (id == null || id.isBlank() || id.length() > DraftValidation.MAX_TEXT) {
                throw ApiException.invalid("ids[" + i + "]", "must be a draft order id");
            }
            ids.add(id);
        }
        return List.copyOf(ids);
    }

    /** {@code "a, b"} or {@code ["a", "b"]}: 1 to 250 tags of 1 to 255 characters. */
    static List<String> tags(BulkRequest request) {
        JsonNode node = request.tags();
        List<String> tags;
        if (node == null || node.isNull() || node.isMissingNode()) {
            tags = List.of();
        } else if (node.isString()) {
            tags = DraftOrderWebMapping.tags(node.stringValue());
        } else if (node.isArray()) {
            tags = new ArrayList<>();
            for (JsonNode tag : node.values()) {
                if (!tag.isString()) {
                    throw ApiException.invalid("tags", "must be a comma-separated string or an array of strings");
                }
                String trimmed = tag.stringValue().trim();
                if (!trimmed.isEmpty() && !tags.contains(trimmed)) {
                    tags.add(trimmed);
                }
            }
        } else {
            throw ApiException.invalid("tags", "must be a comma-separated string or an array of strings");
        }
        var violations = DraftValidation.validateTags("tags", tags);
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations.stream()
                    .map(v -> new FieldError(v.field(), v.reason()))
                    .toList());
        }
        return tags;
    }
}
