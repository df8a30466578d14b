package org.travesia.command.route;

import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import org.travesia.platform.testing.SealedEvents;
import org.travesia.platform.testing.TestPrivacy;

/** The route aggregate's fixture, with the key store its reasons and notes are sealed with. */
final class RouteFixtures {

    /** One key store for every fixture of the run. */
    private static final TestPrivacy PRIVACY = TestPrivacy.inMemory();

    private RouteFixtures() {
    }

    static AggregateTestFixture<MonitoringRoute> fixture() {
        AggregateTestFixture<MonitoringRoute> fixture = new AggregateTestFixture<>(MonitoringRoute.class);
        fixture.registerInjectableResource(PRIVACY.cipher());
        return fixture;
    }

    /** The events as the store holds them: reasons and notes sealed. */
    static Object[] recorded(Object... events) {
        return SealedEvents.sealed(PRIVACY.cipher(), events);
    }

    /** Matches recorded events that, opened, are these (and whose reasons and notes were sealed). */
    static Matcher<List<EventMessage<?>>> opened(Object... events) {
        return SealedEvents.openedAs(PRIVACY.cipher(), events);
    }
}
