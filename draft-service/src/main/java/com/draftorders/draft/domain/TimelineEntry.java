package com.draftorders.draft.domain;

import java.time.Instant;

/**
 * One line of a draft's timeline: what happened ({@code type}, e.g. {@code created}, {@code updated},
 * {@code invoice_sent}), when, a human summary, and the draft version it produced. Recorded by the draft itself with
 * the change, so the timeline is exactly as reliable as the draft.
 */
public record TimelineEntry(String type, Instant at, String summary, long version) {}
