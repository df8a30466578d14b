package org.travesia.kernel.incident;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;

import org.travesia.kernel.common.Consent;
import org.travesia.kernel.common.Countries;
import org.travesia.kernel.common.OccurredAt;
import org.travesia.kernel.common.Place;
import org.travesia.kernel.common.Slug;
import org.travesia.kernel.common.Violations;
import org.travesia.kernel.taxonomy.AccidentSubtype;
import org.travesia.kernel.taxonomy.CauseOfDeath;
import org.travesia.kernel.taxonomy.IncidentType;
import org.travesia.kernel.taxonomy.PerpetratorCategory;

/**
 * The facts of a protection incident as a monitor reports them. Required: type, occurredAt and place (with its
 * country). {@code description} is free text and sensitive: it never appears in logs or public exports.
 */
public record IncidentDetails(IncidentType type, AccidentSubtype accidentSubtype, OccurredAt occurredAt,
                              OffsetDateTime reportedAt, Place place, String routeId, String segmentId,
                              AffectedPeople affected, List<String> nationalities, PerpetratorCategory perpetrator,
                              List<CauseOfDeath> causesOfDeath, Source source, String description, Consent consent) {

    public static final int MAX_DESCRIPTION_LENGTH = 10_000;
    public static final int MAX_NATIONALITIES = 50;
    public static final int MAX_CAUSES_OF_DEATH = 50;

    public IncidentDetails {
        Violations v = new Violations();
        v.check(type != null, "type", "field.required");
        v.check(accidentSubtype == null || type == IncidentType.ACCIDENT, "accidentSubtype",
                "incident.accident-subtype.not-an-accident");
        v.check(occurredAt != null, "occurredAt", "field.required");
        v.check(place != null, "place.country", "field.required");
        v.check(routeId == null || Slug.isValid(routeId), "routeId", "slug.invalid");
        v.check(segmentId == null || Slug.isValid(segmentId), "segmentId", "slug.invalid");
        v.check(segmentId == null || routeId != null, "segmentId", "incident.segment-without-route");
        v.check(description == null || description.length() <= MAX_DESCRIPTION_LENGTH, "description",
                "text.too-long", MAX_DESCRIPTION_LENGTH);
        List<String> given = nationalities == null ? List.of() : nationalities;
        if (given.size() > MAX_NATIONALITIES) {
            // Refused as a whole: looking at each entry of an over-long list is work an attacker would choose.
            v.add("nationalities", "list.too-long", MAX_NATIONALITIES);
        } else {
            for (int i = 0; i < given.size(); i++) {
                String code = given.get(i);
                v.build("nationalities[" + i + "]", () -> Countries.requireIsoAlpha2("", code));
            }
        }
        v.check(causesOfDeath == null || causesOfDeath.size() <= MAX_CAUSES_OF_DEATH, "causesOfDeath", "list.too-long",
                MAX_CAUSES_OF_DEATH);
        v.throwIfAny();
        affected = affected == null ? AffectedPeople.unknown() : affected;
        nationalities = List.copyOf(new LinkedHashSet<>(given));
        causesOfDeath = causesOfDeath == null ? List.of() : List.copyOf(new LinkedHashSet<>(causesOfDeath));
        perpetrator = perpetrator == null ? PerpetratorCategory.UNKNOWN : perpetrator;
        consent = consent == null ? Consent.notObtained() : consent;
    }
}
