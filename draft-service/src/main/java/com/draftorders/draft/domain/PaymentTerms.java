package com.draftorders.draft.domain;

import java.time.Instant;

/** Net N days from completion, or a fixed due date. */
public record PaymentTerms(Integer netDays, Instant dueAt) {}
