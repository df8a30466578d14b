package org.travesia.kernel.incident;

import java.util.Objects;

/**
 * Which of an incident's facts belong to MMP when it is synced from an MMP file: type, when, where (country,
 * locality, coordinates and their precision), the route, the counts MMP keeps (dead, missing, survivors, female,
 * male, children), the causes of death and the source. Everything else (description, consent, nationalities,
 * perpetrator, admin areas, injured, unaccompanied children, the segment) is the organisation's, and an import
 * leaves it as it stands.
 */
public final class MmpFacts {

    private MmpFacts() {
    }

    /** {@code current} with MMP's fields taken from {@code imported}. */
    public static IncidentFacts mergeInto(IncidentFacts current, IncidentFacts imported) {
        IncidentFacts.Place was = current.place() != null ? current.place()
                : new IncidentFacts.Place(null, null, null, null, null, null);
        IncidentFacts.Place now = imported.place();
        IncidentFacts.Place place = new IncidentFacts.Place(now.country(), was.admin1(), was.admin2(), now.locality(),
                now.coordinates(), now.precision());
        IncidentFacts.Affected had = current.affected() != null ? current.affected()
                : new IncidentFacts.Affected(null, null, null, null, null, null, null, null);
        IncidentFacts.Affected counted = imported.affected();
        IncidentFacts.Affected affected = new IncidentFacts.Affected(counted.dead(), counted.missing(), had.injured(),
                counted.survivors(), counted.female(), counted.male(), counted.children(),
                had.unaccompaniedChildren());
        // A subtype or segment only makes sense under the type and route it was chosen for.
        String subtype = Objects.equals(current.type(), imported.type()) ? current.accidentSubtype() : null;
        String segment = Objects.equals(current.routeId(), imported.routeId()) ? current.segmentId() : null;
        return new IncidentFacts(imported.type(), subtype, imported.occurredAt(),
                imported.occurredAtPrecision(), current.reportedAt(), place, imported.routeId(), segment,
                affected, current.nationalities(), current.perpetrator(), imported.causesOfDeath(), imported.source(),
                current.description(), current.consent());
    }
}
