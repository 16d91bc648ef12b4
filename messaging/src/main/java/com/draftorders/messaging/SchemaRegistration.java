package com.draftorders.messaging;

import com.draftorders.schemas.Topic;
import com.draftorders.schemas.Topics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Registers every catalog topic's value schema ({@code <topic>-value}) through the registry's Confluent-compatible
 * API when a service starts, so tools can decode a topic before its first message and an incompatible schema is
 * refused (409) at deploy time rather than at the first send. Registering an existing schema is a no-op.
 */
public class SchemaRegistration implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistration.class);

    private final ConfluentRegistryClient registry;

    public SchemaRegistration(String registryUrl) {
        this.registry = new ConfluentRegistryClient(registryUrl);
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> failed = new ArrayList<>();
        for (Topic<String, ?> topic : Topics.ALL) {
            try {
                register(topic);
            } catch (IOException | RuntimeException e) {
                failed.add(topic.valueSubject() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!failed.isEmpty()) {
            log.warn("schema registration incomplete (producers register on first send): {}", failed);
        }
    }

    /**
     * Registers the topic's current value schema; returns the registry's id for it. The same schema registered
     * already (by an earlier start, or by another service starting at the same moment, which the registry may answer
     * with 409) is not a failure: its id is the answer.
     */
    public int register(Topic<String, ?> topic) throws IOException, InterruptedException {
        return registry.idOf(topic.valueSubject(), topic.valueSchema());
    }
}
