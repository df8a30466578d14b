package org.travesia.query.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
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
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.platform.audit.AuditLog;
import org.travesia.query.incident.api.IncidentSnapshot;
import org.travesia.query.incident.api.IncidentState;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.WriteConcern;
import com.mongodb.client.model.Filters;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * How an export's audit ends: completed, with the SHA-256 of exactly the bytes sent; or cut off when the connection
 * goes, saying so and how many rows had been sent, with no digest and no trailer field. A chunk holds 2 rows here.
 */
class ExportCutOffTest {

    private static final Actor ANALYST = new Actor("ana", "org-a", Set.of(Role.ANALYST));

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
    void aCompletedExportRecordsItsRowsAndTheDigestOfExactlyTheBytesSent() throws Exception {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();

        ExportStream stream = stream(ExportFormat.NDJSON);
        stream.writeTo(sent, () -> snapshot(5));

        assertThat(stream.trailer()).as("the last thing a complete answer says")
                .containsEntry(WithheldRows.HEADER, "0;reason=\"consent\";uses=\"\"");
        Document ending = ending();
        assertThat(ending.getBoolean("completed")).isTrue();
        assertThat(ending.get("rows", Number.class).longValue()).isEqualTo(5);
        assertThat(ending.get("bytes", Number.class).longValue()).isEqualTo(sent.size());
        assertThat(ending.getString("sha256")).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(sent.toByteArray())));
    }

    @Test
    void anExportCutOffSaysItDidNotCompleteAndHowManyRowsWereSentWithoutADigest() {
        OutputStream closedAfterTheFirstChunk = new OutputStream() {
            private int flushes;

            @Override
            public void write(int b) throws IOException {
                if (flushes >= 2) {
                    throw new IOException("Connection reset by peer");
                }
            }

            @Override
            public void flush() {
                flushes++;
            }
        };

        ExportStream stream = stream(ExportFormat.CSV);
        assertThatThrownBy(() -> stream.writeTo(closedAfterTheFirstChunk, () -> snapshot(5)))
                .isInstanceOf(IOException.class);

        assertThat(stream.trailer()).as("an answer cut off never ends as a complete one does").isEmpty();

        Document ending = ending();
        assertThat(ending.getBoolean("completed")).isFalse();
        assertThat(ending.get("rows", Number.class).longValue()).as("the prelude, then one chunk").isEqualTo(2);
        assertThat(ending.getString("sha256")).isNull();
        assertThat(ending.getString("reason")).isEqualTo(ExportStream.CONNECTION_CLOSED);
    }

    private ExportStream stream(ExportFormat format) {
        AuditLog.Trail trail = audit.begin(ANALYST, AuditLog.Action.EXPORT, "incidents.export.test", Map.of());
        return new ExportStream(new TimelineLayout(format, ExportAudience.INTERNAL, ANALYST, null, 7, 5,
                new ObjectMapper(), new ExportMetrics(new SimpleMeterRegistry())), trail, audit.chunkSize(), Set.of());
    }

    private Document ending() {
        return audit.page(Filters.eq("action", AuditLog.Action.EXPORT_FINISHED.name()), null, 1).get(0)
                .get("details", Document.class);
    }

    private static IncidentSnapshot snapshot(int incidents) {
        Iterator<IncidentState> states = IntStream.range(0, incidents).mapToObj(ExportCutOffTest::incident).iterator();
        return IncidentSnapshot.of(states, 0);
    }

    private static IncidentState incident(int i) {
        IncidentFacts facts = new IncidentFacts("KIDNAPPING", null, "2026-11-20", "DAY", null,
                new IncidentFacts.Place("PA", "Darién", null, null, null, "ADMIN"), null, null, null, null, null, null,
                null, null, null);
        Instant recorded = Instant.parse("2026-11-21T00:00:00Z");
        return new IncidentState("i-" + i, 0, "REPORTED", null, "org-a", "NETWORK", "maria", null, recorded, recorded,
                null, null, facts, List.of(), null, null);
    }
}
