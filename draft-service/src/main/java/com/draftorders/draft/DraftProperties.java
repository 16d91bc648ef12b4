package com.draftorders.draft;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * draft-service settings ({@code draftorders.drafts.*}).
 *
 * @param defaultCurrency currency of drafts whose request names none
 * @param saga deadlines of the completion saga
 */
@ConfigurationProperties("draftorders.drafts")
public record DraftProperties(
        @DefaultValue("USD") String defaultCurrency,
        @DefaultValue Saga saga) {

    /**
     * @param stepTimeout how long a saga step may wait for its reply before its command is sent again
     * @param maxTries sends of a step before the attempt is compensated (creating the order, the pivot, is retried
     *     without limit)
     * @param checkInterval how often overdue steps are looked for
     */
    public record Saga(
            @DefaultValue("15s") Duration stepTimeout,
            @DefaultValue("4") int maxTries,
            @DefaultValue("1s") Duration checkInterval) {}
}
