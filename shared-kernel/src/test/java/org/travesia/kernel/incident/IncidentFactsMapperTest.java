package org.travesia.kernel.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.travesia.kernel.incident.IncidentFactsBuilder.kidnapping;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.travesia.kernel.common.Violation;
import org.travesia.kernel.common.Violations;

/**
 * Validated values become plain facts and back without losing anything, and plain facts meet today's rules with
 * today's codes, each at its field's path.
 */
class IncidentFactsMapperTest {

    @Test
    void validFactsBecomeDetailsAndComeBackTheSame() {
        Violations v = new Violations();
        IncidentDetails details = IncidentFactsMapper.toDetails(kidnapping(), v);

        assertThat(v.list()).isEmpty();
        assertThat(IncidentFactsMapper.toFacts(details)).isEqualTo(kidnapping());
    }

    @Test
    void factsThatBreakTodaysRulesAreRefusedWithTodaysCodesAtTheirPaths() {
        IncidentFacts broken = IncidentFactsBuilder.withPlace(
                IncidentFactsBuilder.withAffected(kidnapping(),
                        new IncidentFacts.Affected(-1, null, null, null, null, null, null, null)),
                new IncidentFacts.Place("YU", null, null, null, null, "NEARBY"));
        broken = IncidentFactsBuilder.withDescription(broken, "x".repeat(IncidentDetails.MAX_DESCRIPTION_LENGTH + 1));

        Violations v = new Violations();
        IncidentFactsMapper.toDetails(broken, v);

        assertThat(v.list()).extracting(Violation::field, Violation::code).containsExactlyInAnyOrder(
                tuple("place.precision", "enum.unknown"),
                tuple("place.country", "country.unknown"),
                tuple("affected.dead", "count.negative"),
                tuple("description", "text.too-long"));
    }

    @Test
    void anOverLongListIsRefusedAsAWholeWithoutLookingAtItsEntries() {
        List<String> tooMany = Collections.nCopies(IncidentDetails.MAX_CAUSES_OF_DEATH + 1, "NOT_A_CAUSE");
        IncidentFacts f = kidnapping();
        IncidentFacts listed = new IncidentFacts(f.type(), f.accidentSubtype(), f.occurredAt(),
                f.occurredAtPrecision(), f.reportedAt(), f.place(), f.routeId(), f.segmentId(), f.affected(),
                tooMany, f.perpetrator(), tooMany, f.source(), f.description(),
                new IncidentFacts.Consent(true, tooMany));

        Violations v = new Violations();
        IncidentFactsMapper.toDetails(listed, v);

        assertThat(v.list()).extracting(Violation::field, Violation::code).containsExactlyInAnyOrder(
                tuple("nationalities", "list.too-long"),
                tuple("causesOfDeath", "list.too-long"),
                tuple("consent.uses", "list.too-long"));
    }
}
