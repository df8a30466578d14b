package org.travesia.query.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.travesia.kernel.common.ConsentUse;
import org.travesia.platform.audit.AuditLog;
import org.travesia.query.incident.api.IncidentSnapshot;
import org.travesia.query.incident.api.IncidentState;


/**
 * Writes one export to its answer as its rows are read, and audits what was sent: the prelude at once (before the
 * snapshot is opened), then each
 * chunk of rows once its record ids are in the audit log, flushed, then the close; last an {@code EXPORT_FINISHED}
 * entry with the rows, those withheld, the bytes and their SHA-256. Cut off (the connection closed, a read failed), the entry says it
 * did not complete and how many rows had been sent: those of the chunks flushed to the connection. It never claims a
 * digest of bytes it did not send.
 */
final class ExportStream {

    static final String CONNECTION_CLOSED = "connection-closed";
    static final String FAILED = "failed";

    /** What an export writes: its format's writer, and each incident as a row of it. */
    interface Layout {

        ExportWriter writer(Writer out) throws IOException;

        /** The incident's row, already redacted for its audience; it holds the incident's id as {@code incidentId}. */
        Map<String, Object> row(IncidentState incident);

        /** Called once the last byte is sent, with the rows sent. */
        void finished(long rows);
    }

    private final Layout layout;
    private final AuditLog.Trail trail;
    private final int chunkSize;
    private final Set<ConsentUse> required;
    /** The rows withheld so far, once the snapshot is open; all of them once it has been read to the end. */
    private volatile IncidentSnapshot states;
    private volatile boolean endedComplete;

    ExportStream(Layout layout, AuditLog.Trail trail, int chunkSize, Set<ConsentUse> required) {
        this.layout = layout;
        this.trail = trail;
        this.chunkSize = chunkSize;
        this.required = required;
    }

    /**
     * The trailer fields of the answer, asked for once its body is done: what was withheld, for an export that
     * completed; nothing for one cut off, so that an answer cut off never ends as a complete one does.
     */
    Map<String, String> trailer() {
        return endedComplete ? Map.of(WithheldRows.HEADER, withheld().header()) : Map.of();
    }

    /** What the snapshot has withheld so far: the whole count once the last row is written. */
    WithheldRows withheld() {
        IncidentSnapshot read = states;
        return new WithheldRows(read == null ? 0 : read.withheld(), required);
    }

    /** Opens the states from {@code source} once the answer is being written, and closes them at the end. */
    void writeTo(OutputStream out, Supplier<IncidentSnapshot> source) throws IOException {
        ExportedBytes bytes = new ExportedBytes(out);
        Writer writer = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), 1 << 16);
        long sent = 0;
        try {
            ExportWriter rows = layout.writer(writer);
            // The prelude goes before the snapshot's first read, which may take a while on a large store.
            rows.begin();
            writer.flush();
            states = source.get();
            List<Map<String, Object>> chunk = new ArrayList<>(chunkSize);
            while (states.hasNext()) {
                chunk.add(layout.row(states.next()));
                if (chunk.size() == chunkSize || !states.hasNext()) {
                    trail.records(chunk.stream().map(row -> (String) row.get("incidentId")).toList());
                    for (Map<String, Object> row : chunk) {
                        rows.row(row);
                    }
                    writer.flush();
                    sent += chunk.size();
                    chunk.clear();
                }
            }
            rows.end();
            writer.flush();
        } catch (IOException | RuntimeException e) {
            trail.finish(AuditLog.Action.EXPORT_FINISHED, ending(false, sent, null, null,
                    e instanceof IOException ? CONNECTION_CLOSED : FAILED));
            throw e;
        } finally {
            if (states != null) {
                states.close();
            }
        }
        trail.finish(AuditLog.Action.EXPORT_FINISHED, ending(true, sent, bytes.count(), bytes.sha256(), null));
        // Only once its ending is in the audit log does the answer end as complete.
        endedComplete = true;
        layout.finished(sent);
    }

    /**
     * How an export ended: counts, a digest and a code only. What was withheld is counted up to where the rows were
     * read: all of it for an export that completed.
     */
    private Map<String, Object> ending(boolean completed, long rowsSent, Long bytes, String sha256, String reason) {
        Map<String, Object> ending = new LinkedHashMap<>();
        ending.put("completed", completed);
        ending.put("rows", rowsSent);
        ending.putAll(withheld().audit());
        ending.put("bytes", bytes);
        ending.put("sha256", sha256);
        ending.put("reason", reason);
        return ending;
    }
}
