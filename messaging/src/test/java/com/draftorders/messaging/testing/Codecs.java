package com.draftorders.messaging.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.messaging.work.AggregateType;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;

/** Test support for the hand-written document codecs. */
public final class Codecs {

    private Codecs() {}

    /** Writes {@code aggregate} as the unit of work stores it (its id first) and reads it back. */
    public static <A> A roundTrip(AggregateType<A> type, A aggregate) {
        return type.read(new BsonDocumentReader(write(type, aggregate)));
    }

    /** The document {@code aggregate} is stored as (without the unit of work's version, outbox and processed ids). */
    public static <A> BsonDocument write(AggregateType<A> type, A aggregate) {
        BsonDocument document = new BsonDocument();
        try (BsonDocumentWriter writer = new BsonDocumentWriter(document)) {
            writer.writeStartDocument();
            writer.writeString("_id", type.idOf(aggregate));
            type.write(aggregate, writer);
            writer.writeEndDocument();
        }
        return document;
    }

    /**
     * Asserts that every component of {@code record}, and of every record it holds (in lists and maps too), has a value:
     * not null, not an empty collection, not false, not 0. A fixture that passes this sets every field, so a codec
     * round trip of it covers them all, and a field added later without codec support fails that test.
     */
    public static void assertEveryComponentSet(Object record) {
        assertEveryComponentSet(record, record.getClass().getSimpleName());
    }

    private static void assertEveryComponentSet(Object value, String path) {
        assertThat(value).as(path + " is set").isNotNull();
        if (value instanceof Collection<?> collection) {
            assertThat(collection).as(path + " has elements").isNotEmpty();
            int i = 0;
            for (Object element : collection) {
                assertEveryComponentSet(element, path + "[" + i++ + "]");
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            assertThat(map).as(path + " has entries").isNotEmpty();
            return;
        }
        if (value instanceof Boolean flag) {
            assertThat(flag)
                    .as(path + " is true (false would not show a lost field)")
                    .isTrue();
            return;
        }
        if (value instanceof Number number) {
            assertThat(number.doubleValue()).as(path + " is not 0").isNotZero();
            return;
        }
        if (value instanceof byte[] bytes) {
            assertThat(bytes).as(path + " has bytes").isNotEmpty();
            return;
        }
        if (!value.getClass().isRecord()) {
            return;
        }
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            try {
                Object componentValue = component.getAccessor().invoke(value);
                assertEveryComponentSet(componentValue, path + "." + component.getName());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }
}
