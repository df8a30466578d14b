package org.travesia.query.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.ConsentUse;
import org.travesia.kernel.common.InvalidValueException;
import org.travesia.kernel.common.NotPermittedException;
import org.travesia.platform.audit.AuditLog;
import org.travesia.platform.security.CurrentActor;
import org.travesia.query.incident.api.IncidentReads;
import org.travesia.query.incident.api.IncidentSearchParameters;
import org.travesia.query.incident.api.IncidentSelection;
import org.travesia.query.incident.api.IncidentSnapshot;
import org.travesia.query.incident.api.IncidentState;
import org.travesia.query.incident.api.SnapshotPin;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code GET /api/v1/exports/incidents}: incident timelines as CSV, HXL-tagged CSV, NDJSON, JSON or GeoJSON, for an
 * audience ({@link ExportAudience}). Takes the search filters, {@code asOf} for the timeline as it was known at an
 * instant, and {@code purpose}, a consent use every row must carry. Rows without the consent their audience needs
 * are withheld, and counted ({@link WithheldRows}) as the rows are read: the count follows the rows.
 * <p>
 * An export is a snapshot: it is pinned at the global position up to which the incident projection has applied
 * every event when it starts, and incidents changed while it runs are given as they were there
 * ({@link IncidentReads#snapshot}). Rows are streamed from a cursor to the response as they are read, a chunk at a
 * time, so an export of any size holds one chunk.
 * <p>
 * It is provable: before the first byte the audit log holds its definition (caller, audience, format, purpose,
 * filters, {@code asOf}, the pinned position); each chunk's record ids are kept before its rows are sent; after the
 * last byte an {@code EXPORT_FINISHED} entry records the rows, what was withheld, the bytes and their SHA-256, or,
 * for an export cut off (the client gone, a failure), that it did not complete and how many rows had been sent.
 * It reads incidents through the incident feature's published API only ({@link IncidentReads}).
 */
@RestController
class ExportController {

    /** The position the export is pinned at, and the audit entry that defines it: what a recipient can cite. */
    static final String POSITION_HEADER = "Travesia-Export-Position";
    static final String AUDIT_HEADER = "Travesia-Export-Audit-Entry";

    private static final Comparator<IncidentState> SNAPSHOT_ORDER = Comparator
            .comparing(IncidentState::occurredFrom, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(IncidentState::incidentId);

    private final IncidentReads incidents;
    private final CurrentActor currentActor;
    private final AuditLog auditLog;
    private final ObjectMapper json;
    private final ExportMetrics metrics;
    private final int smallCountBelow;
    private final int asOfMaxIncidents;

    ExportController(IncidentReads incidents, CurrentActor currentActor, AuditLog auditLog, ObjectMapper json,
                     ExportMetrics metrics, @Value("${travesia.export.small-count-below:5}") int smallCountBelow,
                     @Value("${travesia.export.as-of-max-incidents:100000}") int asOfMaxIncidents) {
        if (smallCountBelow < 1) {
            throw new IllegalArgumentException("travesia.export.small-count-below must be at least 1");
        }
        this.incidents = incidents;
        this.currentActor = currentActor;
        this.auditLog = auditLog;
        this.json = json;
        this.metrics = metrics;
        this.smallCountBelow = smallCountBelow;
        this.asOfMaxIncidents = asOfMaxIncidents;
    }

    @GetMapping("/api/v1/exports/incidents")
    @PreAuthorize("hasAnyRole('ADVOCATE', 'ANALYST', 'ADMIN')")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "csv") String format,
                                                 @RequestParam(defaultValue = "public") String audience,
                                                 IncidentSearchParameters parameters,
                                                 @RequestParam(required = false) String asOf,
                                                 @RequestParam(required = false) String purpose,
                                                 HttpServletResponse response) {
        Actor actor = currentActor.get();
        ExportFormat exportFormat = ExportFormat.parse(format);
        ExportAudience exportAudience = parseAudience(audience);
        ConsentUse declaredPurpose = parsePurpose(purpose);
        if (!exportAudience.allowedFor(actor)) {
            throw new NotPermittedException("export.audience-not-allowed");
        }
        IncidentSelection selection = exportAudience.selection(parameters.find(), declaredPurpose);
        Instant instant = asOf == null ? null : IncidentSearchParameters.instant("asOf", asOf, false);
        SnapshotPin pin = incidents.pin();
        long position = pin.position();
        Supplier<IncidentSnapshot> rows;
        if (instant == null) {
            rows = () -> incidents.snapshot(actor, selection, pin);
        } else {
            // As-of reads are not streamed yet: they hold their states, so they are bounded (README, Exports).
            if (incidents.countAsOfCandidates(actor, selection) > asOfMaxIncidents) {
                throw new InvalidValueException("asOf", "export.as-of-too-large", asOfMaxIncidents);
            }
            long withheld = incidents.countWithoutConsentAsOf(actor, selection, instant);
            List<IncidentState> states = new ArrayList<>(incidents.asOf(actor, selection, instant));
            states.sort(SNAPSHOT_ORDER);
            incidents.ensureSettledSince(pin);
            rows = () -> IncidentSnapshot.of(states.iterator(), withheld);
        }
        String resource = "incidents.export." + exportFormat.name().toLowerCase(Locale.ROOT) + "."
                + exportAudience.name().toLowerCase(Locale.ROOT);
        String filename = "travesia-incidents-" + exportAudience.name().toLowerCase(Locale.ROOT) + "-"
                + Instant.now().toString().replace(":", "") + "." + exportFormat.extension();
        return stream(actor, resource, definition(exportFormat.name(), exportAudience, declaredPurpose, parameters,
                        instant, position), selection, rows,
                new TimelineLayout(exportFormat, exportAudience, actor, instant, position, smallCountBelow, json,
                        metrics), filename, exportFormat.mediaType(), position, response);
    }

    /**
     * {@code GET /api/v1/exports/mmp}: the incidents imported from the Missing Migrants Project, in MMP's HDX layout
     * ({@link MmpHdxLayout}), so that MMP's record as Travesía holds it can be given back and read by MMP's readers. Of
     * what the public may receive only (published, not retracted or duplicated), filtered by the search; a snapshot,
     * audited like every export.
     */
    @GetMapping("/api/v1/exports/mmp")
    @PreAuthorize("hasAnyRole('ADVOCATE', 'ANALYST', 'ADMIN')")
    ResponseEntity<StreamingResponseBody> exportMmp(IncidentSearchParameters parameters,
                                                    HttpServletResponse response) {
        Actor actor = currentActor.get();
        IncidentSelection selection = ExportAudience.PUBLIC.selection(parameters.find(), null).onlyFromMmp();
        SnapshotPin pin = incidents.pin();
        long position = pin.position();
        String filename = "travesia-mmp-" + Instant.now().toString().replace(":", "") + ".csv";
        return stream(actor, "incidents.export.mmp.public", definition(MmpHdxLayout.FORMAT, ExportAudience.PUBLIC,
                        null, parameters, null, position), selection, () -> incidents.snapshot(actor, selection, pin),
                new MmpHdxLayout(metrics), filename, MediaType.parseMediaType("text/csv;charset=UTF-8"), position,
                response);
    }

    /**
     * Answers with an export: its definition in the audit log before the first byte, then its rows streamed from
     * {@code rows} in {@code layout} ({@link ExportStream}). What was withheld is counted as the rows are read, so it
     * follows them: in the {@value WithheldRows#HEADER} trailer field, declared by the {@code Trailer} header, and in
     * the audit log's {@code EXPORT_FINISHED} entry. No pass over the selection precedes the first byte.
     */
    private ResponseEntity<StreamingResponseBody> stream(Actor actor, String resource, Map<String, Object> definition,
                                                         IncidentSelection selection, Supplier<IncidentSnapshot> rows,
                                                         ExportStream.Layout layout, String filename,
                                                         MediaType mediaType, long position,
                                                         HttpServletResponse response) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("definition", definition);
        AuditLog.Trail trail = auditLog.begin(actor, AuditLog.Action.EXPORT, resource, details);
        ExportStream stream = new ExportStream(layout, trail, auditLog.chunkSize(), selection.required().all());
        StreamingResponseBody body = out -> stream.writeTo(out, rows);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        try {
            response.setTrailerFields(stream::trailer);
            answer.header(HttpHeaders.TRAILER, WithheldRows.HEADER);
        } catch (IllegalStateException e) {
            // An HTTP/1.0 client cannot be sent trailer fields, so none is announced: the export's receipt
            // (ExportReceiptController) and the audit log's ending say what was withheld.
        }
        return answer
                .contentType(mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .header(POSITION_HEADER, Long.toString(position))
                .header(AUDIT_HEADER, trail.entryId())
                .body(body);
    }

    /** What the export is: enough to say what it should hold, and to recompute it from the immutable store. */
    private static Map<String, Object> definition(String format, ExportAudience audience, ConsentUse purpose,
                                                  IncidentSearchParameters parameters, Instant asOf, long position) {
        Map<String, Object> filters = new LinkedHashMap<>();
        for (var component : IncidentSearchParameters.class.getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(parameters);
                if (value != null) {
                    filters.put(component.getName(), value);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("A record's accessor is public", e);
            }
        }
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("format", format);
        definition.put("audience", audience.name());
        definition.put("purpose", purpose == null ? null : purpose.name());
        definition.put("filters", filters);
        definition.put("asOf", asOf == null ? null : asOf.toString());
        definition.put("position", position);
        return definition;
    }

    /** A declared purpose is a consent use, as the taxonomy names it ({@code LITIGATION}); none by default. */
    private static ConsentUse parsePurpose(String purpose) {
        if (purpose == null) {
            return null;
        }
        try {
            return ConsentUse.valueOf(purpose);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("purpose", "parameter.invalid", "purpose");
        }
    }

    private static ExportAudience parseAudience(String audience) {
        try {
            return ExportAudience.valueOf(audience.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("audience", "parameter.invalid", "audience");
        }
    }
}
