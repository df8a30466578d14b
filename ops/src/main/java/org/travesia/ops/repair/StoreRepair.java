package org.travesia.ops.repair;

import java.time.Duration;
import java.time.Instant;

import org.bson.Document;
import org.travesia.eventstore.EventStoreCollections;
import org.travesia.eventstore.StorePositions;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * The repairs the services' start-up check names, on one store database, with both services stopped. Each says what
 * it found and what it did, in one line an operator can keep.
 */
public final class StoreRepair {

    /** Where the services keep tokens and parked events (see the platform's processing configuration). */
    static final String TOKENS = "tracking_tokens";
    static final String DEAD_LETTERS = "dead_letters";
    /** A claim younger than this belongs to a processor that may still be running. */
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);
    /** How many events out of order {@link #checkOrder} lists. */
    static final int LISTED = 20;

    private final MongoDatabase database;
    private final StorePositions positions;

    public StoreRepair(MongoDatabase database) {
        this.database = database;
        this.positions = new StorePositions(new EventStoreCollections(database, WriteConcern.MAJORITY));
    }

    /** The counter, the highest stored position, and every processor segment's token, for a look before repairing. */
    public String status() {
        StringBuilder status = new StringBuilder("position counter " + positions.counter()
                + ", highest position stored " + positions.highestOccupiedByScan());
        for (Document token : database.getCollection(TOKENS).find()) {
            status.append(System.lineSeparator()).append("  processor '").append(token.getString("processorName"))
                    .append("' segment ").append(token.get("segment")).append(": token ")
                    .append(token.get("token") == null ? "none" : "stored").append(", owner ")
                    .append(token.get("owner") == null ? "none" : token.get("owner"));
        }
        return status.toString();
    }

    /** Raises the position counter to the highest position any commit occupies; never lowers it. */
    public String raiseCounter() {
        long counter = positions.counter();
        long highest = positions.highestOccupiedByScan();
        if (highest <= counter) {
            return "The position counter (" + counter + ") is already at or above the highest position stored ("
                    + highest + "): nothing to do.";
        }
        positions.raiseCounterTo(highest);
        return "Raised the position counter from " + counter + " to " + highest + ", the highest position stored.";
    }

    /**
     * Finds the events stored at a higher position than a later event of their aggregate
     * ({@link StorePositions#eventsOutOfOrder}), and lists the first {@value #LISTED}. Changes nothing.
     */
    public String checkOrder() {
        StorePositions.OrderCheck check = positions.eventsOutOfOrder(LISTED);
        String read = "Read " + check.commits() + " commits of " + check.aggregates() + " aggregates, up to position "
                + check.highestPosition() + ": ";
        if (check.misordered() == 0) {
            return read + "every aggregate's events are stored in their order.";
        }
        StringBuilder found = new StringBuilder(read).append(check.misordered()).append(check.misordered() == 1
                ? " event is" : " events are").append(" stored above a later event of the same aggregate")
                .append(check.misordered() > check.listed().size() ? " (the first " + check.listed().size()
                        + " listed)" : "").append(':');
        for (StorePositions.Misordered event : check.listed()) {
            found.append(System.lineSeparator()).append("  aggregate ").append(event.aggregateId()).append(": event ")
                    .append(event.sequence()).append(" at position ").append(event.position()).append(", event ")
                    .append(event.laterSequence()).append(" at position ").append(event.laterPosition());
        }
        return found.append(System.lineSeparator()).append("A reader from the first event (a replay, ")
                .append("reset-processor) meets each of these after the later event listed with it, so a view ")
                .append("rebuilt that way parks or skips it: do not replay or reset a processor on this store. ")
                .append("Live readers most likely got them in order. The aggregates read their events in order. ")
                .append("Nothing was changed; there is no repair for this yet (docs/event-store.md).").toString();
    }

    /**
     * Deletes a processor's tokens and its parked events, so that on its next start it reads every event from the
     * first one again (parked ones included) and its projection catches up on whatever it misses; projections skip
     * what they already hold.
     */
    public String resetProcessor(String processor) {
        MongoCollection<Document> tokens = database.getCollection(TOKENS);
        long cutoff = Instant.now().minus(CLAIM_TIMEOUT).toEpochMilli();
        for (Document token : tokens.find(Filters.eq("processorName", processor))) {
            Object owner = token.get("owner");
            Number claimedAt = token.get("timestamp", Number.class);
            if (owner != null && claimedAt != null && claimedAt.longValue() > cutoff) {
                throw new IllegalStateException("Processor '" + processor + "' is running (segment "
                        + token.get("segment") + " claimed by " + owner + "): stop the service that runs it first.");
            }
        }
        long deletedTokens = tokens.deleteMany(Filters.eq("processorName", processor)).getDeletedCount();
        if (deletedTokens == 0) {
            throw new IllegalArgumentException("No processor '" + processor + "' has tokens in this store.");
        }
        long deletedLetters = database.getCollection(DEAD_LETTERS)
                .deleteMany(Filters.eq("processingGroup", processor)).getDeletedCount();
        return "Reset processor '" + processor + "': deleted " + deletedTokens + " segment tokens and "
                + deletedLetters + " parked events. On its next start it replays every event from the first.";
    }
}
