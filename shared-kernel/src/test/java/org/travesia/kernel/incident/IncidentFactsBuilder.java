package org.travesia.kernel.incident;

import java.util.List;

/** Small builders of plain incident facts for the kernel's tests: a valid report, changed field by field. */
final class IncidentFactsBuilder {

    private IncidentFactsBuilder() {
    }

    static IncidentFacts kidnapping() {
        return new IncidentFacts("KIDNAPPING", null, "2026-11-20", "DAY", null,
                new IncidentFacts.Place("PA", "Darién", null, "Bajo Chiquito", new IncidentFacts.Coordinates(8.04, -77.65),
                        "KM_2"),
                "darien", null, new IncidentFacts.Affected(0, 2, null, null, null, null, null, null), List.of("VE"),
                "CRIMINAL_GROUP", List.of(), new IncidentFacts.Source("MEDIA", 1, "paper"), "two men taken",
                new IncidentFacts.Consent(true, List.of("PROTECTION")));
    }

    static IncidentFacts withAffected(IncidentFacts facts, IncidentFacts.Affected affected) {
        return new IncidentFacts(facts.type(), facts.accidentSubtype(), facts.occurredAt(), facts.occurredAtPrecision(),
                facts.reportedAt(), facts.place(), facts.routeId(), facts.segmentId(), affected, facts.nationalities(),
                facts.perpetrator(), facts.causesOfDeath(), facts.source(), facts.description(), facts.consent());
    }

    static IncidentFacts withPlace(IncidentFacts facts, IncidentFacts.Place place) {
        return new IncidentFacts(facts.type(), facts.accidentSubtype(), facts.occurredAt(), facts.occurredAtPrecision(),
                facts.reportedAt(), place, facts.routeId(), facts.segmentId(), facts.affected(), facts.nationalities(),
                facts.perpetrator(), facts.causesOfDeath(), facts.source(), facts.description(), facts.consent());
    }

    static IncidentFacts withDescription(IncidentFacts facts, String description) {
        return new IncidentFacts(facts.type(), facts.accidentSubtype(), facts.occurredAt(), facts.occurredAtPrecision(),
                facts.reportedAt(), facts.place(), facts.routeId(), facts.segmentId(), facts.affected(),
                facts.nationalities(), facts.perpetrator(), facts.causesOfDeath(), facts.source(), description,
                facts.consent());
    }
}
