package org.travesia.command.incident;

import static org.travesia.command.incident.IncidentFixtures.opened;
import static org.travesia.command.incident.IncidentFixtures.recorded;
import static org.travesia.command.incident.IncidentFixtures.ANA;
import static org.travesia.command.incident.IncidentFixtures.ID;
import static org.travesia.command.incident.IncidentFixtures.JOSE;
import static org.travesia.command.incident.IncidentFixtures.MARIA;
import static org.travesia.command.incident.IncidentFixtures.OTHER_ANALYST;
import static org.travesia.command.incident.IncidentFixtures.reported;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.kernel.common.ConflictException;
import org.travesia.kernel.common.InvalidValueException;
import org.travesia.kernel.common.NotPermittedException;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.incident.AffectedPeople;
import org.travesia.kernel.incident.AmendIncident;
import org.travesia.kernel.incident.IncidentAmended;
import org.travesia.kernel.incident.IncidentDetails;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.kernel.incident.IncidentRetracted;

class AmendIncidentTest {

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void fixture() {
        fixture = IncidentFixtures.fixture();
    }

    @Test
    void theReporterAmendsAFieldWithAReasonAndTheOtherFieldsStay() {
        IncidentFacts onlyTheCounts = new IncidentFacts(null, null, null, null, null, null, null, null,
                new IncidentFacts.Affected(null, 2, null, null, null, null, null, null), null, null, null, null, null,
                null);

        fixture.given(recorded(reported()))
                .when(amend(MARIA, 0, Map.of("affected", Map.of("missing", 2)), "family confirmed two missing"))
                .expectResultMessagePayload(1L)
                .expectEventsMatching(opened(new IncidentAmended(ID, onlyTheCounts, List.of("affected"),
                        "family confirmed two missing")));
    }

    @Test
    void nullSetsAValueBackToUnknown() {
        IncidentDetails withMissing = IncidentFixtures.details(LocalDate.of(2026, 11, 20));
        withMissing = new IncidentDetails(withMissing.type(), null, withMissing.occurredAt(), null, withMissing.place(),
                null, null, new AffectedPeople(null, 2, null, null, null, null, null, null), null, null, null, null,
                withMissing.description(), null);
        Map<String, Object> clearMissing = new HashMap<>();
        clearMissing.put("missing", null);

        fixture.given(recorded(reported(SharingLevel.NETWORK, withMissing)))
                .when(amend(MARIA, 0, Map.of("affected", clearMissing), "count was a guess"))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.predicate(p ->
                                        ((IncidentAmended) p).changedFields().equals(List.of("affected"))
                                                && ((IncidentAmended) p).changes().affected().missing() == null),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void anAnalystOfTheSameOrganisationMayAmendAnotherMonitorsMayNot() {
        fixture.given(recorded(reported()))
                .when(amend(ANA, 0, Map.of("description", "three men taken"), "corrected count"))
                .expectSuccessfulHandlerExecution();
        fixture.given(recorded(reported()))
                .when(amend(JOSE, 0, Map.of("description", "three men taken"), "corrected count"))
                .expectException(NotPermittedException.class);
    }

    @Test
    void anOrganisationThatCannotSeeTheReportIsToldItDoesNotExist() {
        fixture.given(recorded(reported(SharingLevel.ORGANISATION,
                        IncidentFixtures.details(LocalDate.of(2026, 11, 20)))))
                .when(amend(OTHER_ANALYST, 0, Map.of("description", "x"), "y"))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void aStaleVersionIsAConflict() {
        fixture.given(recorded(reported()))
                .when(amend(MARIA, 3, Map.of("description", "x"), "y"))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void aReasonIsMandatory() {
        fixture.given(recorded(reported()))
                .when(amend(MARIA, 0, Map.of("description", "x"), " "))
                .expectException(InvalidValueException.class);
    }

    @Test
    void aRetractedIncidentCannotBeAmended() {
        fixture.given(recorded(reported(), new IncidentRetracted(ID, "fabricated")))
                .when(amend(ANA, 1, Map.of("description", "x"), "y"))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void anAmendmentMustFollowTheSameRulesAsAReport() {
        fixture.given(recorded(reported()))
                .when(amend(MARIA, 0, Map.of("place", Map.of("country", "XX")), "moved"))
                .expectException(InvalidValueException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("changes.place.country"));
        fixture.given(recorded(reported()))
                .when(amend(MARIA, 0, Map.of("occurredAt", "2027-01-01"), "typo"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("incident.occurred-at.in-future"));
        assertThatThrownBy(() -> amend(MARIA, 0, Map.of("sharing", "PUBLIC"), "wider"))
                .hasMessageContaining("incident.change-not-allowed");
    }

    @Test
    void anAmendmentThatChangesNothingIsRefused() {
        fixture.given(recorded(reported()))
                .when(amend(MARIA, 0, Map.of("description", "two men taken"), "same"))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }

    /** An amendment as the HTTP edge builds it from a JSON merge patch. */
    private static AmendIncident amend(org.travesia.kernel.common.Actor actor, long version,
                                       Map<String, Object> changes, String reason) {
        return new AmendIncident(ID, version, IncidentMergePatch.read(changes), reason, actor);
    }
}
