package com.draftorders.messaging.work;

import com.draftorders.messaging.MessageFactory.Correlation;
import com.draftorders.messaging.OutgoingMessage;
import com.mongodb.client.model.IndexModel;
import java.util.List;
import org.bson.BsonReader;
import org.bson.BsonWriter;

/**
 * How one kind of aggregate is stored and what its changes send; each service implements it once per aggregate (its
 * codec and its messages), and the {@link UnitOfWork} does everything else: loading, deduplication, the versioned
 * write, durability and the outbox.
 *
 * <p>A stored aggregate is one MongoDB document: {@code _id}, the document's {@code version} (optimistic locking),
 * the {@code outbox} of messages its changes caused and not yet relayed, the {@code processed} ids of the messages
 * whose effects it holds, and the fields {@link #write} writes. State, outbox and processed ids change in one
 * single-document write — atomic on the embedded server and on a replica set alike.
 *
 * @param <A> the aggregate, a plain domain object
 */
public interface AggregateType<A> {

    /** The collection the aggregates live in. */
    String collection();

    String idOf(A aggregate);

    /** The store the aggregate belongs to (an address naming another store does not find it). */
    String storeIdOf(A aggregate);

    /** The aggregate's own version: every change of its state raises it, which is how the unit of work sees one. */
    long versionOf(A aggregate);

    /**
     * Writes the aggregate's fields into the open document (the unit of work has written {@code _id}, {@code version},
     * {@code outbox} and {@code processed}; use none of these names). Fields other services' code queries by are
     * top-level; {@link #indexes()} declares their indexes.
     */
    void write(A aggregate, BsonWriter writer);

    /**
     * Reads an aggregate from a whole stored document (the reader is before its start): skip every field not written by
     * {@link #write}, the unit of work's own included.
     */
    A read(BsonReader reader);

    /**
     * The messages for what {@code aggregate} recorded since the last call, taking the record from it (the unit of work
     * calls this after each change, in the trace of the message or request that caused it).
     */
    List<OutgoingMessage> messages(A aggregate, Correlation cause);

    /** Indexes the collection needs, created at start (unique ones make alternative addresses safe). */
    default List<IndexModel> indexes() {
        return List.of();
    }
}
