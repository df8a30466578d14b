package org.travesia.command.incident;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.travesia.command.incident.IncidentReportRequest.AffectedBody;
import org.travesia.command.incident.IncidentReportRequest.ConsentBody;
import org.travesia.command.incident.IncidentReportRequest.PlaceBody;
import org.travesia.command.incident.IncidentReportRequest.SourceBody;
import org.travesia.kernel.common.Consent;
import org.travesia.kernel.common.ConsentUse;
import org.travesia.kernel.common.GeoPoint;
import org.travesia.kernel.common.LocationPrecision;
import org.travesia.kernel.common.OccurredAt;
import org.travesia.kernel.common.Place;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.common.TimePrecision;
import org.travesia.kernel.common.Violations;
import org.travesia.kernel.incident.AffectedPeople;
import org.travesia.kernel.incident.IncidentDetails;
import org.travesia.kernel.incident.Source;
import org.travesia.kernel.taxonomy.AccidentSubtype;
import org.travesia.kernel.taxonomy.CauseOfDeath;
import org.travesia.kernel.taxonomy.IncidentType;
import org.travesia.kernel.taxonomy.PerpetratorCategory;
import org.travesia.kernel.taxonomy.SourceType;

/**
 * Turns request bodies into kernel values, collecting every violation with its full field path. The kernel records
 * hold the rules; this class only parses and says where each value came from.
 */
final class IncidentRequestMapper {

    private IncidentRequestMapper() {
    }

    static IncidentDetails details(IncidentReportRequest body, Violations v) {
        IncidentType type = enumValue(v, "type", body.type(), IncidentType.class, true);
        AccidentSubtype subtype = enumValue(v, "accidentSubtype", body.accidentSubtype(), AccidentSubtype.class, false);
        OccurredAt occurredAt = occurredAt(v, body.occurredAt(), body.occurredAtPrecision());
        OffsetDateTime reportedAt = dateTime(v, "reportedAt", body.reportedAt());
        Place place = place(v, body.place());
        AffectedPeople affected = affected(v, body.affected());
        PerpetratorCategory perpetrator = enumValue(v, "perpetrator", body.perpetrator(), PerpetratorCategory.class, false);
        List<CauseOfDeath> causes = enumValues(v, "causesOfDeath", body.causesOfDeath(), CauseOfDeath.class);
        Source source = source(v, body.source());
        Consent consent = consent(v, body.consent());
        return v.build("", () -> new IncidentDetails(type, subtype, occurredAt, reportedAt, place, body.routeId(),
                body.segmentId(), affected, body.nationalities(), perpetrator, causes, source, body.description(),
                consent));
    }

    /** The inverse of {@link #details}: details in the shape a client reports them in. */
    static IncidentReportRequest toRequest(IncidentDetails d) {
        Place place = d.place();
        IncidentReportRequest.CoordinatesBody coordinates = place.coordinates() == null ? null
                : new IncidentReportRequest.CoordinatesBody(place.coordinates().lat(), place.coordinates().lon());
        AffectedPeople a = d.affected();
        Source source = d.source();
        return new IncidentReportRequest(null, name(d.type()), name(d.accidentSubtype()),
                d.occurredAt().exact() != null ? d.occurredAt().exact().toString() : d.occurredAt().date().toString(),
                name(d.occurredAt().precision()), d.reportedAt() == null ? null : d.reportedAt().toString(),
                new PlaceBody(place.country(), place.admin1(), place.admin2(), place.locality(), coordinates,
                        name(place.precision())),
                d.routeId(), d.segmentId(),
                new AffectedBody(a.dead(), a.missing(), a.injured(), a.survivors(), a.female(), a.male(), a.children(),
                        a.unaccompaniedChildren()),
                d.nationalities(), name(d.perpetrator()), d.causesOfDeath().stream().map(Enum::name).toList(),
                source == null ? null : new SourceBody(name(source.type()), source.quality(), source.reference()),
                d.description(), null,
                new ConsentBody(d.consent().obtained(), d.consent().uses().stream().map(Enum::name).toList()));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    static SharingLevel sharing(Violations v, String sharing) {
        SharingLevel level = enumValue(v, "sharing", sharing, SharingLevel.class, false);
        // Unspecified means the narrowest audience: sharing more is a decision someone makes, never a default.
        return level == null ? SharingLevel.ORGANISATION : level;
    }

    static OccurredAt occurredAt(Violations v, String text, String precisionText) {
        TimePrecision precision = enumValue(v, "occurredAtPrecision", precisionText, TimePrecision.class, false);
        if (text == null || text.isBlank()) {
            v.add("occurredAt", "field.required");
            return null;
        }
        try {
            if (text.length() <= 10) {
                LocalDate date = LocalDate.parse(text);
                return v.build("occurredAt", () -> new OccurredAt(date, null, precision));
            }
            OffsetDateTime exact = OffsetDateTime.parse(text);
            return v.build("occurredAt", () -> new OccurredAt(exact.toLocalDate(),
                    precision == null || precision == TimePrecision.EXACT ? exact : null, precision));
        } catch (DateTimeParseException e) {
            v.add("occurredAt", "occurred-at.invalid");
            return null;
        }
    }

    private static OffsetDateTime dateTime(Violations v, String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            v.add(field, "occurred-at.invalid");
            return null;
        }
    }

    static Place place(Violations v, PlaceBody body) {
        if (body == null) {
            v.add("place.country", "field.required");
            return null;
        }
        GeoPoint point = null;
        if (body.coordinates() != null) {
            if (body.coordinates().lat() == null || body.coordinates().lon() == null) {
                v.add("place.coordinates", "coordinates.incomplete");
            } else {
                point = v.build("place.coordinates",
                        () -> new GeoPoint(body.coordinates().lat(), body.coordinates().lon()));
            }
        }
        LocationPrecision precision = enumValue(v, "place.precision", body.precision(), LocationPrecision.class, false);
        GeoPoint coordinates = point;
        return v.build("place", () -> new Place(body.country(), body.admin1(), body.admin2(), body.locality(),
                coordinates, precision));
    }

    static AffectedPeople affected(Violations v, AffectedBody body) {
        if (body == null) {
            return null;
        }
        return v.build("affected", () -> new AffectedPeople(body.dead(), body.missing(), body.injured(),
                body.survivors(), body.female(), body.male(), body.children(), body.unaccompaniedChildren()));
    }

    static Source source(Violations v, SourceBody body) {
        if (body == null) {
            return null;
        }
        SourceType type = enumValue(v, "source.type", body.type(), SourceType.class, true);
        return v.build("source", () -> new Source(type, body.quality(), body.reference()));
    }

    static Consent consent(Violations v, ConsentBody body) {
        if (body == null) {
            return null;
        }
        List<ConsentUse> uses = enumValues(v, "consent.uses", body.uses(), ConsentUse.class);
        return new Consent(Boolean.TRUE.equals(body.obtained()), uses);
    }

    static <E extends Enum<E>> E enumValue(Violations v, String field, String value, Class<E> type, boolean required) {
        if (value == null) {
            if (required) {
                v.add(field, "field.required");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            v.add(field, "enum.unknown", allowed(type));
            return null;
        }
    }

    static <E extends Enum<E>> List<E> enumValues(Violations v, String field, List<String> values, Class<E> type) {
        List<E> parsed = new ArrayList<>();
        if (values == null) {
            return parsed;
        }
        for (int i = 0; i < values.size(); i++) {
            E value = enumValue(v, field + "[" + i + "]", values.get(i), type, true);
            if (value != null) {
                parsed.add(value);
            }
        }
        return parsed;
    }

    private static String allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
