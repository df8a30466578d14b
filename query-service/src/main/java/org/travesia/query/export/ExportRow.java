package org.travesia.query.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.travesia.kernel.common.Actor;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.query.incident.api.IncidentState;

/**
 * One incident as a flat export row, already redacted for its audience. Every format writes these same columns, so
 * what an audience may see is decided once, here. Values are typed: text as strings, counts as integers, coordinates
 * as numbers, lists as lists; the one exception is a small count shown to the public as a range ({@code "<5"}).
 */
final class ExportRow {

    /** Columns in order, with their HXL hashtags. */
    static final List<String[]> COLUMNS = List.of(
            new String[] {"incidentId", "#event+id"},
            new String[] {"status", "#status"},
            new String[] {"duplicateOf", "#event+id+duplicate_of"},
            new String[] {"type", "#event+type"},
            new String[] {"accidentSubtype", "#event+type+accident"},
            new String[] {"occurredAt", "#date+occurred"},
            new String[] {"occurredAtPrecision", "#date+occurred+precision"},
            new String[] {"country", "#country+code"},
            new String[] {"admin1", "#adm1+name"},
            new String[] {"admin2", "#adm2+name"},
            new String[] {"locality", "#loc+name"},
            new String[] {"lat", "#geo+lat"},
            new String[] {"lon", "#geo+lon"},
            new String[] {"locationPrecision", "#geo+precision"},
            new String[] {"routeId", "#route+id"},
            new String[] {"segmentId", "#route+segment+id"},
            new String[] {"dead", "#affected+killed"},
            new String[] {"missing", "#affected+missing"},
            new String[] {"injured", "#affected+injured"},
            new String[] {"survivors", "#affected+survivors"},
            new String[] {"female", "#affected+f"},
            new String[] {"male", "#affected+m"},
            new String[] {"children", "#affected+children"},
            new String[] {"unaccompaniedChildren", "#affected+children+unaccompanied"},
            new String[] {"nationalities", "#affected+nationality"},
            new String[] {"perpetrator", "#group+perpetrator"},
            new String[] {"causesOfDeath", "#cause+death"},
            new String[] {"sourceQuality", "#meta+source+quality"},
            new String[] {"licence", "#meta+licence"},
            new String[] {"attribution", "#meta+attribution"},
            new String[] {"description", "#description"},
            new String[] {"sharing", "#meta+sharing"},
            new String[] {"organisation", "#org+name"},
            new String[] {"reportedBy", "#contact+name+reporter"},
            new String[] {"recordedAt", "#date+recorded"},
            new String[] {"updatedAt", "#date+updated"});

    private static final String EXACT = "EXACT";
    /** What a cell of shredded free text says, so that a redaction is seen, not taken for text never written. */
    static final String REDACTED = "[redacted]";

    private ExportRow() {
    }

