package org.travesia.ops.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.travesia.command.CommandServiceApplication;
import org.travesia.ops.EmbeddedStore;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;
import org.travesia.platform.testing.RunningService;
import org.travesia.query.QueryServiceApplication;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

/**
 * The scripted restore test of the embedded store: back up while the services run, wipe the data directory, restore
 * with the operator's tools ({@code ./ops/backup-store}, {@code ./ops/restore-store}), start everything again, and
 * every view answers exactly as it did when the backup was taken; and a backup taken in the middle of a burst of
 * reports restores to one consistent state.
 */
class BackupAndRestoreTest {

    private static final Pattern BACKUP_FILE = Pattern.compile("Backed up the embedded store to (\\S+) ");

    @TempDir
    Path work;
    private Path data;
    private EmbeddedStore store;
    private RunningService commands;
    private RunningService queries;

    @AfterEach
    void stopEverything() {
        stop();
    }

    @Test
    void afterBackUpWipeAndRestoreEveryViewAnswersAsItDidWhenTheBackupWasTaken() throws IOException {
        data = work.resolve("data");
        start();
        List<String> ids = reportAndCurate();
        Instant backupTime = Instant.now();
        Map<String, String> before = views(ids, backupTime);

        Path backup = backUp(work.resolve("backups"));
        String afterTheBackup = commands.api().as("monitor").post("/api/v1/incidents", Reports.kidnapping().build())
                .json().get("incidentId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                queries.api().as("analyst").get("/api/v1/incidents/" + afterTheBackup).status() == 200);
        stop();
        wipe(data);

        String restored = RestoreStoreCommand.run(new String[] {backup.toString()}, environment(freePort()),
                Clock.systemUTC());
        start();

        assertThat(restored).startsWith("Restored " + backup);
        // Exports are pinned where the projections have applied every event; a backup's tokens may lag its views by
        // a few seconds, so a restored instance answers exports as of there until its projections catch up.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, String> after = views(ids, backupTime);
            assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
            before.forEach((view, answer) -> assertThat(after.get(view)).as(view).isEqualTo(answer));
        });
        assertThat(queries.api().as("analyst").get("/api/v1/incidents/" + afterTheBackup).status())
                .as("what was written after the backup is not in it").isEqualTo(404);
    }

    @Test
    void aBackupTakenDuringABurstOfReportsRestoresToOneConsistentState() throws Exception {
        data = work.resolve("data");
        start();
        List<Write> writes = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService monitors = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int monitor = 0; monitor < 4; monitor++) {
            running.add(monitors.submit(() -> {
                Api api = commands.api().as("monitor");
                while (writing.get()) {
                    long sent = System.nanoTime();
                    Api.Response answer = api.post("/api/v1/incidents", Reports.kidnapping().build());
                    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
                    writes.add(new Write(answer.json().get("incidentId").asText(), sent, System.nanoTime()));
                }
            }));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> writes.size() >= 20);
        long backupStarted = System.nanoTime();
        Path backup = backUp(work.resolve("backups"));
        long backupEnded = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).until(() -> writes.stream().filter(w -> w.sent() > backupEnded).count() >= 10);
        writing.set(false);
        for (Future<?> monitor : running) {
            monitor.get(30, TimeUnit.SECONDS);
        }
        monitors.shutdown();
        stop();

        data = work.resolve("restored");
        RestoreStoreCommand.run(new String[] {backup.toString()}, environment(freePort()), Clock.systemUTC());
        start();

        Api analyst = queries.api().as("analyst");
        List<Write> before = writes.stream().filter(w -> w.acknowledged() < backupStarted).toList();
        List<Write> after = writes.stream().filter(w -> w.sent() > backupEnded).toList();
        assertThat(before).isNotEmpty();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (Write write : before) {
                assertThat(analyst.get("/api/v1/incidents/" + write.incidentId()).status())
                        .as("acknowledged before the backup began").isEqualTo(200);
            }
            assertThat(projectedIncidents()).as("every report in the restored store is projected")
                    .isEqualTo(storedReports());
        });
        for (Write write : after) {
            assertThat(analyst.get("/api/v1/incidents/" + write.incidentId()).status())
                    .as("sent after the backup ended").isEqualTo(404);
        }
    }

    private record Write(String incidentId, long sent, long acknowledged) {
    }

    /** Reports from the monitor, in every sharing level and on two routes, then curated every way there is. */
    private List<String> reportAndCurate() {
        Api monitor = commands.api().as("monitor");
        Api analyst = commands.api().as("analyst");
        List<String> ids = new ArrayList<>();
        String[] sharing = {"ORGANISATION", "NETWORK", "PUBLIC"};
        for (int i = 0; i < 9; i++) {
            Reports report = Reports.kidnapping().sharedWith(sharing[i % 3])
                    .affected(Map.of("dead", i, "missing", 2 * i))
                    .with("type", i % 2 == 0 ? "KIDNAPPING" : "ROBBERY")
                    .with("occurredAt", "2026-11-" + (10 + i));
            if (i < 6) {
                report.onRoute(i < 3 ? "darien" : "tapachula", "segment-" + (i % 2));
            }
            ids.add(monitor.post("/api/v1/incidents", report.build()).json().get("incidentId").asText());
        }
        ok(monitor.post("/api/v1/incidents/" + ids.get(0) + "/amendments", Map.of("expectedVersion", 0,
                "reason", "more missing", "changes", Map.of("affected", Map.of("missing", 9)))));
        ok(monitor.post("/api/v1/incidents/" + ids.get(1) + "/sources", Map.of("type", "PARTNER_ORGANISATION",
                "quality", 4, "reference", "shelter log")));
        ok(analyst.post("/api/v1/incidents/" + ids.get(2) + "/verification", Map.of("expectedVersion", 0, "note", "ok")));
        ok(analyst.post("/api/v1/incidents/" + ids.get(3) + "/duplicate-of", Map.of("incidentId", ids.get(2),
                "reason", "same group")));
        ok(analyst.post("/api/v1/incidents/" + ids.get(4) + "/retraction", Map.of("reason", "in error")));
        ok(analyst.post("/api/v1/incidents/" + ids.get(7) + "/sharing", Map.of("expectedVersion", 0,
                "sharing", "PUBLIC", "reason", "published")));
        int[] versions = {1, 1, 1, 1, 1, 0, 0, 1, 0};
        for (int i = 0; i < ids.size(); i++) {
            String path = "/api/v1/incidents/" + ids.get(i) + "?minVersion=" + versions[i];
            assertThat(queries.api().as("analyst").get(path).status()).isEqualTo(200);
        }
        return ids;
    }

    /** Every view a client has, as each kind of user reads it: single incidents, history, searches, counts, exports. */
    private Map<String, String> views(List<String> ids, Instant backupTime) {
        Map<String, Api> users = new LinkedHashMap<>();
        for (String user : List.of("monitor", "analyst", "advocate", "admin")) {
            users.put(user, queries.api().as(user));
        }
        Map<String, String> views = new LinkedHashMap<>();
        for (String id : ids) {
            for (Map.Entry<String, Api> user : users.entrySet()) {
                views.put(user.getKey() + " incident " + id, answer(user.getValue(), "/api/v1/incidents/" + id));
            }
            views.put("history " + id, answer(users.get("analyst"), "/api/v1/incidents/" + id + "/history"));
            views.put("as of the backup " + id, answer(users.get("analyst"), "/api/v1/incidents/" + id + "?asOf="
                    + backupTime));
        }
        for (String query : List.of("", "?limit=500", "?route=darien", "?route=tapachula&segment=segment-1",
                "?status=VERIFIED", "?country=PA&type=ROBBERY", "?sort=recordedAt&limit=4", "?minQuality=4",
                "?from=2026-11-12&to=2026-11-16", "?bbox=-80,5,-75,10")) {
            for (Map.Entry<String, Api> user : users.entrySet()) {
                views.put(user.getKey() + " search " + query, answer(user.getValue(), "/api/v1/incidents" + query));
            }
            views.put("counts " + query, answer(users.get("analyst"), "/api/v1/incidents/counts" + query));
        }
        for (String export : List.of("format=csv&audience=public", "format=hxl&audience=network",
                "format=json&audience=internal", "format=geojson&audience=network&route=darien")) {
            views.put("export " + export, answer(users.get("analyst"), "/api/v1/exports/incidents?" + export));
        }
        views.put("taxonomy", answer(users.get("analyst"), "/api/v1/taxonomy"));
        views.put("audit until the backup", answer(users.get("admin"), "/api/v1/audit?limit=500&to=" + backupTime));
        return views;
    }

    private static String answer(Api api, String path) {
        Api.Response response = api.get(path);
        return response.status() + " " + response.body();
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** Backs up the running store with the operator's command, into {@code directory}, and returns the file. */
    private Path backUp(Path directory) {
        String said = BackupStoreCommand.run(new String[] {directory.toString()}, environment(store.port()));
        Matcher file = BACKUP_FILE.matcher(said);
        assertThat(file.find()).as(said).isTrue();
        Path backup = Path.of(file.group(1));
        assertThat(backup.getParent()).isEqualTo(directory);
        return backup;
    }

    private Map<String, String> environment(int storePort) {
        return Map.of("TRAVESIA_DATA", data.toString(), "TRAVESIA_MONGO_PORT", String.valueOf(storePort));
    }

    private void start() {
        store = EmbeddedStore.start(data, "127.0.0.1", 0);
        commands = RunningService.start(CommandServiceApplication.builder(), store.uri("travesia"));
        queries = RunningService.start(QueryServiceApplication.builder(), store.uri("travesia"));
    }

    private void stop() {
        if (queries != null) {
            queries.close();
            queries = null;
        }
        if (commands != null) {
            commands.close();
            commands = null;
        }
        if (store != null) {
            store.close();
            store = null;
        }
    }

    private long projectedIncidents() {
        try (MongoClient client = MongoClients.create(store.uri("travesia"))) {
            return client.getDatabase("travesia").getCollection("incidents").countDocuments();
        }
    }

    /** Reports are the only commits of this test, one each; tombstones are not reports. */
    private long storedReports() {
        try (MongoClient client = MongoClients.create(store.uri("travesia"))) {
            return client.getDatabase("travesia").getCollection("events")
                    .countDocuments(Filters.ne("tombstone", true));
        }
    }

    private static void wipe(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        assertThat(directory).doesNotExist();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
