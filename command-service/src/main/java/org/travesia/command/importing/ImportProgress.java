package org.travesia.command.importing;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * Each import's state and counts, in MongoDB ({@code imports}), so that any instance answers for it and it outlives
 * a restart. The running import writes its counts every so often ({@link ImportTally#flushTo}); its heartbeat says
 * it is still alive. An import whose heartbeat stopped (its instance died) is shown as {@code FAILED}, reason
 * {@code import.interrupted}: importing the same file again is safe and completes it, since an import is a sync.
 */
@Component
class ImportProgress {

    static final String COLLECTION = "imports";
    /** Rejected rows listed in full; beyond this only counted, so that a file of bad rows cannot grow a document. */
    static final int MAX_LISTED_ERRORS = 1_000;
    private static final Duration STALE_AFTER = Duration.ofMinutes(1);

    private final MongoCollection<Document> imports;
    private final Clock clock;

    ImportProgress(MongoDatabase travesiaDatabase, Clock clock) {
        this.imports = travesiaDatabase.getCollection(COLLECTION);
        this.clock = clock;
    }

    void started(String importId, String organisation, String user, MmpLayout layout, long rowsInFile,
                 String revisionOf) {
        Date now = Date.from(clock.instant());
        imports.insertOne(new Document("_id", importId).append("organisation", organisation).append("user", user)
                .append("state", "RUNNING").append("layout", layout.name()).append("rowsInFile", rowsInFile)
                .append("revisionOf", revisionOf).append("rowsRead", 0L).append("created", 0L)
                .append("updated", 0L).append("unchanged", 0L).append("rejected", 0L)
                .append("quirks", new Document()).append("errors", List.of()).append("errorsNotListed", 0L)
                .append("startedAt", now).append("heartbeatAt", now));
    }

    /** Replaces the counts with the tally's, and appends the errors found since the last write. */
    void write(String importId, ImportTally.Snapshot tally, String state) {
        List<Document> errors = new ArrayList<>();
        tally.newErrors().forEach(e -> errors.add(new Document("line", e.line()).append("reason", e.reason())));
        Date now = Date.from(clock.instant());
        var updates = new ArrayList<>(List.of(Updates.set("rowsRead", tally.rowsRead()),
                Updates.set("created", tally.created()), Updates.set("updated", tally.updated()),
                Updates.set("unchanged", tally.unchanged()), Updates.set("rejected", tally.rejected()),
                Updates.set("quirks", new Document(tally.quirks())),
                Updates.set("errorsNotListed", tally.errorsNotListed()), Updates.set("heartbeatAt", now),
                Updates.set("state", state), Updates.pushEach("errors", errors)));
        if (!"RUNNING".equals(state)) {
            updates.add(Updates.set("finishedAt", now));
        }
        imports.updateOne(Filters.eq("_id", importId), Updates.combine(updates));
    }

    void failed(String importId, String reason) {
        imports.updateOne(Filters.eq("_id", importId), Updates.combine(Updates.set("state", "FAILED"),
                Updates.set("failure", reason), Updates.set("finishedAt", Date.from(clock.instant()))));
    }

    /** The import as the API shows it, if it belongs to the organisation. */
    Optional<Map<String, Object>> find(String importId, String organisation) {
        Document found = imports.find(Filters.eq("_id", importId)).first();
        if (found == null || !organisation.equals(found.getString("organisation"))) {
            return Optional.empty();
        }
        String state = found.getString("state");
        String failure = found.getString("failure");
        if ("RUNNING".equals(state) && found.getDate("heartbeatAt").toInstant().plus(STALE_AFTER)
                .isBefore(clock.instant())) {
            state = "FAILED";
            failure = "import.interrupted";
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("importId", importId);
        view.put("state", state);
        view.put("layout", found.getString("layout"));
        view.put("revisionOf", found.getString("revisionOf"));
        view.put("rowsInFile", found.get("rowsInFile"));
        for (String count : List.of("rowsRead", "created", "updated", "unchanged", "rejected")) {
            view.put(count, found.get(count));
        }
        view.put("quirks", found.get("quirks"));
        view.put("errors", found.getList("errors", Document.class).stream()
                .map(e -> Map.of("line", e.get("line"), "reason", e.get("reason"))).toList());
        view.put("errorsNotListed", found.get("errorsNotListed"));
        view.put("failure", failure);
        view.put("startedAt", found.getDate("startedAt").toInstant());
        Date finished = found.getDate("finishedAt");
        view.put("finishedAt", finished == null ? null : finished.toInstant());
        return Optional.of(view);
    }
}
