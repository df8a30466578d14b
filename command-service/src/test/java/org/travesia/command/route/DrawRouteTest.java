package org.travesia.command.route;

import java.util.List;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.command.route.MonitoringRoute.Defined;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.ConflictException;
import org.travesia.kernel.common.InvalidValueException;
import org.travesia.kernel.common.NotPermittedException;
import org.travesia.kernel.common.Role;
import org.travesia.kernel.route.AddSegment;
import org.travesia.kernel.route.Area;
import org.travesia.kernel.route.DefineRoute;
import org.travesia.kernel.route.RedrawSegment;
import org.travesia.kernel.route.RetireSegment;
import org.travesia.kernel.route.RouteDefined;
import org.travesia.kernel.route.RouteName;
import org.travesia.kernel.route.SegmentAdded;
import org.travesia.kernel.route.SegmentRedrawn;
import org.travesia.kernel.route.SegmentRetired;

/** Analysts define routes (again, harmlessly) and add, redraw and retire segments; a segment id is never reused. */
class DrawRouteTest {

    private static final Actor ANA = new Actor("ana", "org-a", Set.of(Role.ANALYST));
    private static final Actor MARIA = new Actor("maria", "org-a", Set.of(Role.MONITOR));
    private static final RouteName NAME = new RouteName("Darién Gap", "Tapón del Darién");
    private static final RouteDefined DARIEN = new RouteDefined("darien", NAME, List.of("CO", "PA"));
    private static final Area BOX = Area.of(List.of(List.of(List.of(List.of(-78.0, 7.0), List.of(-77.0, 7.0),
            List.of(-77.0, 8.0), List.of(-78.0, 8.0), List.of(-78.0, 7.0)))));
    private static final SegmentAdded JUNGLE = new SegmentAdded("darien", "jungle", NAME, BOX, List.of(), false);

    private AggregateTestFixture<MonitoringRoute> fixture;

    @BeforeEach
    void fixture() {
        fixture = RouteFixtures.fixture();
    }

    @Test
    void anAnalystDefinesARouteAndDefiningItAgainChangesNothing() {
        fixture.givenNoPriorActivity()
                .when(new DefineRoute("darien", NAME, List.of("CO", "PA"), ANA))
                .expectEvents(DARIEN)
                .expectResultMessagePayload(new Defined("darien", true));
        fixture.given(DARIEN)
                .when(new DefineRoute("darien", NAME, List.of("CO", "PA"), ANA))
                .expectNoEvents()
                .expectResultMessagePayload(new Defined("darien", false));
        fixture.given(DARIEN)
                .when(new DefineRoute("darien", NAME, List.of("PA"), ANA))
                .expectException(ConflictException.class);
    }

    @Test
    void aMonitorDrawsNoRoute() {
        fixture.givenNoPriorActivity()
                .when(new DefineRoute("darien", NAME, List.of("PA"), MARIA))
                .expectException(NotPermittedException.class);
    }

    @Test
    void segmentsAreAddedRedrawnAndRetiredAndTheirIdsNeverReused() {
        fixture.given(DARIEN)
                .when(new AddSegment("darien", "jungle", NAME, BOX, List.of(), false, ANA))
                .expectEvents(JUNGLE);
        fixture.given(DARIEN, JUNGLE)
                .when(new RedrawSegment("darien", "jungle", BOX, List.of("Darién"), false, "surveyed", ANA))
                .expectEventsMatching(RouteFixtures.opened(
                        new SegmentRedrawn("darien", "jungle", BOX, List.of("Darién"), false, "surveyed")));
        fixture.given(DARIEN, JUNGLE)
                .when(new RetireSegment("darien", "jungle", "not used", ANA))
                .expectEventsMatching(RouteFixtures.opened(new SegmentRetired("darien", "jungle", "not used")));
        fixture.given(RouteFixtures.recorded(DARIEN, JUNGLE, new SegmentRetired("darien", "jungle", "not used")))
                .when(new AddSegment("darien", "jungle", NAME, BOX, List.of(), false, ANA))
                .expectException(ConflictException.class);
        fixture.given(RouteFixtures.recorded(DARIEN, JUNGLE, new SegmentRetired("darien", "jungle", "not used")))
                .when(new RedrawSegment("darien", "jungle", BOX, List.of(), false, "again", ANA))
                .expectException(InvalidValueException.class);
    }
}
