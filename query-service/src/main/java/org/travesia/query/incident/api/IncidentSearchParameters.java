package org.travesia.query.incident.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.travesia.kernel.common.BoundingBox;
import org.travesia.kernel.common.InvalidValueException;
import org.travesia.kernel.common.Violations;
import org.travesia.kernel.incident.FindIncidents;
import org.travesia.kernel.incident.IncidentStatus;
import org.travesia.kernel.taxonomy.IncidentType;

/**
 * The search parameters of the incident reads and exports, as the query string carries them (Spring binds a
 * request's parameters to this record by name), parsed into a {@link FindIncidents} with every bad one reported at
 * once.
 */
public record IncidentSearchParameters(String route, String segment, String country, String type, String status,
                                       String from, String to, String bbox, Integer minQuality, String sort,
                                       String mmpRoute) {

    public FindIncidents find() {
        return parse(route, segment, country, type, status, from, to, bbox, minQuality, sort, mmpRoute);
    }

    /** The same search without a status or sort: for counts, which decide statuses themselves. */
    public FindIncidents findAnyStatus() {
        return parse(route, segment, country, type, null, from, to, bbox, minQuality, null, mmpRoute);
    }

    private static FindIncidents parse(String route, String segment, String country, String type, String status,
                                       String from, String to, String bbox, Integer minQuality, String sort,
                                       String mmpRoute) {
        Violations v = new Violations();
        IncidentType incidentType = parse(v, "type", type, IncidentType.class);
        IncidentStatus incidentStatus = parse(v, "status", status, IncidentStatus.class);
        FindIncidents.Sort order = sort == null ? null
                : "recordedAt".equals(sort) ? FindIncidents.Sort.RECORDED_AT
                : "occurredAt".equals(sort) ? FindIncidents.Sort.OCCURRED_AT
                : invalid(v, "sort");
        Instant fromInstant = from == null ? null : v.build("", () -> instant("from", from, false));
        Instant toInstant = to == null ? null : v.build("", () -> instant("to", to, true));
        BoundingBox box = bbox == null ? null : v.build("", () -> BoundingBox.parse(bbox));
        v.throwIfAny();
        return new FindIncidents(route, segment, country, incidentType, incidentStatus, fromInstant, toInstant, box,
                minQuality, order, mmpRoute);
    }

    /** A date ({@code 2026-11-20}) or an instant. A date as an upper bound includes the whole day. */
    public static Instant instant(String field, String text, boolean endOfDay) {
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "parameter.invalid", field);
        }
    }

    private static <E extends Enum<E>> E parse(Violations v, String field, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            v.add(field, "parameter.invalid", field);
            return null;
        }
    }

    private static <T> T invalid(Violations v, String field) {
        v.add(field, "parameter.invalid", field);
        return null;
    }
}
