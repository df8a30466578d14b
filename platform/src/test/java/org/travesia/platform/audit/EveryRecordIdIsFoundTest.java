package org.travesia.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.Role;

import com.mongodb.WriteConcern;
import com.mongodb.client.model.Filters;

/**
 * Every record an entry gave out is found by its id, however many there were: ids past an entry's chunk go to
 * chunks of their own, which the lookup reads too. Here a chunk holds 2 ids.
 */
class EveryRecordIdIsFoundTest {

    private static final Actor ADVOCATE = new Actor("pablo", "org-b", Set.of(Role.ADVOCATE));

    private EmbeddedMongo mongo;
    private AuditLog audit;

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.inMemory();
        audit = new AuditLog(mongo.database(), WriteConcern.ACKNOWLEDGED, Clock.systemUTC(), 2);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void aStreamedExportIsFoundByEachOfItsRecordsInEveryChunk() {
        AuditLog.Trail export = audit.begin(ADVOCATE, AuditLog.Action.EXPORT, "incidents.export.csv.public",
                Map.of("definition", Map.of("audience", "PUBLIC")));
        export.records(List.of("i1", "i2"));
        export.records(List.of("i3", "i4", "i5"));
        export.finish(AuditLog.Action.EXPORT_FINISHED, Map.of("completed", true, "rows", 5));
        audit.record(ADVOCATE, AuditLog.Action.READ, "incidents.search", List.of("i9"));

        for (String record : List.of("i1", "i2", "i3", "i4", "i5")) {
            assertThat(entriesGiving(record)).as(record).extracting(entry -> entry.getString("_id"))
                    .containsExactly(export.entryId());
        }
        assertThat(entriesGiving("i9")).extracting(entry -> entry.getString("action")).containsExactly("READ");
        assertThat(entriesGiving("i6")).isEmpty();
    }

    @Test
    void anEntryWithMoreIdsThanAChunkKeepsThemAllAndItsExactCount() {
        List<String> ids = IntStream.range(0, 7).mapToObj(i -> "r" + i).toList();

        audit.record(ADVOCATE, AuditLog.Action.READ, "missing-persons.search", ids);

        for (String record : ids) {
            assertThat(entriesGiving(record)).as(record).hasSize(1);
        }
        assertThat(entriesGiving("r0").get(0).getInteger("records")).isEqualTo(7);
    }

    @Test
    void theEndingOfAnExportPointsAtItsDefinition() {
        AuditLog.Trail export = audit.begin(ADVOCATE, AuditLog.Action.EXPORT, "incidents.export.csv.public", Map.of());

        export.finish(AuditLog.Action.EXPORT_FINISHED, Map.of("completed", false, "rows", 0));

        Document ending = audit.page(Filters.eq("action", "EXPORT_FINISHED"), null, 1).get(0);
        assertThat(ending.get("details", Document.class).getString("entry")).isEqualTo(export.entryId());
        assertThat(ending.getString("user")).isEqualTo("pablo");
    }

    private List<Document> entriesGiving(String recordId) {
        return audit.page(audit.containing(recordId), null, 100);
    }
}