    /**
     * The row of {@code incident} for {@code audience}, as {@code reader} may see it; for the public, counts from 1 to
     * {@code smallCountBelow} - 1 are shown as the range {@code "<smallCountBelow"}.
     */
    static Map<String, Object> of(IncidentState incident, ExportAudience audience, Actor reader, int smallCountBelow) {
        IncidentFacts details = incident.details();
        IncidentFacts.Place place = details.place() == null
                ? new IncidentFacts.Place(null, null, null, null, null, null) : details.place();
        IncidentFacts.Affected affected = details.affected() == null
                ? new IncidentFacts.Affected(null, null, null, null, null, null, null, null) : details.affected();
        boolean publicAudience = audience == ExportAudience.PUBLIC;
        boolean ownOrganisation = reader.organisation().equals(incident.organisation());

        Map<String, Object> row = new LinkedHashMap<>();
        row.put("incidentId", incident.incidentId());
        row.put("status", incident.status());
        row.put("duplicateOf", incident.duplicateOf());
        row.put("type", details.type());
        row.put("accidentSubtype", details.accidentSubtype());
        boolean exact = EXACT.equals(details.occurredAtPrecision());
        row.put("occurredAt", exact && publicAudience ? day(details.occurredAt()) : details.occurredAt());
        row.put("occurredAtPrecision", exact && publicAudience ? "DAY" : details.occurredAtPrecision());
        row.put("country", place.country());
        row.put("admin1", publicAudience
                ? RecognisedSubdivisions.canonical(place.country(), place.admin1()).orElse(null) : place.admin1());
        row.put("admin2", publicAudience ? null : place.admin2());
        row.put("locality", publicAudience ? null : freeText(incident, "place.locality", place.locality()));
        IncidentFacts.Coordinates coordinates = place.coordinates();
        row.put("lat", coordinates == null ? null : coordinate(coordinates.lat(), publicAudience));
        row.put("lon", coordinates == null ? null : coordinate(coordinates.lon(), publicAudience));
        row.put("locationPrecision", publicAudience && finerThan15Km(place.precision()) ? "KM_15" : place.precision());
        row.put("routeId", details.routeId());
        row.put("segmentId", details.segmentId());
        row.put("dead", count(affected.dead(), publicAudience, smallCountBelow));
        row.put("missing", count(affected.missing(), publicAudience, smallCountBelow));
        row.put("injured", count(affected.injured(), publicAudience, smallCountBelow));
        row.put("survivors", count(affected.survivors(), publicAudience, smallCountBelow));
        row.put("female", count(affected.female(), publicAudience, smallCountBelow));
        row.put("male", count(affected.male(), publicAudience, smallCountBelow));
        row.put("children", count(affected.children(), publicAudience, smallCountBelow));
        row.put("unaccompaniedChildren", count(affected.unaccompaniedChildren(), publicAudience, smallCountBelow));
        row.put("nationalities", details.nationalities());
        row.put("perpetrator", details.perpetrator());
        row.put("causesOfDeath", details.causesOfDeath());
        row.put("sourceQuality", incident.effectiveSourceQuality());
        row.put("licence", incident.licence());
        row.put("attribution", incident.attribution());
        row.put("description", publicAudience ? null : freeText(incident, "description", details.description()));
        row.put("sharing", incident.sharing());
        row.put("organisation", publicAudience ? null : incident.organisation());
        row.put("reportedBy", audience == ExportAudience.INTERNAL && ownOrganisation ? incident.reportedBy() : null);
        row.put("recordedAt", publicAudience ? day(incident.recordedAt()) : instant(incident.recordedAt()));
        row.put("updatedAt", publicAudience ? day(incident.updatedAt()) : instant(incident.updatedAt()));
        return row;
    }

    private static String freeText(IncidentState incident, String field, String text) {
        return incident.redacted().contains(field) ? REDACTED : text;
    }

    /** The calendar day of a date-time as recorded (its first ten characters, {@code 2026-11-20}). */
    private static String day(String occurredAt) {
        return occurredAt == null || occurredAt.length() < 10 ? occurredAt : occurredAt.substring(0, 10);
    }

    /**
     * The day (UTC) of an instant of the system's own: when a report was recorded or last changed would, to the
     * millisecond, tie a published row to a monitor's activity (and to the audit log and history).
     */
    private static String day(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    /** Counts a person could be recognised by are shown as a range. */
    private static Object count(Integer value, boolean publicAudience, int smallCountBelow) {
        if (value != null && publicAudience && value > 0 && value < smallCountBelow) {
            return "<" + smallCountBelow;
        }
        return value;
    }

    /** One decimal is about 11 km: enough for a map of risk, too coarse to find a shelter or a person. */
    private static Object coordinate(Double value, boolean publicAudience) {
        if (value == null || !publicAudience) {
            return value;
        }
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

    private static boolean finerThan15Km(String precision) {
        return "M_100".equals(precision) || "KM_2".equals(precision);
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
