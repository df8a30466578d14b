package org.travesia.query.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.travesia.kernel.common.Actor;

/**
 * One incident as a flat export row, already redacted for its audience. Every format writes these same columns, so
 * what an audience may see is decided once, here.
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
            new String[] {"description", "#description"},
            new String[] {"sharing", "#meta+sharing"},
            new String[] {"organisation", "#org+name"},
            new String[] {"reportedBy", "#contact+name+reporter"},
            new String[] {"recordedAt", "#date+recorded"},
            new String[] {"updatedAt", "#date+updated"});

    private static final List<String> COUNTS = List.of("dead", "missing", "injured", "survivors", "female", "male",
            "children", "unaccompaniedChildren");

    private ExportRow() {
    }

    /** The row of {@code incident} for {@code audience}, as {@code reader} may see it. Values are strings or null. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Document incident, ExportAudience audience, Actor reader) {
        Document details = incident.get("details", Document.class);
        Map<String, Object> place = (Map<String, Object>) details.get("place");
        Map<String, Object> coordinates = (Map<String, Object>) place.get("coordinates");
        Map<String, Object> occurredAt = (Map<String, Object>) details.get("occurredAt");
        Map<String, Object> affected = (Map<String, Object>) details.get("affected");
        boolean publicAudience = audience == ExportAudience.PUBLIC;
        boolean ownOrganisation = reader.organisation().equals(incident.getString("organisation"));

        Map<String, Object> row = new LinkedHashMap<>();
        row.put("incidentId", incident.getString("_id"));
        row.put("status", incident.getString("status"));
        row.put("duplicateOf", incident.getString("duplicateOf"));
        row.put("type", details.get("type"));
        row.put("accidentSubtype", details.get("accidentSubtype"));
        String precision = (String) occurredAt.get("precision");
        boolean exact = "EXACT".equals(precision) && !publicAudience;
        row.put("occurredAt", exact ? occurredAt.get("exact") : occurredAt.get("date"));
        row.put("occurredAtPrecision", "EXACT".equals(precision) && publicAudience ? "DAY" : precision);
        row.put("country", place.get("country"));
        row.put("admin1", place.get("admin1"));
        row.put("admin2", publicAudience ? null : place.get("admin2"));
        row.put("locality", publicAudience ? null : place.get("locality"));
        String locationPrecision = (String) place.get("precision");
        if (coordinates != null) {
            row.put("lat", coordinate(coordinates.get("lat"), publicAudience));
            row.put("lon", coordinate(coordinates.get("lon"), publicAudience));
        } else {
            row.put("lat", null);
            row.put("lon", null);
        }
        row.put("locationPrecision", publicAudience && finerThan15Km(locationPrecision) ? "KM_15" : locationPrecision);
        row.put("routeId", details.get("routeId"));
        row.put("segmentId", details.get("segmentId"));
        for (String kind : COUNTS) {
            Object value = affected == null ? null : affected.get(kind);
            row.put(kind, count(value, publicAudience));
        }
        row.put("nationalities", String.join(";", (List<String>) details.getOrDefault("nationalities", List.of())));
        row.put("perpetrator", details.get("perpetrator"));
        row.put("causesOfDeath", String.join(";", (List<String>) details.getOrDefault("causesOfDeath", List.of())));
        row.put("sourceQuality", incident.get("effectiveQuality"));
        row.put("description", publicAudience ? null : details.get("description"));
        row.put("sharing", incident.getString("sharing"));
        row.put("organisation", publicAudience ? null : incident.getString("organisation"));
        row.put("reportedBy", audience == ExportAudience.INTERNAL && ownOrganisation ? incident.getString("reportedBy") : null);
        row.put("recordedAt", instant(incident.getDate("recordedAt")));
        row.put("updatedAt", instant(incident.getDate("updatedAt")));
        row.replaceAll((column, value) -> value == null ? null : value.toString());
        return row;
    }

    /** Counts a person could be recognised by are shown as a range. */
    private static Object count(Object value, boolean publicAudience) {
        if (value instanceof Number number && publicAudience && number.longValue() > 0
                && number.longValue() < ExportAudience.SMALL_COUNT_BELOW) {
            return "<" + ExportAudience.SMALL_COUNT_BELOW;
        }
        return value;
    }

    /** One decimal is about 11 km: enough for a map of risk, too coarse to find a shelter or a person. */
    private static Object coordinate(Object value, boolean publicAudience) {
        if (!(value instanceof Number number) || !publicAudience) {
            return value;
        }
        return BigDecimal.valueOf(number.doubleValue()).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private static boolean finerThan15Km(String precision) {
        return "M_100".equals(precision) || "KM_2".equals(precision);
    }

    private static String instant(Date date) {
        return date == null ? null : date.toInstant().toString();
    }
}
