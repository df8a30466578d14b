package org.travesia.command.incident;

import static org.travesia.command.incident.IncidentFixtures.ANA;
import static org.travesia.command.incident.IncidentFixtures.ID;
import static org.travesia.command.incident.IncidentFixtures.MARIA;
import static org.travesia.command.incident.IncidentFixtures.OTHER_ANALYST;
import static org.travesia.command.incident.IncidentFixtures.opened;
import static org.travesia.command.incident.IncidentFixtures.recorded;
import static org.travesia.command.incident.IncidentFixtures.reported;

import java.time.LocalDate;
import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.kernel.common.ConflictException;
import org.travesia.kernel.common.NotPermittedException;
import org.travesia.kernel.common.OccurredAt;
import org.travesia.kernel.common.Place;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.incident.AmendIncident;
import org.travesia.kernel.incident.DeriveIncidentRoute;
import org.travesia.kernel.incident.IncidentDetails;
import org.travesia.kernel.incident.IncidentFreeTextRedacted;
import org.travesia.kernel.incident.IncidentRouteDerived;
import org.travesia.kernel.incident.IncidentRouteOverridden;
import org.travesia.kernel.incident.OverrideIncidentRoute;
import org.travesia.kernel.taxonomy.IncidentType;

/**
 * The route an incident counts on: derived from its coordinates when the report names no segment, never over an
 * analyst, never stale, and never in the way of a person's write.
 */
class RouteAssignmentTest {

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void fixture() {
        fixture = IncidentFixtures.fixture();
    }

    private static IncidentRouteDerived derived(String segmentId, long basedOn) {
        return new IncidentRouteDerived(ID, "darien", segmentId, IncidentRouteDerived.POINT_IN_POLYGON, basedOn);
    }

    @Test
    void aReportThatNamesNoRouteGetsTheDerivedOne() {
        fixture.given(reported())
                .when(new DeriveIncidentRoute(ID, "darien", "jungle", 5))
                .expectEvents(derived("jungle", 5));
    }

    @Test
    void theSameDerivationAgainOrAStaleOneRecordsNothing() {
        fixture.given(reported(), derived("jungle", 5))
                .when(new DeriveIncidentRoute(ID, "darien", "jungle", 9))
                .expectNoEvents();
        fixture.given(reported(), derived("jungle", 9))
                .when(new DeriveIncidentRoute(ID, "darien", "uraba", 5))
                .expectNoEvents();
    }

    @Test
    void anAnalystsOverrideWinsFromThenOn() {
        fixture.given(reported())
                .when(new OverrideIncidentRoute(ID, "darien", "uraba", "coordinates are the shelter's", ANA))
                .expectEventsMatching(opened(new IncidentRouteOverridden(ID, "darien", "uraba",
                        "coordinates are the shelter's")));
        fixture.given(recorded(reported(), new IncidentRouteOverridden(ID, "darien", "uraba", "shelter")))
                .when(new DeriveIncidentRoute(ID, "darien", "jungle", 50))
                .expectNoEvents();
    }

    @Test
    void onlyAnAnalystOfTheReportingOrganisationOverrides() {
        fixture.given(reported())
                .when(new OverrideIncidentRoute(ID, "darien", "uraba", "mine", MARIA))
                .expectException(NotPermittedException.class);
        fixture.given(reported())
                .when(new OverrideIncidentRoute(ID, "darien", "uraba", "mine", OTHER_ANALYST))
                .expectException(NotPermittedException.class);
    }

    @Test
    void aDerivationDoesNotMakeAnAmendmentBasedOnTheVersionBeforeItConflict() {
        fixture.given(reported(), derived("jungle", 5))
                .when(new AmendIncident(ID, 0, IncidentMergePatch.read(Map.of("perpetrator", "CRIMINAL_GROUP")),
                        "was a criminal group", MARIA))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(2L);
        fixture.given(recorded(reported(), new IncidentRouteOverridden(ID, "darien", "uraba", "shelter")))
                .when(new AmendIncident(ID, 0, IncidentMergePatch.read(Map.of("perpetrator", "CRIMINAL_GROUP")), "late", MARIA))
                .expectException(ConflictException.class);
    }

    @Test
    void aRedactionIsAPersonsWriteSoAnAmendmentBasedOnTheVersionBeforeItConflicts() {
        fixture.given(recorded(reported(), new IncidentFreeTextRedacted(ID, "names a victim")))
                .when(new AmendIncident(ID, 0, IncidentMergePatch.read(Map.of("perpetrator", "CRIMINAL_GROUP")),
                        "late", MARIA))
                .expectException(ConflictException.class);
    }

    @Test
    void aReportThatNamesItsSegmentIsNeverDerived() {
        IncidentDetails named = new IncidentDetails(IncidentType.KIDNAPPING, null,
                OccurredAt.onDay(LocalDate.of(2026, 11, 20)), null, Place.inCountry("PA"), "darien", "uraba", null, null,
                null, null, null, "two men taken", null);
        fixture.given(reported(SharingLevel.NETWORK, named))
                .when(new DeriveIncidentRoute(ID, "darien", "jungle", 5))
                .expectNoEvents();
    }
}
