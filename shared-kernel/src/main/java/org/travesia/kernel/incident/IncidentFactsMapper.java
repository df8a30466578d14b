package org.travesia.kernel.incident;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.travesia.kernel.common.Codes;
import org.travesia.kernel.common.Consent;
import org.travesia.kernel.common.ConsentUse;
import org.travesia.kernel.common.GeoPoint;
import org.travesia.kernel.common.LocationPrecision;
import org.travesia.kernel.common.OccurredAt;
import org.travesia.kernel.common.Place;
import org.travesia.kernel.common.TimePrecision;
import org.travesia.kernel.common.Violations;
import org.travesia.kernel.taxonomy.AccidentSubtype;
import org.travesia.kernel.taxonomy.CauseOfDeath;
import org.travesia.kernel.taxonomy.IncidentType;
import org.travesia.kernel.taxonomy.PerpetratorCategory;
import org.travesia.kernel.taxonomy.SourceType;

/**
 * The one place where validated incident values and the plain facts that events store meet.
 * <ul>
 * <li>{@link #toFacts}: what a command decided, written down plainly for an event.</li>
 * <li>{@link #toDetails}: plain facts (a new report, or the state after a correction) run through today's rules,
 * every violation recorded with its field path as clients name it ({@code place.country},
 * {@code nationalities[1]}).</li>
 * </ul>
 * History is never run through {@code toDetails}: events are read as they were written.
 */
public final class IncidentFactsMapper {

    private IncidentFactsMapper() {
    }

    public static IncidentFacts toFacts(IncidentDetails d) {
        OccurredAt occurred = d.occurredAt();
        return new IncidentFacts(Codes.name(d.type()), Codes.name(d.accidentSubtype()),
                occurred.exact() != null ? occurred.exact().toString() : occurred.date().toString(),
                Codes.name(occurred.precision()), d.reportedAt() == null ? null : d.reportedAt().toString(),
                toFacts(d.place()), d.routeId(), d.segmentId(), toFacts(d.affected()), d.nationalities(),
                Codes.name(d.perpetrator()), d.causesOfDeath().stream().map(Enum::name).toList(), toFacts(d.source()),
                d.description(), toFacts(d.consent()));
    }

    public static IncidentFacts.Source toFacts(Source source) {
        return source == null ? null
                : new IncidentFacts.Source(Codes.name(source.type()), source.quality(), source.reference());
    }

    public static IncidentFacts.Place toFacts(Place place) {
        GeoPoint point = place.coordinates();
        return new IncidentFacts.Place(place.country(), place.admin1(), place.admin2(), place.locality(),
                point == null ? null : new IncidentFacts.Coordinates(point.lat(), point.lon()),
                Codes.name(place.precision()));
    }

    private static IncidentFacts.Affected toFacts(AffectedPeople a) {
        return new IncidentFacts.Affected(a.dead(), a.missing(), a.injured(), a.survivors(), a.female(), a.male(),
                a.children(), a.unaccompaniedChildren());
    }

    private static IncidentFacts.Consent toFacts(Consent consent) {
        return new IncidentFacts.Consent(consent.obtained(), consent.uses().stream().map(Enum::name).toList());
    }

    /** The facts as validated details, or null with every reason recorded in {@code v}. */
    public static IncidentDetails toDetails(IncidentFacts f, Violations v) {
        IncidentType type = Codes.parse(v, "type", f.type(), IncidentType.class, true);
        AccidentSubtype subtype = Codes.parse(v, "accidentSubtype", f.accidentSubtype(), AccidentSubtype.class, false);
        OccurredAt occurredAt = occurredAt(v, f.occurredAt(), f.occurredAtPrecision());
        OffsetDateTime reportedAt = dateTime(v, "reportedAt", f.reportedAt());
        Place place = place(v, f.place());
        AffectedPeople affected = affected(v, f.affected());
        PerpetratorCategory perpetrator = Codes.parse(v, "perpetrator", f.perpetrator(), PerpetratorCategory.class,
                false);
        List<CauseOfDeath> causes = Codes.parseAll(v, "causesOfDeath", f.causesOfDeath(), CauseOfDeath.class,
                IncidentDetails.MAX_CAUSES_OF_DEATH);
        Source source = toSource(v, f.source());
        Consent consent = consent(v, f.consent());
        return v.build("", () -> new IncidentDetails(type, subtype, occurredAt, reportedAt, place, f.routeId(),
                f.segmentId(), affected, f.nationalities(), perpetrator, causes, source, f.description(), consent));
    }

    /** A source as validated, under the field {@code source}; null if absent or refused. */
    public static Source toSource(Violations v, IncidentFacts.Source source) {
        if (source == null) {
            return null;
        }
        SourceType type = Codes.parse(v, "source.type", source.type(), SourceType.class, true);
        return v.build("source", () -> new Source(type, source.quality(), source.reference()));
    }

    private static OccurredAt occurredAt(Violations v, String text, String precisionText) {
        TimePrecision precision = Codes.parse(v, "occurredAtPrecision", precisionText, TimePrecision.class, false);
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

    private static Place place(Violations v, IncidentFacts.Place place) {
        if (place == null) {
            v.add("place.country", "field.required");
            return null;
        }
        GeoPoint point = null;
        IncidentFacts.Coordinates coordinates = place.coordinates();
        if (coordinates != null) {
            if (coordinates.lat() == null || coordinates.lon() == null) {
                v.add("place.coordinates", "coordinates.incomplete");
            } else {
                point = v.build("place.coordinates", () -> new GeoPoint(coordinates.lat(), coordinates.lon()));
            }
        }
        LocationPrecision precision = Codes.parse(v, "place.precision", place.precision(), LocationPrecision.class,
                false);
        GeoPoint at = point;
        return v.build("place", () -> new Place(place.country(), place.admin1(), place.admin2(), place.locality(), at,
                precision));
    }

    private static AffectedPeople affected(Violations v, IncidentFacts.Affected a) {
        if (a == null) {
            return null;
        }
        return v.build("affected", () -> new AffectedPeople(a.dead(), a.missing(), a.injured(), a.survivors(),
                a.female(), a.male(), a.children(), a.unaccompaniedChildren()));
    }

    private static Consent consent(Violations v, IncidentFacts.Consent consent) {
        if (consent == null) {
            return null;
        }
        List<ConsentUse> uses = Codes.parseAll(v, "consent.uses", consent.uses(), ConsentUse.class, Consent.MAX_USES);
        return v.build("consent", () -> new Consent(Boolean.TRUE.equals(consent.obtained()), uses));
    }
}
