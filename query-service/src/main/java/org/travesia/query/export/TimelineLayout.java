package org.travesia.query.export;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.travesia.kernel.common.Actor;
import org.travesia.query.incident.api.IncidentState;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The incident timeline ({@code /exports/incidents}): {@link ExportRow}'s columns, for an audience, in a format. */
final class TimelineLayout implements ExportStream.Layout {

    private final ExportFormat format;
    private final ExportAudience audience;
    private final Actor reader;
    private final Instant asOf;
    private final long position;
    private final int smallCountBelow;
    private final ObjectMapper json;
    private final ExportMetrics metrics;

    TimelineLayout(ExportFormat format, ExportAudience audience, Actor reader, Instant asOf, long position,
                   int smallCountBelow, ObjectMapper json, ExportMetrics metrics) {
        this.format = format;
        this.audience = audience;
        this.reader = reader;
        this.asOf = asOf;
        this.position = position;
        this.smallCountBelow = smallCountBelow;
        this.json = json;
        this.metrics = metrics;
    }

    @Override
    public ExportWriter writer(Writer out) throws IOException {
        return switch (format) {
            case CSV -> new TimelineCsvWriter(out, false);
            case HXL -> new TimelineCsvWriter(out, true);
            case NDJSON -> JsonExportWriters.ndjson(json, out);
            case JSON -> {
                Map<String, Object> header = new LinkedHashMap<>();
                header.put("audience", audience.name());
                header.put("asOf", asOf == null ? null : asOf.toString());
                header.put("position", position);
                yield JsonExportWriters.json(json, out, header);
            }
            case GEOJSON -> JsonExportWriters.geoJson(json, out);
        };
    }

    @Override
    public Map<String, Object> row(IncidentState incident) {
        return ExportRow.of(incident, audience, reader, smallCountBelow);
    }

    @Override
    public void finished(long rows) {
        metrics.exported(audience, format, rows);
    }
}
