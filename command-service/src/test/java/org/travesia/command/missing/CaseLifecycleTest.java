package org.travesia.command.missing;

import static org.travesia.command.missing.CaseFixtures.ANA;
import static org.travesia.command.missing.CaseFixtures.ID;
import static org.travesia.command.missing.CaseFixtures.MARIA;
import static org.travesia.command.missing.CaseFixtures.opened;
import static org.travesia.command.missing.CaseFixtures.recorded;
import static org.travesia.command.missing.CaseFixtures.reported;
import static org.travesia.command.missing.CaseFixtures.sighting;

import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.kernel.missing.CloseCase;
import org.travesia.kernel.missing.IncidentLinkedToCase;
import org.travesia.kernel.missing.IncidentUnlinkedFromCase;
import org.travesia.kernel.missing.LinkIncidentToCase;
import org.travesia.kernel.missing.MarkFoundAlive;
import org.travesia.kernel.missing.MarkFoundDeceased;
import org.travesia.kernel.missing.MissingPersonCaseClosed;
import org.travesia.kernel.missing.MissingPersonCaseReopened;
import org.travesia.kernel.missing.MissingPersonFactsMapper;
import org.travesia.kernel.missing.MissingPersonFoundAlive;
import org.travesia.kernel.missing.MissingPersonFoundDeceased;
import org.travesia.kernel.missing.RecordSighting;
import org.travesia.kernel.missing.ReopenCase;
import org.travesia.kernel.missing.SightingRecorded;
import org.travesia.kernel.missing.UnlinkIncidentFromCase;

/** Every transition a case may make, as given/when/then. */
class CaseLifecycleTest {

    private AggregateTestFixture<MissingPersonCase> fixture;

    @BeforeEach
    void fixture() {
        fixture = CaseFixtures.fixture();
    }

    @Test
    void aMonitorOfTheOwningOrganisationRecordsASighting() {
        fixture.given(recorded(reported()))
                .when(new RecordSighting(ID, 0L, sighting(LocalDate.of(2026, 10, 9)), MARIA))
                .expectResultMessagePayload(1L)
                .expectEventsMatching(opened(new SightingRecorded(ID, "2026-10-09", "DAY",
                        MissingPersonFactsMapper.toFacts(sighting(LocalDate.of(2026, 10, 9)).place()),
                        "DIRECT_TESTIMONY", "MEDIUM", "seen with a group of six")));
    }

    @Test
    void anIncidentIsLinkedAndUnlinkedWithAReason() {
        fixture.given(recorded(reported()))
                .when(new LinkIncidentToCase(ID, null, "shipwreck-1", "she boarded that boat", ANA))
                .expectEventsMatching(opened(new IncidentLinkedToCase(ID, "shipwreck-1", "she boarded that boat")));
        fixture.given(recorded(reported(), new IncidentLinkedToCase(ID, "shipwreck-1", null)))
                .when(new UnlinkIncidentFromCase(ID, 1L, "shipwreck-1", "she took the next one", ANA))
                .expectEventsMatching(opened(new IncidentUnlinkedFromCase(ID, "shipwreck-1", "she took the next one")));
    }

    @Test
    void thePersonIsFoundAlive() {
        fixture.given(recorded(reported()))
                .when(new MarkFoundAlive(ID, null, LocalDate.of(2026, 11, 20), "in a shelter in Panamá", MARIA))
                .expectEventsMatching(opened(new MissingPersonFoundAlive(ID, "2026-11-20", "in a shelter in Panamá")));
    }

    @Test
    void foundAliveWithoutADateIsFoundToday() {
        fixture.given(recorded(reported()))
                .when(new MarkFoundAlive(ID, null, null, null, MARIA))
                .expectEventsMatching(opened(new MissingPersonFoundAlive(ID, "2026-11-24", null)));
    }

    @Test
    void thePersonIsFoundDeceasedInADeathIncident() {
        fixture.given(recorded(reported()))
                .when(new MarkFoundDeceased(ID, 0L, "death-1", "identified by the scar", ANA))
                .expectEventsMatching(opened(new MissingPersonFoundDeceased(ID, "death-1", "identified by the scar")));
    }

    @Test
    void aCaseIsClosedAndReopenedEachWithAReason() {
        fixture.given(recorded(reported()))
                .when(new CloseCase(ID, 0L, "the family stopped looking", ANA))
                .expectEventsMatching(opened(new MissingPersonCaseClosed(ID, "the family stopped looking")));
        fixture.given(recorded(reported(), new MissingPersonCaseClosed(ID, "stopped")))
                .when(new ReopenCase(ID, 1L, "new information", ANA))
                .expectEventsMatching(opened(new MissingPersonCaseReopened(ID, "new information")));
    }

    @Test
    void aFoundCaseIsReopenedWhenTheWrongPersonWasFound() {
        fixture.given(recorded(reported(), new MissingPersonFoundDeceased(ID, "death-1", null)))
                .when(new ReopenCase(ID, null, "the remains were someone else's", ANA))
                .expectSuccessfulHandlerExecution();
        fixture.given(recorded(reported(), new MissingPersonFoundDeceased(ID, "death-1", null),
                        new MissingPersonCaseReopened(ID, "someone else")))
                .when(new UnlinkIncidentFromCase(ID, null, "death-1", "not her", ANA))
                .expectSuccessfulHandlerExecution();
    }
}
