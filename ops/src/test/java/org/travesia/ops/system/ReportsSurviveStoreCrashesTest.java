package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.travesia.command.CommandServiceApplication;
import org.travesia.eventstore.EventStoreCollections;
import org.travesia.ops.store.StoreProcess;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;
import org.travesia.platform.testing.RunningService;
import org.travesia.query.QueryServiceApplication;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * The review's scenario, end to end: 16 monitors post reports through command-service while query-service projects
 * them; the store, in a JVM of its own, is killed with SIGKILL in the middle of the burst; both services are stopped;
 * everything restarts on the same data directory. Three crashes, then one more report. After every restart, once the
 * processors have caught up: every report a monitor was told was recorded can be read, every event that survived is
 * in the read model, and no processor's token is ahead of the store.
 * <p>
 * Slow (one to four minutes: four rounds of two services starting), so it runs with {@code CI=true} (see ops/pom.xml).
 */
@Tag("crash")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsSurviveStoreCrashesTest {

    private static final int WRITERS = 16;
    private static final int CRASHES = 3;
    private static final int ACKNOWLEDGED_BEFORE_CRASH = 100;
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    static Path data;

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final List<Restart> restarts = new ArrayList<>();

    /** What one restart found, once the processors had caught up. */
    private record Restart(String after, int acknowledgedSoFar, Set<String> unreadable, Set<String> notProjected,
                           long highestStored, Set<String> tokensAhead, String diagnosis) {
    }

    @BeforeAll
    void crashTheStoreInTheMiddleOfBurstsOfReports() throws Exception {
        for (int crash = 1; crash <= CRASHES; crash++) {
            try (StoreProcess store = StoreProcess.start(data); Services services = new Services(store)) {
                if (crash > 1) {
                    restarts.add(observe(services, store, "crash " + (crash - 1)));
                }
                burstUntilTheStoreIsKilled(services, store);
            }
        }
        try (StoreProcess store = StoreProcess.start(data); Services services = new Services(store)) {
            Api.Response once = services.monitor().post("/api/v1/incidents", Reports.kidnapping().build());
            assertThat(once.status()).as("a report after the last restart: %s", once).isEqualTo(201);
            acknowledged.add(once.json().get("incidentId").asText());
            restarts.add(observe(services, store, "crash " + CRASHES + " and one more report"));
        }
        Restart last = restarts.get(restarts.size() - 1);
        System.out.printf("%d crashes: %d reports acknowledged, %d not readable, %d stored events not projected%n",
                CRASHES, acknowledged.size(), last.unreadable().size(), last.notProjected().size());
    }

    @Test
    void everyAcknowledgedReportCanBeReadAfterEveryRestart() {
        assertThat(restarts).hasSize(CRASHES);
        for (Restart restart : restarts) {
            assertThat(restart.acknowledgedSoFar()).as("reports acknowledged before %s", restart.after())
                    .isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_CRASH);
            assertThat(restart.unreadable()).as("acknowledged reports not readable after %s (%s)", restart.after(),
                    restart.diagnosis()).isEmpty();
        }
    }

    @Test
    void everyEventThatSurvivedIsInTheReadModelAfterEveryRestart() {
        for (Restart restart : restarts) {
            assertThat(restart.notProjected()).as("stored events missing from the read model after %s (%s)",
                    restart.after(), restart.diagnosis()).isEmpty();
        }
    }

    @Test
    void noTokenIsAheadOfTheStoreAfterEveryRestart() {
        for (Restart restart : restarts) {
            assertThat(restart.tokensAhead()).as("tokens beyond the highest stored position (%d) after %s",
                    restart.highestStored(), restart.after()).isEmpty();
        }
    }

    private void burstUntilTheStoreIsKilled(Services services, StoreProcess store) throws InterruptedException {
        AtomicInteger acknowledgedThisBurst = new AtomicInteger();
        ExecutorService monitors = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            monitors.submit(() -> {
                while (true) {
                    Api.Response created;
                    try {
                        created = services.monitor().post("/api/v1/incidents", Reports.kidnapping().build());
                    } catch (IllegalStateException connectionLost) {
                        return;
                    }
                    if (created.status() != 201) {
                        return; // the store is gone: this monitor's burst is over
                    }
                    acknowledged.add(created.json().get("incidentId").asText());
                    acknowledgedThisBurst.incrementAndGet();
                }
            });
        }
        await().atMost(Duration.ofMinutes(3)).until(() -> acknowledgedThisBurst.get() >= ACKNOWLEDGED_BEFORE_CRASH);
        store.kill();
        monitors.shutdown();
        assertThat(monitors.awaitTermination(2, TimeUnit.MINUTES)).as("monitors stopped after the crash").isTrue();
    }

    private Restart observe(Services services, StoreProcess store, String after) {
        try (MongoClient client = MongoClients.create(store.uri("travesia"))) {
            MongoDatabase database = client.getDatabase("travesia");
            long highestStored = highestEventPosition(database);
            Api operator = services.query.api().as("operator");
            // Caught up means every segment of every processor is held and past the head. The instance that ran
            // before the crash could not release its claims (the store was gone), so this one takes them over only
            // once they time out: until then it holds some segments, or none, and those it holds say nothing about
            // the others.
            await().atMost(DRAIN_TIMEOUT).until(() -> everySegmentIsHeld(operator, database)
                    && segmentPositions(operator).stream().allMatch(p -> p >= highestStored));

            Set<String> tokensAhead = new TreeSet<>();
            segmentPositions(operator).stream().filter(p -> p > highestStored).forEach(p -> tokensAhead.add("at " + p));

            Set<String> unreadable = new TreeSet<>();
            Api reader = services.query.api().as("monitor");
            for (String incidentId : acknowledged) {
                int status = reader.get("/api/v1/incidents/" + incidentId).status();
                if (status != 200) {
                    unreadable.add(incidentId + " (" + status + ")");
                }
            }
            Set<String> notProjected = notProjected(database);
            return new Restart(after, acknowledged.size(), unreadable, notProjected, highestStored, tokensAhead,
                    diagnose(database, operator, notProjected));
        }
    }

    /**
     * The highest position holding an event. Not the highest occupied one: positions a crash left allocated and
     * unwritten at the head are fenced with tombstones once the gap timeout passes, and a processor's position only
     * ever reaches an event, so waiting for a tombstone's position would wait forever (it did, whenever the services
     * took longer to start than the gap timeout).
     */
    private static long highestEventPosition(MongoDatabase database) {
        long highest = 0;
        for (Document commit : database.getCollection(EventStoreCollections.EVENTS).find(Filters.ne("tombstone", true))) {
            for (Object position : commit.getList("positions", Object.class)) {
                highest = Math.max(highest, ((Number) position).longValue());
            }
        }
        return highest;
    }

    /** Every event in the store, by its aggregate key, that the incidents read model or its history lacks. */
    private static Set<String> notProjected(MongoDatabase database) {
        Set<String> missing = new TreeSet<>();
        for (Document commit : database.getCollection(EventStoreCollections.EVENTS).find(Filters.exists("aggregateKeys"))) {
            for (String key : commit.getList("aggregateKeys", String.class)) {
                String incidentId = key.substring(0, key.lastIndexOf('#'));
                long sequence = Long.parseLong(key.substring(key.lastIndexOf('#') + 1));
                Document incident = database.getCollection("incidents").find(Filters.eq("_id", incidentId)).first();
                boolean inHistory = database.getCollection("incident_history")
                        .countDocuments(Filters.and(Filters.eq("incidentId", incidentId), Filters.eq("sequence", sequence))) == 1;
                if (incident == null || ((Number) incident.get("version")).longValue() < sequence || !inHistory) {
                    missing.add(key);
                }
            }
        }
        return missing;
    }

    /**
     * What a failure needs to be understood from CI's output alone: where the missing events sit, what else holds
     * their positions, the tokens, the counter, and what the processors parked or fenced.
     */
    private static String diagnose(MongoDatabase database, Api operator, Set<String> notProjected) {
        if (notProjected.isEmpty()) {
            return "nothing missing";
        }
        List<Long> positions = new ArrayList<>();
        for (Document commit : database.getCollection(EventStoreCollections.EVENTS)
                .find(Filters.in("aggregateKeys", List.copyOf(notProjected)))) {
            for (Object position : commit.getList("positions", Object.class)) {
                positions.add(((Number) position).longValue());
            }
        }
        positions.sort(null);
        long sharing = database.getCollection(EventStoreCollections.EVENTS)
                .countDocuments(Filters.and(Filters.in("positions", positions), Filters.exists("aggregateKeys", false)));
        Document counter = database.getCollection(EventStoreCollections.COUNTERS).find().first();
        return "missing at positions " + positions + "; tombstones on those positions: " + sharing
                + "; dead letters: " + database.getCollection("dead_letters").countDocuments()
                + "; tombstones in all: " + database.getCollection(EventStoreCollections.EVENTS)
                        .countDocuments(Filters.exists("aggregateKeys", false))
                + "; counter: " + (counter == null ? null : counter.toJson())
                + "; processors: " + operator.get("/actuator/eventprocessors").json();
    }

    /** Whether this instance holds every segment the token store has, for every processor it runs. */
    private static boolean everySegmentIsHeld(Api operator, MongoDatabase database) {
        for (JsonNode processor : operator.get("/actuator/eventprocessors").json().get("processors")) {
            if (!processor.has("segments")) {
                continue;
            }
            Set<Integer> held = new TreeSet<>();
            processor.get("segments").forEach(segment -> held.add(segment.get("segment").asInt()));
            Set<Integer> stored = new TreeSet<>();
            database.getCollection("tracking_tokens").find(Filters.eq("processorName", processor.get("name").asText()))
                    .forEach(token -> stored.add(token.getInteger("segment")));
            if (stored.isEmpty() || !held.equals(stored)) {
                return false;
            }
        }
        return true;
    }

    private static List<Long> segmentPositions(Api operator) {
        List<Long> positions = new ArrayList<>();
        for (JsonNode processor : operator.get("/actuator/eventprocessors").json().get("processors")) {
            for (JsonNode segment : processor.get("segments")) {
                positions.add(segment.get("position").asLong());
            }
        }
        return positions;
    }

    /** Both services, in this JVM, reaching the store over the wire; stopped (not killed) when the test is done. */
    private static final class Services implements AutoCloseable {

        final RunningService command;
        final RunningService query;

        Services(StoreProcess store) {
            // Quick to notice the store is gone, so that the burst ends soon after the kill.
            String uri = store.uri("travesia") + "?serverSelectionTimeoutMS=3000&connectTimeoutMS=3000";
            command = RunningService.start(CommandServiceApplication.builder(), uri);
            query = RunningService.start(QueryServiceApplication.builder(), uri);
        }

        Api monitor() {
            return command.api().as("monitor");
        }

        @Override
        public void close() {
            query.close();
            command.close();
        }
    }
}
