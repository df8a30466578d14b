package org.travesia.command.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.Matcher;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.Consent;
import org.travesia.kernel.common.ConsentUse;
import org.travesia.kernel.common.OccurredAt;
import org.travesia.kernel.common.Place;
import org.travesia.kernel.common.Role;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.incident.IncidentDetails;
import org.travesia.kernel.incident.IncidentFactsMapper;
import org.travesia.kernel.incident.IncidentReported;
import org.travesia.kernel.incident.ReportIncident;
import org.travesia.kernel.taxonomy.IncidentType;
import org.travesia.platform.testing.SealedEvents;
import org.travesia.platform.testing.TestPrivacy;

/** Small builders for the aggregate tests: one incident, reported by Maria of org-a, seen by various people. */
final class IncidentFixtures {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    static final String ID = "i-1";
    static final Actor MARIA = new Actor("maria", "org-a", Set.of(Role.MONITOR));
    static final Actor JOSE = new Actor("jose", "org-a", Set.of(Role.MONITOR));
    static final Actor ANA = new Actor("ana", "org-a", Set.of(Role.ANALYST));
    static final Actor OTHER_ANALYST = new Actor("olga", "org-b", Set.of(Role.ANALYST));

    private IncidentFixtures() {
    }

    /** One key store for every fixture of the run. */
    private static final TestPrivacy PRIVACY = TestPrivacy.inMemory();

    static AggregateTestFixture<Incident> fixture() {
        AggregateTestFixture<Incident> fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(PRIVACY.cipher());
        return fixture;
    }

    /** The events as the store holds them: personal fields sealed. */
    static Object[] recorded(Object... events) {
        return SealedEvents.sealed(PRIVACY.cipher(), events);
    }

    static org.travesia.platform.privacy.PersonalDataCipher cipher() {
        return PRIVACY.cipher();
    }

    /** Matches recorded events that, opened, are these. */
    static Matcher<List<EventMessage<?>>> opened(Object... events) {
        return SealedEvents.openedAs(PRIVACY.cipher(), events);
    }

    static ReportIncident report(String fingerprint, LocalDate occurredOn) {
        return new ReportIncident(ID, "org-a", "maria", "r-1", fingerprint, details(occurredOn), SharingLevel.NETWORK);
    }

    static IncidentReported reported(String fingerprint, LocalDate occurredOn) {
        return reported(SharingLevel.NETWORK, details(occurredOn));
    }

    static IncidentReported reported() {
        return reported("fp-1", LocalDate.of(2026, 11, 20));
    }

    static IncidentReported reported(SharingLevel sharing, IncidentDetails details) {
        return new IncidentReported(ID, "org-a", "maria", "r-1", "fp-1", IncidentFactsMapper.toFacts(details),
                sharing.name());
    }

    /** Consenting to the partners' use, so that another organisation's analyst finds the report: the rule tried decides. */
    static IncidentDetails details(LocalDate occurredOn) {
        return new IncidentDetails(IncidentType.KIDNAPPING, null, OccurredAt.onDay(occurredOn), null,
                Place.inCountry("PA"), null, null, null, null, null, null, null, "two men taken",
                new Consent(true, List.of(ConsentUse.PROTECTION)));
    }

    /** The same, recorded without consent: no other organisation may see it, whatever its sharing. */
    static IncidentDetails detailsWithoutConsent(LocalDate occurredOn) {
        return new IncidentDetails(IncidentType.KIDNAPPING, null, OccurredAt.onDay(occurredOn), null,
                Place.inCountry("PA"), null, null, null, null, null, null, null, "two men taken", null);
    }
}
