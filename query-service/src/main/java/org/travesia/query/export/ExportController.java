package org.travesia.query.export;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
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
import org.travesia.query.incident.api.IncidentState;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code GET /api/v1/exports/incidents}: incident timelines as CSV, HXL-tagged CSV, JSON or GeoJSON, for an
 * audience ({@link ExportAudience}). Takes the search filters, {@code asOf} for the timeline as it was known at an
 * instant, and {@code purpose}, a consent use every row must carry. Rows without the consent their audience needs
 * are withheld, and counted ({@link WithheldRows}). Every export is written to the audit log, with every record in
 * it and the count withheld, before a byte is sent. It reads incidents through the incident feature's published API
 * only ({@link IncidentReads}).
 */
@RestController
class ExportController {

    static final int MAX_ROWS = 100_000;

    private final IncidentReads incidents;
    private final CurrentActor currentActor;
    private final AuditLog auditLog;
    private final ObjectMapper json;
    private final ExportMetrics metrics;

    ExportController(IncidentReads incidents, CurrentActor currentActor, AuditLog auditLog, ObjectMapper json,
                     ExportMetrics metrics) {
        this.incidents = incidents;
        this.currentActor = currentActor;
        this.auditLog = auditLog;
        this.json = json;
        this.metrics = metrics;
    }

    @GetMapping("/api/v1/exports/incidents")
    @PreAuthorize("hasAnyRole('ADVOCATE', 'ANALYST', 'ADMIN')")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "csv") String format,
                                                 @RequestParam(defaultValue = "public") String audience,
                                                 IncidentSearchParameters parameters,
                                                 @RequestParam(required = false) String asOf,
                                                 @RequestParam(required = false) String purpose) {
        Actor actor = currentActor.get();
        ExportFormat exportFormat = ExportFormat.parse(format);
        ExportAudience exportAudience = parseAudience(audience);
        ConsentUse declaredPurpose = parsePurpose(purpose);
        if (!exportAudience.allowedFor(actor)) {
            throw new NotPermittedException("export.audience-not-allowed");
        }
        IncidentSelection selection = exportAudience.selection(parameters.find(), declaredPurpose);
        Instant instant = asOf == null ? null : IncidentSearchParameters.instant("asOf", asOf, false);
        List<IncidentState> selected = new ArrayList<>(instant == null
                ? incidents.current(actor, selection)
                : incidents.asOf(actor, selection, instant));
        if (selected.size() > MAX_ROWS) {
            throw new InvalidValueException("", "export.too-large", MAX_ROWS);
        }
        WithheldRows withheld = new WithheldRows(instant == null
                ? incidents.countWithoutConsent(actor, selection)
                : incidents.countWithoutConsentAsOf(actor, selection, instant), selection.required().all());
        selected.sort(Comparator.comparing(IncidentState::occurredFrom, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(IncidentState::incidentId));
        List<Map<String, Object>> rows = selected.stream().map(d -> ExportRow.of(d, exportAudience, actor)).toList();
        auditLog.record(actor, AuditLog.Action.EXPORT, "incidents.export." + exportFormat.name().toLowerCase()
                + "." + exportAudience.name().toLowerCase(), rows.stream().map(r -> (String) r.get("incidentId")).toList(),
                withheld.audit());
        metrics.exported(exportAudience, exportFormat, rows.size());

        String filename = "travesia-incidents-" + exportAudience.name().toLowerCase() + "-"
                + Instant.now().toString().replace(":", "") + "." + exportFormat.extension();
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write(exportFormat, exportAudience, asOf, rows, writer);
        };
        return ResponseEntity.ok()
                .contentType(exportFormat.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .header(WithheldRows.HEADER, withheld.header())
                .body(body);
    }

    private void write(ExportFormat format, ExportAudience audience, String asOf, List<Map<String, Object>> rows,
                       Writer out) throws IOException {
        switch (format) {
            case CSV -> TimelineCsvWriter.write(rows, false, out);
            case HXL -> TimelineCsvWriter.write(rows, true, out);
            case JSON -> {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("audience", audience.name());
                document.put("asOf", asOf);
                document.put("items", rows);
                json.writeValue(out, document);
            }
            case GEOJSON -> json.writeValue(out, geoJson(rows));
        }
    }

    private static Map<String, Object> geoJson(List<Map<String, Object>> rows) {
        List<Map<String, Object>> features = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("id", row.get("incidentId"));
            Object lat = row.get("lat");
            Object lon = row.get("lon");
            feature.put("geometry", lat == null || lon == null ? null : Map.of("type", "Point",
                    "coordinates", List.of(Double.parseDouble((String) lon), Double.parseDouble((String) lat))));
            feature.put("properties", row);
            features.add(feature);
        }
        return Map.of("type", "FeatureCollection", "features", features);
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
            return ExportAudience.valueOf(audience.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("audience", "parameter.invalid", "audience");
        }
    }
}
