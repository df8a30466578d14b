package org.travesia.query.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.Segment;
import org.bson.Document;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/** What the risk projection left in a store, to compare two stores fed the same events in different ways. */
final class RiskDocuments {

    private RiskDocuments() {
    }

    /**
     * A mark's value in the bucket of a period holding {@code day}, on the test route's segment "jungle": null when
     * the bucket or the mark is not there. {@code mark} as {@link RiskBuckets#incidentMark} names it.
     */
    static Long mark(MongoDatabase database, RiskPeriod period, String day, String mark) {
        Document bucket = bucket(database, period, day, Document.class);
        Object value = bucket == null ? null : bucket.getEmbedded(List.of(mark.split("\\.")), Object.class);
        return value == null ? null : ((Number) value).longValue();
    }

    /** The bucket of a period holding {@code day}, on the test route's segment "jungle", as {@code type}; or null. */
    static <T> T bucket(MongoDatabase database, RiskPeriod period, String day, Class<T> type) {
        return database.getCollection(period.collection(), type).find(Filters.eq("_id",
                period.bucketId(RiskEvents.ROUTE, "jungle", LocalDate.parse(day)))).first();
    }

    /**
     * Every document of the projection's collections, per collection, in {@code _id} order, a bucket's marks left out
     * once none is left in it: a mark still there is a difference.
     */
    static Map<String, List<Document>> of(MongoDatabase database) {
        return of(database, false);
    }

    /**
     * As {@link #of}, every bucket's marks left out: for a processor's batches, which leave the marks they settled in
     * the buckets until a later batch removes them ({@link #marksNotSettled} says whether those are all settled).
     */
    static Map<String, List<Document>> withoutMarks(MongoDatabase database) {
        return of(database, true);
    }

    /**
     * The marks left in the buckets that their incident's or case's state does not cover: a mark above the event
     * the state records (or of a case not counted) refuses an event that has not come. Once every batch has gone
     * through, none should be, whatever marks are left.
     */
    static List<String> marksNotSettled(MongoDatabase database) {
        Map<String, Long> settled = new LinkedHashMap<>();
        database.getCollection(RiskBuckets.INCIDENTS).find().forEach(state -> settled.put(
                RiskBuckets.incidentMark(state.getString("_id")), state.getLong("sequence")));
        database.getCollection(RiskBuckets.CASES).find().forEach(state -> settled.put(
                RiskBuckets.caseMark(state.getString("_id")), state.getLong("sequence")));
        List<String> unsettled = new ArrayList<>();
        for (RiskPeriod period : RiskPeriod.values()) {
            database.getCollection(period.collection()).find().forEach(bucket -> {
                if (bucket.get("a") instanceof Document marks) {
                    marks.forEach((name, value) -> {
                        // a retry's mark, a.ri<hex>, is settled by the state of the incident a.i<hex> names
                        Long state = settled.get("a." + (name.startsWith("r") ? name.substring(1) : name));
                        if (state == null || ((Number) value).longValue() > state) {
                            unsettled.add(bucket.get("_id") + " a." + name + "=" + value + " state " + state);
                        }
                    });
                }
            });
        }
        return unsettled;
    }

    /**
     * The segment a test hands its batches in: a tracking processor's, whose batches hold the marks they settle for a
     * later batch to remove, or none (a dead letter's retry), whose batches remove them after their states.
     */
    static Segment segment(boolean processorsBatch) {
        return processorsBatch ? Segment.ROOT_SEGMENT : null;
    }

    /**
     * That {@code actual} holds what {@code expected} (fed the same events one by one) holds: the same documents,
     * marks included, after batches without a segment; after a processor's batches, the same documents but for the
     * marks, and every mark left covered by its incident's or case's state.
     */
    static void assertSame(MongoDatabase actual, MongoDatabase expected, boolean processorsBatch) {
        if (processorsBatch) {
            assertThat(withoutMarks(actual)).isEqualTo(of(expected));
            assertThat(marksNotSettled(actual)).isEmpty();
        } else {
            assertThat(of(actual)).isEqualTo(of(expected));
        }
    }

    private static Map<String, List<Document>> of(MongoDatabase database, boolean withoutMarks) {
        List<String> collections = new ArrayList<>(List.of(RiskBuckets.INCIDENTS, RiskBuckets.CASES,
                RiskBuckets.ROUTE_SEGMENTS));
        for (RiskPeriod period : RiskPeriod.values()) {
            collections.add(period.collection());
        }
        Map<String, List<Document>> documents = new LinkedHashMap<>();
        for (String collection : collections) {
            List<Document> stored = database.getCollection(collection).find().into(new ArrayList<>());
            stored.forEach(document -> {
                if (document.get("a") instanceof Document marks && (withoutMarks || marks.isEmpty())) {
                    document.remove("a");
                }
            });
            stored.sort(Comparator.comparing(document -> String.valueOf(document.get("_id"))));
            documents.put(collection, stored);
        }
        return documents;
    }
}
