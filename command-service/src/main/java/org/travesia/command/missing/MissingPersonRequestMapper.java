package org.travesia.command.missing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.travesia.command.missing.MissingPersonRequests.ConsentBody;
import org.travesia.command.missing.MissingPersonRequests.LastSeenBody;
import org.travesia.command.missing.MissingPersonRequests.PersonBody;
import org.travesia.command.missing.MissingPersonRequests.PlaceBody;
import org.travesia.command.missing.MissingPersonRequests.ReportBody;
import org.travesia.command.missing.MissingPersonRequests.SightingBody;
import org.travesia.kernel.common.Codes;
import org.travesia.kernel.common.Consent;
import org.travesia.kernel.common.ConsentUse;
import org.travesia.kernel.common.GeoPoint;
import org.travesia.kernel.common.LocationPrecision;
import org.travesia.kernel.common.OccurredAt;
import org.travesia.kernel.common.Place;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.common.TimePrecision;
import org.travesia.kernel.common.Violations;
import org.travesia.kernel.missing.AgeRange;
import org.travesia.kernel.missing.ConsentGiver;
import org.travesia.kernel.missing.LastSeen;
import org.travesia.kernel.missing.MissingPerson;
import org.travesia.kernel.missing.MissingPersonReport;
import org.travesia.kernel.missing.Relationship;
import org.travesia.kernel.missing.Reporter;
import org.travesia.kernel.missing.Sex;
import org.travesia.kernel.missing.Sighting;
import org.travesia.kernel.missing.SightingConfidence;
import org.travesia.kernel.taxonomy.SourceType;

/**
 * Turns request bodies into kernel values, recording every violation with its path as clients name it
 * ({@code person.ageRange.max}, {@code lastSeen.place.country}), so a client learns of every bad field at once.
 */
final class MissingPersonRequestMapper {

    private MissingPersonRequestMapper() {
    }

    static MissingPersonReport report(ReportBody body, Violations v) {
        MissingPerson person = person(body.person(), v);
        LastSeen lastSeen = lastSeen(body.lastSeen(), v);
        Reporter reporter = body.reporter() == null ? null : v.build("reporter", () -> new Reporter(
                Codes.parse(v, "reporter.relationship", body.reporter().relationship(), Relationship.class, false),
                body.reporter().contact()));
        ConsentBody consentBody = body.consent();
        Consent consent = null;
        ConsentGiver givenBy = null;
        if (consentBody != null) {
            List<ConsentUse> uses = Codes.parseAll(v, "consent.uses", consentBody.uses(), ConsentUse.class,
                    Consent.MAX_USES);
            consent = v.build("consent", () -> new Consent(Boolean.TRUE.equals(consentBody.obtained()), uses));
            givenBy = Codes.parse(v, "consent.givenBy", consentBody.givenBy(), ConsentGiver.class, false);
        }
        if (person == null || lastSeen == null) {
            return null;
        }
        Consent given = consent;
        ConsentGiver giver = givenBy;
        return v.build("", () -> new MissingPersonReport(person, lastSeen, reporter, given, giver));
    }

    static SharingLevel sharing(Violations v, String sharing) {
        SharingLevel level = Codes.parse(v, "sharing", sharing, SharingLevel.class, false);
        // Unspecified means the narrowest audience: sharing a missing person more widely is a decision, never a default.
        return level == null ? SharingLevel.ORGANISATION : level;
    }

    static Sighting sighting(SightingBody body, Violations v) {
        OccurredAt when = when(v, "", body.date(), body.precision());
        Place place = place(v, "place", body.place());
        SourceType source = Codes.parse(v, "source", body.source(), SourceType.class, true);
        SightingConfidence confidence = Codes.parse(v, "confidence", body.confidence(), SightingConfidence.class,
                true);
        if (when == null || place == null) {
            return null;
        }
        return v.build("", () -> new Sighting(when, place, source, confidence, body.note()));
    }

    /** A day ({@code 2026-11-20}), or null with a violation of {@code field}. */
    static LocalDate day(Violations v, String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            v.add(field, "missing-person.date.invalid");
            return null;
        }
    }

    private static MissingPerson person(PersonBody body, Violations v) {
        if (body == null) {
            v.add("person.fullName", "field.required");
            return null;
        }
        Sex sex = Codes.parse(v, "person.sex", body.sex(), Sex.class, false);
        AgeRange ageRange = body.ageRange() == null ? null
                : v.build("person.ageRange", () -> new AgeRange(body.ageRange().min(), body.ageRange().max()));
        return v.build("person", () -> new MissingPerson(body.fullName(), body.aliases(), sex, ageRange,
                body.yearOfBirth(), body.nationality(), body.languages(), body.distinguishingFeatures()));
    }

    private static LastSeen lastSeen(LastSeenBody body, Violations v) {
        if (body == null) {
            v.add("lastSeen.date", "field.required");
            return null;
        }
        OccurredAt when = when(v, "lastSeen.", body.date(), body.precision());
        Place place = place(v, "lastSeen.place", body.place());
        if (when == null || place == null) {
            return null;
        }
        return v.build("lastSeen", () -> new LastSeen(when, place, body.routeId(), body.segmentId()));
    }

    private static OccurredAt when(Violations v, String prefix, String date, String precisionText) {
        TimePrecision precision = Codes.parse(v, prefix + "precision", precisionText, TimePrecision.class, false);
        if (precision == TimePrecision.EXACT) {
            v.add(prefix + "precision", "missing-person.precision.exact");
            return null;
        }
        if (date == null) {
            v.add(prefix + "date", "field.required");
            return null;
        }
        LocalDate day = day(v, prefix + "date", date);
        return day == null ? null : v.build(prefix + "date", () -> new OccurredAt(day, null, precision));
    }

    private static Place place(Violations v, String path, PlaceBody body) {
        if (body == null) {
            v.add(path + ".country", "field.required");
            return null;
        }
        GeoPoint point = null;
        if (body.coordinates() != null) {
            if (body.coordinates().lat() == null || body.coordinates().lon() == null) {
                v.add(path + ".coordinates", "coordinates.incomplete");
            } else {
                point = v.build(path + ".coordinates",
                        () -> new GeoPoint(body.coordinates().lat(), body.coordinates().lon()));
            }
        }
        LocationPrecision precision = Codes.parse(v, path + ".precision", body.precision(), LocationPrecision.class,
                false);
        GeoPoint at = point;
        return v.build(path, () -> new Place(body.country(), body.admin1(), body.admin2(), body.locality(), at,
                precision));
    }
}
