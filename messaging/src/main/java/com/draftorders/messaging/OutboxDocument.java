package com.draftorders.messaging;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Version;

/**
 * Base of every MongoDB document that changes state and emits messages. The state, the messages it causes
 * ({@link #outbox}) and the ids of the messages already handled ({@link #processedMessageIds}) are one document,
 * so one single-document write (atomic on the embedded server and on a replica set alike) records all three.
 * {@link #version} gives optimistic locking: a concurrent writer fails instead of overwriting.
 */
public abstract class OutboxDocument {

    /** How many handled message ids a document remembers; redeliveries arrive close behind the original. */
    public static final int PROCESSED_IDS_KEPT = 200;

    @Version
    private Long version;

    private List<OutgoingMessage> outbox = new ArrayList<>();
    private List<String> processedMessageIds = new ArrayList<>();

    public abstract String getId();

    public Long getVersion() {
        return version;
    }

    public List<OutgoingMessage> getOutbox() {
        return outbox;
    }

    public List<String> getProcessedMessageIds() {
        return processedMessageIds;
    }

    public boolean hasProcessed(String messageId) {
        return processedMessageIds.contains(messageId);
    }

    /** Records that {@code messageId} has been handled, in the same write as its effects. */
    public void markProcessed(String messageId) {
        processedMessageIds.add(messageId);
        if (processedMessageIds.size() > PROCESSED_IDS_KEPT) {
            processedMessageIds = new ArrayList<>(processedMessageIds.subList(
                    processedMessageIds.size() - PROCESSED_IDS_KEPT, processedMessageIds.size()));
        }
    }

    public void enqueue(OutgoingMessage message) {
        outbox.add(message);
    }
}
