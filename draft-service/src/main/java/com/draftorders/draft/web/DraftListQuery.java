package com.draftorders.draft.web;

import com.draftorders.draft.domain.DraftOrder;
import com.draftorders.draft.domain.DraftOrderStatus;
import com.draftorders.draft.persistence.DraftSearch;
import com.draftorders.messaging.web.ApiException;
import com.draftorders.messaging.web.ApiException.FieldError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The query parameters of {@code GET /draft-orders} and its cursors.
 *
 * <p>Filters: {@code status} (one or several, comma-separated: open, invoice_sent, completing, completed, canceled),
 * {@code tag}, {@code email} (the customer's, ignoring case), {@code created_at_min}/{@code created_at_max} and
 * {@code updated_at_min}/{@code updated_at_max} (ISO 8601, inclusive), {@code q} (a substring of the name or email,
 * ignoring case). {@code sort}: {@code created_at} or {@code updated_at}, optionally followed by {@code :asc} or
 * {@code :desc} (default {@code created_at:desc}). {@code limit}: 1 to 250 (default 50).
 *
 * <p>A cursor is the sort value and id of the last draft of a page (keyset pagination), so drafts created while a
 * client pages do not shift the pages; it also carries a hash of the filters and sort, and is refused with other
 * ones.
 */
final class DraftListQuery {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 250;

    private DraftListQuery() {}

    static DraftSearch parse(String storeId, Map<String, String> params) {
        List<FieldError> errors = new ArrayList<>();
        List<String> statuses = statuses(errors, params.get("status"));
        String tag = text(errors, "tag", params.get("tag"), 255);
        String email = text(errors, "email", params.get("email"), 254);
        String q = text(errors, "q", params.get("q"), 255);
        Instant createdMin = instant(errors, "created_at_min", params.get("created_at_min"));
        Instant createdMax = instant(errors, "created_at_max", params.get("created_at_max"));
        Instant updatedMin = instant(errors, "updated_at_min", params.get("updated_at_min"));
        Instant updatedMax = instant(errors, "updated_at_max", params.get("updated_at_max"));
        DraftSearch.SortField sort = DraftSearch.SortField.CREATED_AT;
        boolean ascending = false;
        String sortParam = params.get("sort");
        if (sortParam != null && !sortParam.isBlank()) {
            String[] parts = sortParam.trim().toLowerCase(Locale.ROOT).split("[: ]+");
            sort = switch (parts[0]) {
                case "created_at" -> DraftSearch.SortField.CREATED_AT;
                case "updated_at" -> DraftSearch.SortField.UPDATED_AT;
                default -> null;
            };
            if (parts.length > 1) {
                ascending = parts[1].equals("asc");
            }
            if (sort == null || parts.length > 2 || (parts.length == 2 && !parts[1].matches("asc|desc"))) {
                errors.add(new FieldError("sort", "must be created_at or updated_at, optionally with :asc or :desc"));
                sort = DraftSearch.SortField.CREATED_AT;
            }
        }
        int limit = DEFAULT_LIMIT;
        String limitParam = params.get("limit");
        if (limitParam != null) {
            try {
                limit = Integer.parseInt(limitParam.trim());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                errors.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
                limit = DEFAULT_LIMIT;
            }
        }
        var search = new DraftSearch(
                storeId,
                statuses,
                tag,
                email,
                createdMin,
                createdMax,
                updatedMin,
                updatedMax,
                q,
                sort,
                ascending,
                null,
                limit);
        String cursor = params.get("cursor");
        DraftSearch.After after = null;
        if (cursor != null && !cursor.isBlank()) {
            after = decode(search, cursor.trim());
            if (after == null) {
                errors.add(new FieldError("cursor", "is not a cursor of this list (same filters and sort)"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new DraftSearch(
                storeId,
                statuses,
                tag,
                email,
                createdMin,
                createdMax,
                updatedMin,
                updatedMax,
                q,
                sort,
                ascending,
                after,
                limit);
    }

    /** The cursor of the page after the one ending with {@code last}. */
    static String cursorAfter(DraftSearch search, DraftOrder last) {
        var state = last.state();
        Instant value = search.sort() == DraftSearch.SortField.CREATED_AT ? state.createdAt() : state.updatedAt();
        String plain = "1|" + fingerprint(search) + "|" + value.toEpochMilli() + "|" + state.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names, or null when it is malformed or belongs to other filters or another sort. */
    static DraftSearch.After decode(DraftSearch search, String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", -1);
            if (parts.length != 4 || !parts[0].equals("1") || !parts[1].equals(fingerprint(search))) {
                return null;
            }
            if (parts[3].isEmpty()) {
                return null;
            }
            return new DraftSearch.After(Instant.ofEpochMilli(Long.parseLong(parts[2])), parts[3]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A short hash of the filters and the sort (not the position and not the limit, which may change per page). */
    static String fingerprint(DraftSearch s) {
        String canonical = String.join(
                "\n",
                String.join(",", s.statuses().stream().sorted().toList()),
                lower(s.tag()),
                lower(s.email()),
                lower(s.text()),
                millis(s.createdAtMin()),
                millis(s.createdAtMax()),
                millis(s.updatedAtMin()),
                millis(s.updatedAtMax()),
                s.sort().name(),
                s.ascending() ? "asc" : "desc");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    private static String millis(Instant instant) {
        return instant == null ? "" : Long.toString(instant.toEpochMilli());
    }

    private static List<String> statuses(List<FieldError> errors, String param) {
        if (param == null || param.isBlank()) {
            return List.of();
        }
        List<String> statuses = new ArrayList<>();
        for (String status : param.split(",")) {
            String name = status.trim().toUpperCase(Locale.ROOT);
            if (Arrays.stream(DraftOrderStatus.values()).noneMatch(s -> s.name().equals(name))) {
                errors.add(new FieldError(
                        "status", "must be open, invoice_sent, completing, completed or canceled (comma-separated)"));
                return List.of();
            }
            if (!statuses.contains(name)) {
                statuses.add(name);
            }
        }
        return statuses;
    }

    private static String text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        return trimmed;
    }

    private static Instant instant(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO 8601 date-time such as 2025-03-01T10:00:00Z"));
            return null;
        }
    }
}
