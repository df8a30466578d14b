package org.travesia.command.incident;

import static org.travesia.command.incident.IncidentFixtures.opened;
import static org.travesia.command.incident.IncidentFixtures.recorded;
import static org.travesia.command.incident.IncidentFixtures.ANA;
import static org.travesia.command.incident.IncidentFixtures.ID;
import static org.travesia.command.incident.IncidentFixtures.MARIA;
import static org.travesia.command.incident.IncidentFixtures.OTHER_ANALYST;
import static org.travesia.command.incident.IncidentFixtures.reported;

import java.time.LocalDate;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.kernel.common.ConflictException;
import org.travesia.kernel.common.InvalidValueException;
import org.travesia.kernel.common.NotPermittedException;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.incident.AttachSource;
import org.travesia.kernel.incident.ChangeSharing;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.kernel.incident.IncidentMarkedAsDuplicate;
import org.travesia.kernel.incident.IncidentRetracted;
import org.travesia.kernel.incident.IncidentVerified;
import org.travesia.kernel.incident.MarkIncidentAsDuplicate;
import org.travesia.kernel.incident.RetractIncident;
import org.travesia.kernel.incident.SharingChanged;
import org.travesia.kernel.incident.Source;
import org.travesia.kernel.incident.SourceAttached;
import org.travesia.kernel.incident.VerifyIncident;
import org.travesia.kernel.taxonomy.SourceType;

/** Verification, duplicates, retraction, sharing and corroborating sources. */
class CurateIncidentTest {

    private static final Source PARTNER = new Source(SourceType.PARTNER_ORGANISATION, 4, "MSF");
    private static final IncidentFacts.Source PARTNER_AS_RECORDED = new IncidentFacts.Source("PARTNER_ORGANISATION", 4,
            "MSF");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void fixture() {
        fixture = IncidentFixtures.fixture();
    }

    @Test
    void anAnalystVerifiesOnce() {
        fixture.given(recorded(reported()))
                .when(new VerifyIncident(ID, 0L, "matches the shelter's intake", ANA))
                .expectResultMessagePayload(1L)
                .expectEventsMatching(opened(new IncidentVerified(ID, "matches the shelter's intake")));
        fixture.given(recorded(reported(), new IncidentVerified(ID, "ok")))
                .when(new VerifyIncident(ID, null, "again", ANA))
                .expectException(ConflictException.class);
    }

    @Test
    void anotherOrganisationFindsASharedReportWithoutConsentNoMoreThanOneNeverShared() {
        Object withoutConsent = reported(SharingLevel.NETWORK, IncidentFixtures.detailsWithoutConsent(DAY));
        fixture.given(recorded(withoutConsent))
                .when(new VerifyIncident(ID, null, "ok", OTHER_ANALYST))
                .expectException(AggregateNotFoundException.class);
        fixture.given(recorded(withoutConsent))
                .when(new VerifyIncident(ID, null, "ok", ANA))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void onlyAnalystsOfTheReportingOrganisationCurate() {
        fixture.given(recorded(reported()))
                .when(new VerifyIncident(ID, null, "ok", OTHER_ANALYST))
                .expectException(NotPermittedException.class);
        fixture.given(recorded(reported()))
                .when(new RetractIncident(ID, null, "no", MARIA))
                .expectException(NotPermittedException.class);
    }

    @Test
    void aDuplicatePointsToTheIncidentThatSurvives() {
        fixture.given(recorded(reported()))
                .when(new MarkIncidentAsDuplicate(ID, null, "i-2", "same event, two monitors", ANA))
                .expectEventsMatching(opened(
                        new IncidentMarkedAsDuplicate(ID, "i-2", "same event, two monitors")));
        fixture.given(recorded(reported()))
                .when(new MarkIncidentAsDuplicate(ID, null, ID, "itself", ANA))
                .expectException(InvalidValueException.class);
        fixture.given(recorded(reported(), new IncidentMarkedAsDuplicate(ID, "i-2", "dup")))
                .when(new VerifyIncident(ID, null, "ok", ANA))
                .expectException(ConflictException.class);
    }

    @Test
    void aRetractedIncidentKeepsItsHistoryButChangesNoMore() {
        fixture.given(recorded(reported()))
                .when(new RetractIncident(ID, 0L, "reported in error", ANA))
                .expectEventsMatching(opened(new IncidentRetracted(ID, "reported in error")));
        fixture.given(recorded(reported(), new IncidentRetracted(ID, "error")))
                .when(new ChangeSharing(ID, null, SharingLevel.PUBLIC, "publish", ANA))
                .expectException(ConflictException.class);
        fixture.given(recorded(reported()))
                .when(new RetractIncident(ID, null, "", ANA))
                .expectException(InvalidValueException.class);
    }

    @Test
    void sharingChangesWithAReasonAndRecordsWhereItCameFrom() {
        fixture.given(recorded(reported()))
                .when(new ChangeSharing(ID, 0L, SharingLevel.PUBLIC, "consent for publication", ANA))
                .expectEventsMatching(opened(
                        new SharingChanged(ID, "NETWORK", "PUBLIC", "consent for publication")));
        fixture.given(recorded(reported()))
                .when(new ChangeSharing(ID, null, SharingLevel.NETWORK, "same", ANA))
                .expectException(InvalidValueException.class);
    }

    @Test
    void aMonitorOfTheOrganisationAttachesACorroboratingSource() {
        fixture.given(recorded(reported()))
                .when(new AttachSource(ID, null, PARTNER, IncidentFixtures.JOSE))
                .expectResultMessagePayload(1L)
                .expectEventsMatching(opened(new SourceAttached(ID, PARTNER_AS_RECORDED)));
    }
}
