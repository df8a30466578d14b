package org.travesia.kernel.missing;

import java.util.Locale;

import org.travesia.kernel.common.Codes;
import org.travesia.kernel.common.GeoPoint;
import org.travesia.kernel.common.OccurredAt;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.kernel.incident.IncidentFactsMapper;

/** Validated missing-person values written down plainly for an event (before their personal fields are sealed). */
public final class MissingPersonFactsMapper {

    private MissingPersonFactsMapper() {
    }

    public static MissingPersonFacts.Person toFacts(MissingPerson person) {
        AgeRange range = person.ageRange();
        AgeRange band = range == null ? null : range.band();
        return new MissingPersonFacts.Person(person.fullName(), person.aliases(), Codes.name(person.sex()),
                band == null ? null : new MissingPersonFacts.AgeBand(band.min(), band.max()), ageRange(range),
                person.yearOfBirth() == null ? null : String.valueOf(person.yearOfBirth()), person.nationality(),
                person.languages(), person.distinguishingFeatures());
    }

    public static MissingPersonFacts.LastSeen toFacts(LastSeen lastSeen) {
        OccurredAt when = lastSeen.when();
        return new MissingPersonFacts.LastSeen(when.date().toString(), Codes.name(when.precision()),
                toFacts(lastSeen.place()), lastSeen.routeId(), lastSeen.segmentId());
    }

    public static MissingPersonFacts.Place toFacts(org.travesia.kernel.common.Place place) {
        IncidentFacts.Place plain = IncidentFactsMapper.toFacts(place);
        GeoPoint point = place.coordinates();
        return new MissingPersonFacts.Place(plain.country(), plain.admin1(), plain.admin2(), plain.locality(),
                point == null ? null : coordinates(point), plain.precision());
    }

    public static MissingPersonFacts.Reporter toFacts(Reporter reporter) {
        return new MissingPersonFacts.Reporter(Codes.name(reporter.relationship()), reporter.contact());
    }

    public static MissingPersonFacts.Consent toFacts(MissingPersonReport report) {
        return new MissingPersonFacts.Consent(report.consent().obtained(),
                report.consent().uses().stream().map(Enum::name).toList(), Codes.name(report.consentGivenBy()));
    }

    /** {@code 20-25}, {@code -25}, {@code 20-}; null when both ends are unknown. */
    static String ageRange(AgeRange range) {
        if (range == null || (range.min() == null && range.max() == null)) {
            return null;
        }
        return (range.min() == null ? "" : range.min()) + "-" + (range.max() == null ? "" : range.max());
    }

    /** The range as {@link #ageRange} wrote it; null when it cannot be read. */
    public static AgeRange ageRange(String text) {
        if (text == null || !text.matches("\\d*-\\d*")) {
            return null;
        }
        String[] ends = text.split("-", -1);
        return new AgeRange(ends[0].isEmpty() ? null : Integer.valueOf(ends[0]),
                ends[1].isEmpty() ? null : Integer.valueOf(ends[1]));
    }

    /** {@code lat,lon}, in plain decimal degrees. */
    static String coordinates(GeoPoint point) {
        return String.format(Locale.ROOT, "%s,%s", point.lat(), point.lon());
    }

    /** The point {@link #coordinates} wrote; null when it cannot be read. */
    public static GeoPoint coordinates(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split(",");
        try {
            return parts.length == 2 ? new GeoPoint(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])) : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
