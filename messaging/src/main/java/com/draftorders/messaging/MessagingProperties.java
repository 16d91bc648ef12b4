package com.draftorders.messaging;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Messaging settings every service shares ({@code draftorders.messaging.*}). Kafka's own connection settings stay
 * under {@code spring.kafka.*}.
 *
 * @param registryUrl Apicurio Registry core API (v2); the Confluent-compatible API is derived from it
 * @param source the name this service stamps on every message it produces
 * @param createTopics create the catalog's topics (and their dead-letter topics) at startup
 * @param replicationFactor replication factor of created topics
 * @param retry pauses between attempts of a poll that failed because MongoDB or the broker did (a record whose own
 *     handler fails goes to the dead-letter topic at once)
 * @param concurrency consumer threads of this service (at most the partition count is useful)
 * @param outboxCollections MongoDB collections whose documents carry an {@code outbox} array to relay
 * @param outboxSweepInterval how often the relay scans the outbox collections for messages a crash (of this or another
 *     instance) left behind; it also does once at start. Messages this instance saves are relayed at once from
 *     memory, and failed relays are retried every second, without a scan
 * @param outboxRelayThreads threads relaying the outbox; each document always goes through the same one
 * @param outboxRemovalDelay how long sent messages stay in their document's outbox before the relay removes them,
 *     unless the next write of the document (which leaves them out) removes them first, for free; after a crash the
 *     ones still there are sent again (consumers drop the duplicates)
 * @param cachedDocuments how many aggregate documents an instance keeps as it last wrote or read them, so that the
 *     next message about the same aggregate needs no read (a stale one fails its version check and is read again);
 *     it only has to hold the aggregates in flight (a few hundred at 300 completions/s), and every entry is a whole
 *     document kept on the heap; 0 turns the cache off
 * @param writeAttempts rounds in which a unit of work writes a batch when other writers keep changing its documents
 *     (each round decides the conflicting ones again on fresh state); then a REST call answers 409 and a poll is
 *     delivered again
 */
@ConfigurationProperties("draftorders.messaging")
public record MessagingProperties(
        @DefaultValue("http://127.0.0.1:8085/apis/registry/v2")
        String registryUrl,

        String source,
        @DefaultValue("true") boolean createTopics,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue Retry retry,
        @DefaultValue("1") int concurrency,
        @DefaultValue List<String> outboxCollections,
        @DefaultValue("30s") Duration outboxSweepInterval,
        @DefaultValue("2") int outboxRelayThreads,
        @DefaultValue("1s") Duration outboxRemovalDelay,
        @DefaultValue("8") int writeAttempts,
        @DefaultValue("2000") int cachedDocuments) {

    /**
     * @param initialBackoff wait after the first failure; doubles each time
     * @param maxBackoff longest wait between two attempts
     */
    public record Retry(
            @DefaultValue("200ms") Duration initialBackoff,
            @DefaultValue("5s") Duration maxBackoff) {}

    /**
     * The {@code metadata.source} of what this service writes: {@code source} when set, else the application name.
     * (A placeholder in {@code @DefaultValue} is not resolved, which once put the literal placeholder on every event.)
     */
    public String sourceOr(String applicationName) {
        return source != null && !source.isBlank() ? source : applicationName;
    }
}
