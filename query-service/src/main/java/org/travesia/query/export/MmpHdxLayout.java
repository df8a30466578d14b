package org.travesia.query.export;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.kernel.incident.MmpRecord;
import org.travesia.query.incident.api.IncidentState;

/**
 * The Missing Migrants Project's HDX layout ({@code GET /api/v1/exports/mmp}): one row per MMP incident as Travesía
 * holds it, with the columns of MMP's HDX file, so that the file can be imported again (by Travesía, which reads
 * headers by name, or by anyone who reads MMP's data), then the licence and the attribution every copy must carry.
 * Imported back into the organisation it came from, it would replace the place's locality and exact coordinates
 * with what this file gives (none, and one decimal): import MMP's own file instead.
 * <ul>
 * <li>Ids: MMP's {@code Main ID}; a split incident, imported as one incident, is one row of type
 * {@code Split Incident} whose {@code Incident ID} is its {@code Main ID}, with the figures of all its parts.</li>
 * <li>Figures as held, signed (MMP's corrections) and empty where unknown; the total is their sum, empty when both
 * are unknown. They are MMP's published figures, not a count of Travesía's own reports, so they are not turned
 * into ranges.</li>
 * <li>Dates to the day; coordinates to one decimal, as in every public file; names (country, route, region, cause,
 * source) in MMP's own words, as imported.</li>
 * <li>{@code Location of Incident} stays empty: Travesía keeps that free text sealed as text that may name people
 * ({@code place.locality}), and a file meant to travel carries none. Origins are not imported, so not given.</li>
 * </ul>
 * Cells go through the timeline CSV's quoting and formula protection ({@link TimelineCsvWriter#cell}).
 */
final class MmpHdxLayout implements ExportStream.Layout {

    /** The format's name in the audit log and the metrics. */
    static final String FORMAT = "MMP_HDX";
    static final List<String> COLUMNS = List.of("Main ID", "Incident ID", "Incident Type", "Region of Incident",
            "Incident Date", "Incident Year", "Month", "Number of Dead", "Minimum Estimated Number of Missing",
            "Total Number of Dead and Missing", "Number of Survivors", "Number of Females", "Number of Males",
            "Number of Children", "Country of Origin", "Region of Origin", "Cause of Death", "Country of Incident",
            "Migration Route", "Location of Incident", "Coordinates", "UNSD Geographical Grouping",
            "Information Source", "URL", "Source Quality", "Licence", "Attribution");
    private static final String INCIDENT_ID = "incidentId";
    private static final String COORDINATES = "Coordinates";

    private final ExportMetrics metrics;

    MmpHdxLayout(ExportMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public ExportWriter writer(Writer out) {
        return new ExportWriter() {
            @Override
            public void begin() throws IOException {
                line(out, COLUMNS.stream().map(TimelineCsvWriter::cell).toList());
            }

            @Override
            public void row(Map<String, Object> row) throws IOException {
                line(out, COLUMNS.stream().map(column -> cell(column, row.get(column))).toList());
            }

            @Override
            public void end() {
                // CSV has nothing after its last row.
            }
        };
    }

    @Override
    public Map<String, Object> row(IncidentState incident) {
        MmpRecord mmp = incident.mmp();
        IncidentFacts facts = incident.details();
        IncidentFacts.Affected affected = facts.affected() == null
                ? new IncidentFacts.Affected(null, null, null, null, null, null, null, null) : facts.affected();
        boolean split = mmp.incidentIds() != null && mmp.incidentIds().size() > 1;
        LocalDate day = day(facts.occurredAt());

        Map<String, Object> row = new LinkedHashMap<>();
        row.put(INCIDENT_ID, incident.incidentId());
        row.put("Main ID", mmp.mainId());
        row.put("Incident ID", split || mmp.incidentIds() == null || mmp.incidentIds().isEmpty()
                ? mmp.mainId() : mmp.incidentIds().get(0));
        row.put("Incident Type", split ? "Split Incident" : "Incident");
        row.put("Region of Incident", mmp.region());
        row.put("Incident Date", day);
        row.put("Incident Year", day == null ? null : day.getYear());
        row.put("Month", day == null ? null : day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        row.put("Number of Dead", affected.dead());
        row.put("Minimum Estimated Number of Missing", affected.missing());
        row.put("Total Number of Dead and Missing", affected.dead() == null && affected.missing() == null ? null
                : zeroIfUnknown(affected.dead()) + zeroIfUnknown(affected.missing()));
        row.put("Number of Survivors", affected.survivors());
        row.put("Number of Females", affected.female());
        row.put("Number of Males", affected.male());
        row.put("Number of Children", affected.children());
        row.put("Cause of Death", mmp.causeOfDeath());
        row.put("Country of Incident", mmp.countryName());
        row.put("Migration Route", mmp.routeName());
        row.put(COORDINATES, coordinates(facts.place()));
        row.put("UNSD Geographical Grouping", mmp.unsdGrouping());
        row.put("Information Source", mmp.informationSource());
        row.put("URL", mmp.url());
        row.put("Source Quality", mmp.sourceQuality());
        row.put("Licence", mmp.licence());
        row.put("Attribution", mmp.attribution());
        return row;
    }

    @Override
    public void finished(long rows) {
        metrics.exported(ExportAudience.PUBLIC, FORMAT, rows);
    }

    /** The day an incident occurred, as MMP dates them; null when the recorded date is missing or unreadable. */
    private static LocalDate day(String occurredAt) {
        if (occurredAt == null || occurredAt.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(occurredAt.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int zeroIfUnknown(Integer count) {
        return count == null ? 0 : count;
    }

    /**
     * {@code lat, lon} as MMP writes them, to one decimal (about 11 km) as every public file: an analyst may have
     * corrected an imported incident's place with what a monitor saw, and this file is one the public may receive.
     */
    private static String coordinates(IncidentFacts.Place place) {
        if (place == null || place.coordinates() == null || place.coordinates().lat() == null
                || place.coordinates().lon() == null) {
            return null;
        }
        return oneDecimal(place.coordinates().lat()) + ", " + oneDecimal(place.coordinates().lon());
    }

    private static String oneDecimal(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * A cell, protected against formulas; but coordinates, made here of two numbers, keep their sign ({@code -12.5,
     * 45.1} is no formula, and an apostrophe would make it unreadable to MMP's readers).
     */
    private static String cell(String column, Object value) {
        return COORDINATES.equals(column) && value != null ? TimelineCsvWriter.quoted(value.toString())
                : TimelineCsvWriter.cell(TimelineCsvWriter.text(value));
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        out.write(String.join(",", cells));
        out.write("\r\n");
    }
}
