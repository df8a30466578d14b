package org.travesia.command.route;

import java.util.List;
import java.util.Set;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.kernel.alert.AcknowledgeRouteAlert;
import org.travesia.kernel.alert.AlertFigures;
import org.travesia.kernel.alert.AlertRuleSet;
import org.travesia.kernel.alert.RaiseOutcome;
import org.travesia.kernel.alert.RaiseRouteAlert;
import org.travesia.kernel.alert.ResolveRouteAlert;
import org.travesia.kernel.alert.RouteAlertAcknowledged;
import org.travesia.kernel.alert.RouteAlertRaised;
import org.travesia.kernel.alert.RouteAlertResolved;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.ConflictException;
import org.travesia.kernel.common.Role;
import org.travesia.kernel.route.RouteDefined;
import org.travesia.kernel.route.RouteName;

/** One unresolved alert per rule and segment; an alert id is raised once; only its organisation acts on it. */
class RouteAlertsTest {

    private static final Actor ANA = new Actor("ana", "org-a", Set.of(Role.ANALYST));
    private static final Actor OLGA = new Actor("olga", "org-b", Set.of(Role.ANALYST));
    private static final RouteDefined DARIEN = new RouteDefined("darien", new RouteName("Darién", "Darién"),
            List.of("PA"));
    private static final AlertRuleSet K3 = new AlertRuleSet("darien", "org-a", "k3", "THRESHOLD", null,
            List.of("KIDNAPPING"), 3, null, 7, null, null);
    private static final AlertFigures FIGURES = new AlertFigures(3, 0, 3, null);

    private AggregateTestFixture<MonitoringRoute> fixture;

    @BeforeEach
    void fixture() {
        fixture = RouteFixtures.fixture();
    }

    private static RaiseRouteAlert raise(String alertId, long position) {
        return new RaiseRouteAlert("darien", alertId, "org-a", "k3", "jungle", "2026-11-14", "2026-11-20", FIGURES,
                List.of("i-1", "i-2", "i-3"), position);
    }

    private static RouteAlertRaised raised(String alertId, long position) {
        return new RouteAlertRaised("darien", alertId, "org-a", "k3", "jungle", "2026-11-14", "2026-11-20", FIGURES,
                List.of("i-1", "i-2", "i-3"), position);
    }

    @Test
    void aCrossingRaisesAnAlert() {
        fixture.given(DARIEN, K3)
                .when(raise("darien.a1", 10))
                .expectEvents(raised("darien.a1", 10))
                .expectResultMessagePayload(new RaiseOutcome("darien.a1", true));
    }

    @Test
    void theSameCrossingAskedAgainRaisesNothing() {
        fixture.given(RouteFixtures.recorded(DARIEN, K3, raised("darien.a1", 10),
                        new RouteAlertResolved("darien", "darien.a1", "done")))
                .when(raise("darien.a1", 10))
                .expectNoEvents()
                .expectResultMessagePayload(new RaiseOutcome("darien.a1", false));
    }

    @Test
    void aSecondCrossingWhileTheFirstIsUnresolvedRaisesNothing() {
        fixture.given(RouteFixtures.recorded(DARIEN, K3, raised("darien.a1", 10),
                        new RouteAlertAcknowledged("darien", "darien.a1", "seen")))
                .when(raise("darien.a2", 12))
                .expectNoEvents()
                .expectResultMessagePayload(new RaiseOutcome("darien.a1", false));
    }

    @Test
    void onceResolvedTheRuleMayFireAgain() {
        fixture.given(RouteFixtures.recorded(DARIEN, K3, raised("darien.a1", 10),
                        new RouteAlertResolved("darien", "darien.a1", "done")))
                .when(raise("darien.a2", 12))
                .expectEvents(raised("darien.a2", 12));
    }

    @Test
    void theOrganisationsAnalystsAcknowledgeAndResolveWithANote() {
        fixture.given(DARIEN, K3, raised("darien.a1", 10))
                .when(new AcknowledgeRouteAlert("darien", "darien.a1", "team informed", ANA))
                .expectEventsMatching(RouteFixtures.opened(
                        new RouteAlertAcknowledged("darien", "darien.a1", "team informed")));
        fixture.given(RouteFixtures.recorded(DARIEN, K3, raised("darien.a1", 10),
                        new RouteAlertAcknowledged("darien", "darien.a1", "x")))
                .when(new ResolveRouteAlert("darien", "darien.a1", "found", ANA))
                .expectEventsMatching(RouteFixtures.opened(new RouteAlertResolved("darien", "darien.a1", "found")));
        fixture.given(RouteFixtures.recorded(DARIEN, K3, raised("darien.a1", 10),
                        new RouteAlertResolved("darien", "darien.a1", "done")))
                .when(new ResolveRouteAlert("darien", "darien.a1", "again", ANA))
                .expectException(ConflictException.class);
    }

    @Test
    void toAnotherOrganisationTheAlertDoesNotExist() {
        fixture.given(DARIEN, K3, raised("darien.a1", 10))
                .when(new AcknowledgeRouteAlert("darien", "darien.a1", "mine now", OLGA))
                .expectException(AggregateNotFoundException.class);
    }
}
