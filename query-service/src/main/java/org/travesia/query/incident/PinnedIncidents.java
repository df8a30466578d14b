package org.travesia.query.incident;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.travesia.query.incident.api.SnapshotPin;

import com.mongodb.client.MongoCursor;

/**
 * The incidents matching a filter as they were at a pinned global position, in {@link IncidentReadModel#SNAPSHOT_ORDER},
 * read from a cursor a batch at a time, never all at once.
 * <p>
 * Each incident document carries the position of its last applied event. Those at or below the pin are the state at
 * the pin, and come from the cursor. Those above it (changed since, or created) are answered from
 * {@code incident_history}: the entry at the position before the first one above the pin holds the state then, which
 * {@code thenMatches} (the same rule as the filter, in memory) decides on.
 * <p>
 * Incidents keep changing while the cursor runs, and a cursor hands out each document as it is when its batch is
 * read (a row above the pin by then is dropped: MongoDB's cursor would not have matched it). So after reading each batch, and before handing it out, this asks the history which incidents changed
 * above the pin (every entry at positions the projection has applied since the last look, up to the store's
 * counter: an {@code $in} on the unique positions index). An incident first seen changed then was unchanged when the
 * earlier batches were read, so they dealt with it already if its state then sorts at or before their last row; if
 * it sorts within this batch, the batch has it unless it had changed before the batch was read; if later, later
 * batches will not have it (its position is above the pin by then). Its state then is merged in its place in the
 * order in every case that needs it. So no incident is left out or given twice, and each is as it was at the pin.
 * Memory holds one batch and the incidents changed since the pin, up to {@code maxChanged}. Each look asks for the
 * positions from where the projection has got on every segment up to the store's counter, so its cost grows with the
 * projection's lag.
 */
final class PinnedIncidents implements Iterator<Document>, AutoCloseable {

    /** Positions asked for in one {@code $in}. */
    static final int WINDOW = 1024;

    private static final Comparator<Document> ORDER = Comparator
            .comparing((Document d) -> d.getDate(IncidentDocument.OCCURRED_FROM),
                    Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(d -> d.getString(IncidentDocument.ID));

    private final IncidentReadModel readModel;
    private final AppliedPositions applied;
    private final long pin;
    private final Predicate<Document> thenMatches;
    private final int maxChanged;
    private final MongoCursor<Document> cursor;
    /** The read model's generation at the pin: a replay since has emptied what it reads. */
    private final long generation;

    /** Positions up to here have been looked at: every entry above the pin at or below it has been seen. */
    private long lookedUpTo;
    private final Set<String> changed = new HashSet<>();
    /** States at the pin of incidents changed since, matching, not handed out yet, in order. */
    private final TreeMap<Document, Document> pending = new TreeMap<>(ORDER);
    /** The last row of the batches handed out so far. */
    private Document passed;
    private final ArrayDeque<Document> ready = new ArrayDeque<>();
    /** The states in {@code pending} and {@code ready} that come from the history: their incident changed since. */
    private final Set<Document> fromHistory = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean finished;

    PinnedIncidents(IncidentReadModel readModel, AppliedPositions applied, SnapshotPin pin, Bson filter,
                    Predicate<Document> thenMatches, Bson projection, int batchSize, int maxChanged) {
        this.readModel = readModel;
        this.applied = applied;
        this.pin = pin.position();
        this.thenMatches = thenMatches;
        this.maxChanged = maxChanged;
        this.lookedUpTo = this.pin;
        this.generation = pin.generation();
        this.cursor = readModel.atOrBelow(this.pin, filter, projection, batchSize);
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && !finished) {
            readBatch();
        }
        return !ready.isEmpty();
    }

    @Override
    public Document next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    /**
     * Whether a state handed out was answered from the history, its incident having changed since the pin (asked once
     * per state, as it is handed out): such a state matched as it was then, and whether it may still be given now is
     * the caller's to decide.
     */
    boolean changedSincePin(Document state) {
        return fromHistory.remove(state);
    }

    /** How many rows the current batch still holds: a caller may act once per batch (open its text, audit it). */
    int readyInBatch() {
        return ready.size();
    }

