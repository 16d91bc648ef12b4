package com.draftorders.messaging.work;

import com.draftorders.messaging.MessageFactory.Correlation;
import com.draftorders.messaging.OutgoingMessage;
import java.util.Optional;

/**
 * What a handler sees of the aggregate at its {@link Address} while the unit of work runs: the aggregate as the
 * messages before this one in the batch left it. The handler decides on it in memory (calling its intention-revealing
 * methods) and the unit of work writes the outcome; it does not save, retry or send anything itself.
 */
public interface Target<A> {

    /** The aggregate at the address, in the address's store; empty when there is none (yet). */
    Optional<A> current();

    /** Whether any aggregate holds the address, also one of another store (then it cannot be created here). */
    boolean taken();

    /**
     * Makes a new aggregate at the address (its id must be the address's value for an {@code _id} address).
     *
     * @throws IllegalStateException when the address is taken
     */
    A create(A aggregate);

    /**
     * Sends a message that no event of the aggregate stands for (a reply, a rejection): in the aggregate's outbox, or,
     * when there is no aggregate, in a receipt written once under {@code receiptKey} — a redelivered message that
     * replies again under the same key sends nothing twice.
     */
    void send(String receiptKey, OutgoingMessage message);

    /** {@link #send(String, OutgoingMessage)} keyed by the message being handled (a new key for a REST request). */
    void send(OutgoingMessage message);

    /** Whether the aggregate holds the effects of {@code key} (a message id, a channel's request key). */
    boolean hasProcessed(String key);

    /** Records {@code key} as processed in the same write as this change. */
    void markProcessed(String key);

    /**
     * Runs {@code action} once this work's effects are durable (not at all when the work fails or its batch is not
     * written): for observations, such as metrics, that must not count what a crash or a retry undoes.
     */
    void afterWrite(Runnable action);

    /** Which flow the work belongs to and what caused it; for the messages the handler builds itself. */
    Correlation cause();
}
