package org.travesia.ops.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.travesia.ops.EmbeddedStore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/** {@code ./ops/repair-store} on the embedded store's file, as an operator runs it with everything stopped. */
class RepairStoreCommandTest {

    @TempDir
    Path data;

    @Test
    void raiseCounterMovesTheCounterUpToTheHighestStoredPosition() {
        withStore(database -> {
            database.getCollection("events").insertMany(List.of(commit(1, 2), commit(3, 4, 5), commit(6)));
            database.getCollection("event_counters").insertOne(new Document("_id", "global").append("last", 2L));
        });

        assertThat(repair("raise-counter")).isEqualTo("Raised the position counter from 2 to 6, the highest position stored.");
        assertThat(repair("raise-counter")).contains("nothing to do");
        withStore(database -> assertThat(database.getCollection("event_counters").find().first().getLong("last"))
                .isEqualTo(6L));
    }

    @Test
    void resetProcessorDeletesThatProcessorsTokensAndParkedEventsOnly() {
        withStore(database -> {
            database.getCollection("tracking_tokens").insertMany(List.of(token("incidents", 0, null, 0),
                    token("incidents", 1, null, 0), token("alerts", 0, null, 0)));
            database.getCollection("dead_letters").insertMany(List.of(
                    new Document("processingGroup", "incidents"), new Document("processingGroup", "alerts")));
        });

        assertThat(repair("reset-processor", "incidents"))
                .isEqualTo("Reset processor 'incidents': deleted 2 segment tokens and 1 parked events. "
                        + "On its next start it replays every event from the first.");
        withStore(database -> {
            assertThat(database.getCollection("tracking_tokens").find().map(d -> d.getString("processorName")))
                    .containsExactly("alerts");
            assertThat(database.getCollection("dead_letters").countDocuments(Filters.eq("processingGroup", "alerts")))
                    .isEqualTo(1);
        });
    }

    @Test
    void resetProcessorRefusesWhileTheProcessorHoldsAFreshClaim() {
        withStore(database -> database.getCollection("tracking_tokens")
                .insertOne(token("incidents", 0, "query-service@host", System.currentTimeMillis())));

        assertThatThrownBy(() -> repair("reset-processor", "incidents"))
                .hasMessageContaining("is running").hasMessageContaining("stop the service");
        withStore(database -> assertThat(database.getCollection("tracking_tokens").countDocuments()).isEqualTo(1));
    }

    @Test
    void resetProcessorSaysSoWhenNoSuchProcessorHasTokens() {
        withStore(database -> database.getCollection("events").insertOne(commit(1)));
        assertThatThrownBy(() -> repair("reset-processor", "incidnets")).hasMessageContaining("No processor 'incidnets'");
    }

    @Test
    void aStoreStillOpenIsLeftAloneWithAnExplanation() {
        withStore(database -> database.getCollection("events").insertOne(commit(1)));
        try (EmbeddedStore running = EmbeddedStore.start(data, "127.0.0.1", 0)) {
            assertThatThrownBy(() -> repair("raise-counter")).hasMessageContaining("is ./ops/run still running");
        }
    }

    @Test
    void checkOrderListsEventsStoredAboveALaterEventOfTheirAggregateAndChangesNothing() {
        withStore(database -> database.getCollection("events").insertMany(List.of(
                commitOf("incident-a", 3, 1), commitOf("incident-b", 0, 2, 3), commitOf("incident-a", 0, 6, 7, 8))));

        String found = repair("check-order");

        assertThat(found).startsWith("Read 3 commits of 2 aggregates, up to position 8: 3 events are stored above a "
                + "later event of the same aggregate:");
        assertThat(found).contains("aggregate incident-a: event 0 at position 6, event 3 at position 1")
                .contains("aggregate incident-a: event 2 at position 8, event 3 at position 1")
                .doesNotContain("incident-b").contains("Nothing was changed");
        withStore(database -> assertThat(database.getCollection("events").countDocuments()).isEqualTo(3));
    }

    @Test
    void checkOrderOnASoundStoreSaysSo() {
        withStore(database -> database.getCollection("events").insertMany(List.of(
                commitOf("incident-a", 0, 1, 2), commitOf("incident-b", 0, 3), commitOf("incident-a", 2, 4))));

        assertThat(repair("check-order")).isEqualTo("Read 3 commits of 2 aggregates, up to position 4: every "
                + "aggregate's events are stored in their order.");
    }

    @Test
    void anythingElseGetsTheUsage() {
        assertThatThrownBy(() -> repair("reset-processor")).hasMessageContaining("usage: ./ops/repair-store");
        assertThatThrownBy(() -> repair("lower-counter")).hasMessageContaining("usage: ./ops/repair-store");
        assertThatThrownBy(() -> repair("raise-counter")).hasMessageContaining("No embedded store in");
    }

    private String repair(String... args) {
        return RepairStoreCommand.run(args, Map.of("TRAVESIA_DATA", data.toString()));
    }

    private void withStore(java.util.function.Consumer<MongoDatabase> work) {
        try (EmbeddedStore store = EmbeddedStore.start(data, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.uri("travesia"))) {
            work.accept(client.getDatabase("travesia"));
        }
    }

    private static Document commit(long... positions) {
        List<Long> list = java.util.Arrays.stream(positions).boxed().toList();
        return new Document("_id", positions[0]).append("positions", list);
    }

    /** A commit of one aggregate's events from {@code firstSequence} on, one per position, as the engine writes it. */
    private static Document commitOf(String aggregateId, long firstSequence, long... positions) {
        List<Document> events = new java.util.ArrayList<>();
        List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < positions.length; i++) {
            events.add(new Document("position", positions[i]).append("eventId", aggregateId + "-" + positions[i])
                    .append("payloadType", "test.stepped").append("payload", "{}").append("metaData", "{}")
                    .append("aggregateType", "Incident").append("aggregateId", aggregateId)
                    .append("sequenceNumber", firstSequence + i));
            keys.add(aggregateId + "#" + (firstSequence + i));
        }
        return commit(positions).append("events", events).append("aggregateKeys", keys);
    }

    private static Document token(String processor, int segment, String owner, long claimedAt) {
        return new Document("processorName", processor).append("segment", segment).append("owner", owner)
                .append("timestamp", claimedAt);
    }
}
