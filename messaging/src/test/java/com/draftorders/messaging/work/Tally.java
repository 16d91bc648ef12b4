package com.draftorders.messaging.work;

import com.draftorders.messaging.MessageFactory.Correlation;
import com.draftorders.messaging.OutgoingMessage;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonReader;
import org.bson.BsonWriter;

/** A minimal aggregate for the unit of work's tests: a per-store total that records each addition as an event. */
final class Tally {

    final String id;
    final String storeId;
    final String reference;
    long total;
    long version;
    final List<String> events = new ArrayList<>();

    Tally(String id, String storeId, String reference, long total, long version) {
        this.id = id;
        this.storeId = storeId;
        this.reference = reference;
        this.total = total;
        this.version = version;
    }

    static Tally open(String id, String storeId, String reference) {
        Tally tally = new Tally(id, storeId, reference, 0, 1);
        tally.events.add("opened:" + id);
        return tally;
    }

    void add(long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("cannot add " + amount);
        }
        if (amount == 0) {
            return;
        }
        total += amount;
        version++;
        events.add("added:" + amount);
    }

    /** The tallies' storage and messages: one message per event, its value the event's text. */
    static final class Type implements AggregateType<Tally> {

        @Override
        public String collection() {
            return "tallies";
        }

        @Override
        public String idOf(Tally tally) {
            return tally.id;
        }

        @Override
        public String storeIdOf(Tally tally) {
            return tally.storeId;
        }

        @Override
        public long versionOf(Tally tally) {
            return tally.version;
        }

        @Override
        public void write(Tally tally, BsonWriter writer) {
            Bson.fields(writer)
                    .string("storeId", tally.storeId)
                    .string("reference", tally.reference)
                    .int64("total", tally.total)
                    .int64("tallyVersion", tally.version);
        }

        @Override
        public Tally read(BsonReader reader) {
            var t = new Object() {
                String id;
                String storeId;
                String reference;
                long total;
                long version;
            };
            Bson.readDocument(reader, (name, in) -> {
                switch (name) {
                    case "_id" -> t.id = in.readString();
                    case "storeId" -> t.storeId = in.readString();
                    case "reference" -> t.reference = in.readString();
                    case "total" -> t.total = Bson.readLong(in);
                    case "tallyVersion" -> t.version = Bson.readLong(in);
                    default -> in.skipValue();
                }
            });
            return new Tally(t.id, t.storeId, t.reference, t.total, t.version);
        }

        @Override
        public List<OutgoingMessage> messages(Tally tally, Correlation cause) {
            List<OutgoingMessage> messages = tally.events.stream()
                    .map(e -> message(tally.id + ":" + tally.version + ":" + e, tally.id, e))
                    .toList();
            tally.events.clear();
            return messages;
        }

        @Override
        public List<IndexModel> indexes() {
            return List.of(new IndexModel(
                    Indexes.ascending("reference"),
                    new IndexOptions().unique(true).sparse(true)));
        }
    }

    static OutgoingMessage message(String id, String key, String text) {
        return new OutgoingMessage(id, "tallies", key, text.getBytes(StandardCharsets.UTF_8), Instant.EPOCH);
    }
}
