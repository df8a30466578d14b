package org.travesia.eventstore;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;

/**
 * A commit document: every event of one unit of work, or a tombstone that fences off positions nobody will write.
 * A single-document insert is atomic on every MongoDB server, so a reader sees a whole commit or nothing of it.
 */
record Commit(long firstPosition, int positionCount, List<StoredEvent> events, boolean tombstone) {

    static final String TOMBSTONE = "tombstone";

    Commit {
        events = List.copyOf(events);
    }

    long lastPosition() {
        return firstPosition + positionCount - 1;
    }

    boolean covers(long position) {
        return position >= firstPosition && position <= lastPosition();
    }

    static Document events(long firstPosition, List<StoredEvent> events, Date committedAt) {
        List<Long> positions = new ArrayList<>(events.size());
        List<String> aggregateKeys = new ArrayList<>();
        List<Document> eventDocuments = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            positions.add(event.position());
            if (event.isDomainEvent()) {
                aggregateKeys.add(event.aggregateKey());
            }
            eventDocuments.add(event.toDocument());
        }
        Document commit = new Document("_id", firstPosition)
                .append(EventStoreCollections.POSITIONS, positions)
                .append("committedAt", committedAt)
                .append("events", eventDocuments);
        if (!aggregateKeys.isEmpty()) {
            // Absent, not empty, when there are none: the sparse unique index must not see them.
            commit.append(EventStoreCollections.AGGREGATE_KEYS, aggregateKeys);
        }
        return commit;
    }

    static Document tombstone(long firstPosition, int count, Date fencedAt) {
        List<Long> positions = new ArrayList<>(count);
        for (long p = firstPosition; p < firstPosition + count; p++) {
            positions.add(p);
        }
        return new Document("_id", firstPosition)
                .append(EventStoreCollections.POSITIONS, positions)
                .append(TOMBSTONE, true)
                .append("committedAt", fencedAt);
    }

    /**
     * The commits among {@code documents}, once each and ordered by position. An {@code $in} on a multikey index
     * may match one commit through several of its keys; MongoDB returns it once, the embedded server once per key.
     */
    static List<Commit> distinct(Iterable<Document> documents) {
        java.util.Map<Long, Commit> byFirstPosition = new java.util.TreeMap<>();
        for (Document d : documents) {
            Commit commit = fromDocument(d);
            byFirstPosition.putIfAbsent(commit.firstPosition(), commit);
        }
        return new ArrayList<>(byFirstPosition.values());
    }

    static Commit fromDocument(Document d) {
        long first = ((Number) d.get("_id")).longValue();
        int count = d.getList(EventStoreCollections.POSITIONS, Object.class).size();
        if (Boolean.TRUE.equals(d.getBoolean(TOMBSTONE))) {
            return new Commit(first, count, List.of(), true);
        }
        List<StoredEvent> events = d.getList("events", Document.class).stream().map(StoredEvent::fromDocument).toList();
        return new Commit(first, count, events, false);
    }
}
