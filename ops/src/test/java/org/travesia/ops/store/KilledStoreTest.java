package org.travesia.ops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * The embedded store, in its own JVM, killed with SIGKILL in the middle of a burst of writes, three times over the
 * same data directory. Each writer makes a causal chain across four collections: a claim of the report's number that
 * does not wait for the disk ({@code j: false}, as the event store allocated positions until session 11), then the
 * report, then (once the report is acknowledged) its receipt, then (once that is acknowledged) the writer's progress,
 * which points at it, the way a processor's token points at the events it has handled. After each kill the store must
 * hold every acknowledged write, no write without the ones it followed, and indexes that agree with their documents.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KilledStoreTest {

    private static final int WRITERS = 16;
    private static final int KILLS = 3;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 400;
    private static final String PAYLOAD = "x".repeat(600);

    @TempDir
    static Path data;

    private final Set<String> acknowledgedReports = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledgedReceipts = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> acknowledgedProgress = new ConcurrentHashMap<>();
    private final Map<String, Integer> attemptedPerWriter = new ConcurrentHashMap<>();
    private final List<Observed> observations = new ArrayList<>();

    /** What one restart found. */
    private record Observed(int kill, Set<String> reports, Set<String> receipts, Map<String, Integer> progress,
                            Set<String> reportsFoundByIndex, Map<String, Integer> claims) {
    }

    @BeforeAll
    void killTheStoreInTheMiddleOfBurstsOfWrites() throws Exception {
        for (int kill = 1; kill <= KILLS; kill++) {
            try (StoreProcess store = StoreProcess.start(data)) {
                if (kill > 1) {
                    observations.add(observe(store, kill - 1));
                }
                burstUntilKilled(store, kill);
            }
        }
        try (StoreProcess store = StoreProcess.start(data)) {
            observations.add(observe(store, KILLS));
        }
        Observed last = observations.get(observations.size() - 1);
        System.out.printf("%d kills: %d reports acknowledged, %d of them lost%n", KILLS, acknowledgedReports.size(),
                acknowledgedReports.stream().filter(id -> !last.reports().contains(id)).count());
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKill() {
        Observed last = observations.get(observations.size() - 1);
        assertThat(acknowledgedReports).as("the writers got acknowledgements")
                .hasSizeGreaterThan(KILLS * ACKNOWLEDGED_BEFORE_KILL / 2);
        assertThat(missing(acknowledgedReports, last.reports())).as("acknowledged reports lost, of %d",
                acknowledgedReports.size()).isEmpty();
        assertThat(missing(acknowledgedReceipts, last.receipts())).as("acknowledged receipts lost, of %d",
                acknowledgedReceipts.size()).isEmpty();
        Set<String> progressLost = new TreeSet<>();
        acknowledgedProgress.forEach((writer, sequence) -> {
            if (last.progress().getOrDefault(writer, -1) < sequence) {
                progressLost.add(writer + " acknowledged " + sequence + ", found " + last.progress().get(writer));
            }
        });
        assertThat(progressLost).as("acknowledged progress lost").isEmpty();
    }

    @Test
    void noWriteSurvivesWithoutTheWritesItFollowed() {
        for (Observed observed : observations) {
            assertThat(missing(observed.receipts(), observed.reports()))
                    .as("receipts whose report is gone, after kill %d", observed.kill()).isEmpty();
            Set<String> pointedAtButGone = new TreeSet<>();
            observed.progress().forEach((writer, sequence) -> {
                for (int i = 0; i <= sequence; i++) {
                    if (!observed.receipts().contains(writer + "-" + i)) {
                        pointedAtButGone.add(writer + "-" + i);
                    }
                }
            });
            assertThat(pointedAtButGone).as("receipts a writer's progress points past but that are gone, after kill %d",
                    observed.kill()).isEmpty();
        }
    }

    @Test
    void noReportSurvivesWithoutTheUnjournaledClaimBeforeIt() {
        for (Observed observed : observations) {
            Set<String> unclaimed = new TreeSet<>();
            for (String report : observed.reports()) {
                String writer = report.substring(0, report.indexOf('-'));
                int number = Integer.parseInt(report.substring(report.indexOf('-') + 1));
                if (observed.claims().getOrDefault(writer, -1) < number) {
                    unclaimed.add(report + " (claim " + observed.claims().get(writer) + ")");
                }
            }
            assertThat(unclaimed).as("reports whose claim is gone, after kill %d", observed.kill()).isEmpty();
        }
    }

    @Test
    void everyUniqueIndexAgreesWithItsDocuments() {
        for (Observed observed : observations) {
            assertThat(missing(observed.reports(), observed.reportsFoundByIndex()))
                    .as("reports the unique index does not know, after kill %d", observed.kill()).isEmpty();
            assertThat(missing(observed.reportsFoundByIndex(), observed.reports()))
                    .as("reports only the unique index knows, after kill %d", observed.kill()).isEmpty();
        }
    }

    private static Set<String> missing(Set<String> expected, Set<String> found) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(found);
        return missing;
    }

    private void burstUntilKilled(StoreProcess store, int kill) throws InterruptedException {
        AtomicInteger acknowledgedThisBurst = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try (MongoClient client = MongoClients.create(store.uri("crash"))) {
            MongoDatabase database = client.getDatabase("crash");
            database.getCollection("reports").createIndex(Indexes.ascending("n"), new IndexOptions().unique(true));
            for (int w = 0; w < WRITERS; w++) {
                String writer = "k" + kill + "w" + w;
                int number = kill * 100 + w;
                writers.submit(() -> write(database, writer, number, acknowledgedThisBurst));
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> acknowledgedThisBurst.get() >= ACKNOWLEDGED_BEFORE_KILL);
            store.kill();
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).as("writers stopped after the kill").isTrue();
        }
    }

    private void write(MongoDatabase database, String writer, int number, AtomicInteger acknowledged) {
        MongoCollection<Document> reports = database.getCollection("reports");
        MongoCollection<Document> receipts = database.getCollection("receipts");
        MongoCollection<Document> progress = database.getCollection("progress");
        MongoCollection<Document> claims = database.getCollection("claims")
                .withWriteConcern(WriteConcern.W1.withJournal(false));
        try {
            for (int i = 0; ; i++) {
                String id = writer + "-" + i;
                attemptedPerWriter.put(writer, i);
                claims.updateOne(Filters.eq("_id", writer), Updates.max("last", i), new UpdateOptions().upsert(true));
                reports.insertOne(new Document("_id", id).append("n", number * 1_000_000L + i).append("payload", PAYLOAD));
                acknowledgedReports.add(id);
                receipts.insertOne(new Document("_id", id));
                acknowledgedReceipts.add(id);
                progress.updateOne(Filters.eq("_id", writer), Updates.set("last", i), new UpdateOptions().upsert(true));
                acknowledgedProgress.put(writer, i);
                acknowledged.incrementAndGet();
            }
        } catch (MongoException | IllegalStateException killed) {
            // The store is gone: this writer's burst is over.
        }
    }

    private Observed observe(StoreProcess store, int kill) {
        try (MongoClient client = MongoClients.create(store.uri("crash"))) {
            MongoDatabase database = client.getDatabase("crash");
            Set<String> reports = ids(database.getCollection("reports").find());
            Set<String> receipts = ids(database.getCollection("receipts").find());
            Map<String, Integer> progress = lastByWriter(database.getCollection("progress"));
            Map<String, Integer> claims = lastByWriter(database.getCollection("claims"));
            Set<String> foundByIndex = new HashSet<>();
            attemptedPerWriter.forEach((writer, last) -> {
                int number = Integer.parseInt(writer.substring(1, writer.indexOf('w'))) * 100
                        + Integer.parseInt(writer.substring(writer.indexOf('w') + 1));
                List<Long> ns = new ArrayList<>();
                for (int i = 0; i <= last; i++) {
                    ns.add(number * 1_000_000L + i);
                }
                foundByIndex.addAll(ids(database.getCollection("reports").find(Filters.in("n", ns))));
            });
            return new Observed(kill, reports, receipts, progress, foundByIndex, claims);
        }
    }

    private static Map<String, Integer> lastByWriter(MongoCollection<Document> collection) {
        Map<String, Integer> last = new ConcurrentHashMap<>();
        for (Document d : collection.find()) {
            last.put(d.getString("_id"), d.getInteger("last"));
        }
        return last;
    }

    private static Set<String> ids(Iterable<Document> documents) {
        Set<String> ids = new HashSet<>();
        for (Document d : documents) {
            ids.add(d.getString("_id"));
        }
        return ids;
    }
}