    private void readBatch() {
        List<Document> batch = new ArrayList<>();
        if (cursor.hasNext()) {
            batch.add(cursor.next());
            while (cursor.available() > 0) {
                batch.add(cursor.next());
            }
        }
        boolean exhausted = batch.isEmpty();
        // MongoDB matches each document when its batch is read, so none is above the pin. The embedded server matches
        // them all when the cursor opens and hands out each as it is when its batch is read: one changed since is
        // left to the look below, as MongoDB would have left it out.
        batch.removeIf(row -> row.get(IncidentDocument.POSITION) instanceof Number position
                && position.longValue() > pin);
        Document last = batch.isEmpty() ? passed : batch.get(batch.size() - 1);
        Set<String> inBatch = new HashSet<>();
        batch.forEach(row -> inBatch.add(row.getString(IncidentDocument.ID)));
        for (Document state : changedSinceLastLook()) {
            if (passed != null && ORDER.compare(state, passed) <= 0) {
                continue;
            }
            if (last != null && ORDER.compare(state, last) <= 0 && inBatch.contains(state.getString(IncidentDocument.ID))) {
                continue;
            }
            pending.put(state, state);
            fromHistory.add(state);
        }
        ensureNotRebuilt();
        if (exhausted) {
            ready.addAll(pending.values());
            pending.clear();
            finished = true;
            return;
        }
        for (Document row : batch) {
            while (!pending.isEmpty() && ORDER.compare(pending.firstKey(), row) < 0) {
                ready.add(pending.pollFirstEntry().getValue());
            }
            // The same incident read unchanged by this batch and seen changed before: the same state, given once.
            Document same = pending.remove(row);
            if (same != null) {
                fromHistory.remove(same);
            }
            ready.add(row);
        }
        passed = last;
    }

    /**
     * Stops the snapshot if a replay has emptied the read model since the pin: what was deleted under the cursor, or
     * before it opened, would be missing without a word (an export is then audited as failed). Asked after each batch
     * and the changes around it were read, and by a caller after its own reads of the batch.
     */
    void ensureNotRebuilt() {
        if (readModel.generation().number() != generation) {
            throw new IllegalStateException("The incident read model was rebuilt (replayed) while a snapshot of it was"
                    + " read");
        }
    }

    /** The states at the pin, matching, of the incidents first seen changed above it since the last look. */
    private List<Document> changedSinceLastLook() {
        long appliedUpTo = applied.appliedUpTo();
        long allocated = applied.allocatedUpTo();
        Map<String, Document> firstAbovePin = new HashMap<>();
        for (long from = lookedUpTo + 1; from <= allocated; from += WINDOW) {
            List<Long> window = new ArrayList<>(WINDOW);
            for (long p = from; p < from + WINDOW && p <= allocated; p++) {
                window.add(p);
            }
            for (Document entry : readModel.entriesAt(window, false)) {
                String incidentId = entry.getString(IncidentHistoryDocument.INCIDENT_ID);
                if (!changed.contains(incidentId)) {
                    firstAbovePin.merge(incidentId, entry, (a, b) -> sequence(a) <= sequence(b) ? a : b);
                }
            }
        }
        // Positions above what the projection has applied everywhere may still fill: they are looked at again.
        lookedUpTo = Math.max(lookedUpTo, Math.min(appliedUpTo, allocated));
        changed.addAll(firstAbovePin.keySet());
        if (changed.size() > maxChanged) {
            throw new TooManyChangesException(maxChanged);
        }
        return statesAtPin(firstAbovePin.values());
    }

    /**
     * The states kept just before each of these entries. One that cannot be found stops the snapshot: leaving its
     * incident out would lose a row without a word.
     */
    private List<Document> statesAtPin(Iterable<Document> firstAbovePin) {
        Map<Long, String> previous = new HashMap<>();
        List<Document> states = new ArrayList<>();
        for (Document entry : firstAbovePin) {
            if (sequence(entry) == 0) {
                continue;
            }
            String incidentId = entry.getString(IncidentHistoryDocument.INCIDENT_ID);
            Number previousPosition = entry.get(IncidentHistoryDocument.PREVIOUS_POSITION, Number.class);
            if (previousPosition != null) {
                previous.put(previousPosition.longValue(), incidentId);
            } else {
                states.add(readModel.entry(incidentId, sequence(entry) - 1)
                        .orElseThrow(() -> missing(incidentId, "sequence " + (sequence(entry) - 1)))
                        .get(IncidentHistoryDocument.STATE, Document.class));
            }
        }
        List<Long> positions = new ArrayList<>(previous.keySet());
        for (int from = 0; from < positions.size(); from += WINDOW) {
            for (Document entry : readModel.entriesAt(positions.subList(from, Math.min(positions.size(), from + WINDOW)),
                    true)) {
                previous.remove(entry.get(IncidentHistoryDocument.POSITION, Number.class).longValue());
                states.add(entry.get(IncidentHistoryDocument.STATE, Document.class));
            }
        }
        previous.forEach((position, incidentId) -> {
            throw missing(incidentId, "position " + position);
        });
        return states.stream().filter(thenMatches).toList();
    }

    private static IllegalStateException missing(String incidentId, String where) {
        return new IllegalStateException("The history of incident " + incidentId + " holds no state at " + where
                + ", where a snapshot needs it");
    }

    private static long sequence(Document entry) {
        return entry.get(IncidentHistoryDocument.SEQUENCE, Number.class).longValue();
    }

    @Override
    public void close() {
        cursor.close();
    }

    /** More incidents changed while a snapshot was read than it may hold. */
    static final class TooManyChangesException extends RuntimeException {
        TooManyChangesException(int maxChanged) {
            super("More than " + maxChanged + " incidents changed while the snapshot was read");
        }
    }
}
