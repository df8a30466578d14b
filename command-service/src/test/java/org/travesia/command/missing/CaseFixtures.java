package org.travesia.command.missing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.Consent;
import org.travesia.kernel.common.ConsentUse;
import org.travesia.kernel.common.OccurredAt;
import org.travesia.kernel.common.Place;
import org.travesia.kernel.common.Role;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.common.TimePrecision;
import org.travesia.kernel.missing.AgeRange;
import org.travesia.kernel.missing.ConsentGiver;
import org.travesia.kernel.missing.LastSeen;
import org.travesia.kernel.missing.MissingPerson;
import org.travesia.kernel.missing.MissingPersonFactsMapper;
import org.travesia.kernel.missing.MissingPersonReport;
import org.travesia.kernel.missing.MissingPersonReported;
import org.travesia.kernel.missing.Relationship;
import org.travesia.kernel.missing.ReportMissingPerson;
import org.travesia.kernel.missing.Reporter;
import org.travesia.kernel.missing.Sex;
import org.travesia.kernel.missing.Sighting;
import org.travesia.kernel.missing.SightingConfidence;
import org.travesia.kernel.taxonomy.SourceType;
import org.travesia.platform.privacy.DataSubject;
import org.travesia.platform.privacy.PersonalDataCipher;
import org.travesia.platform.testing.SealedEvents;
import org.travesia.platform.testing.TestPrivacy;

/** Small builders for the case tests: Rosa, reported missing by her brother to org-a, and who acts on her case. */
final class CaseFixtures {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    static final String ID = "case-1";
    static final Actor MARIA = new Actor("maria", "org-a", Set.of(Role.MONITOR));
    static final Actor ANA = new Actor("ana", "org-a", Set.of(Role.ANALYST));
    static final Actor ADMIN = new Actor("root", "org-a", Set.of(Role.ADMIN));
    static final Actor OTHER_ANALYST = new Actor("olga", "org-b", Set.of(Role.ANALYST));
    static final Actor OTHER_ADMIN = new Actor("otto", "org-b", Set.of(Role.ADMIN));

    private static final TestPrivacy PRIVACY = TestPrivacy.inMemory();

    private CaseFixtures() {
    }

    static AggregateTestFixture<MissingPersonCase> fixture() {
        AggregateTestFixture<MissingPersonCase> fixture = new AggregateTestFixture<>(MissingPersonCase.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(PRIVACY.cipher());
        fixture.registerInjectableResource(PRIVACY.blindIndex());
        return fixture;
    }

    static PersonalDataCipher cipher() {
        return PRIVACY.cipher();
    }


    static MissingPersonReport report(LocalDate lastSeenOn) {
        MissingPerson rosa = new MissingPerson("Rosa María Ibarra", List.of("La Flaca"), Sex.FEMALE,
                new AgeRange(22, 23), 2003, "VE", List.of("es"), "scar on the left hand");
        LastSeen lastSeen = new LastSeen(new OccurredAt(lastSeenOn, null, TimePrecision.DAY),
                new Place("PA", "Darién", null, "Bajo Chiquito", null, null), "darien", "bajo-chiquito");
        return new MissingPersonReport(rosa, lastSeen, new Reporter(Relationship.SIBLING, "+58 412 555 0101"),
                new Consent(true, List.of(ConsentUse.PROTECTION, ConsentUse.FAMILY_TRACING)), ConsentGiver.REPORTER);
    }

    static ReportMissingPerson reportCommand(String fingerprint, LocalDate lastSeenOn) {
        return new ReportMissingPerson(ID, "org-a", "maria", "r-1", fingerprint, report(lastSeenOn),
                SharingLevel.ORGANISATION);
    }

    /** The report as it is recorded, before sealing: what opening the recorded event gives back. */
    static MissingPersonReported reported(String fingerprint, SharingLevel sharing) {
        return reported(ID, fingerprint, sharing);
    }

    /** A report of another case: tests that shred a key use their own, since every fixture shares one key store. */
    static MissingPersonReported reported(String caseId, String fingerprint, SharingLevel sharing) {
        MissingPersonReport report = report(LocalDate.of(2026, 10, 2));
        List<String> tokens = new ArrayList<>(PRIVACY.blindIndex().ofNames(List.of("Rosa María Ibarra", "La Flaca")));
        tokens.add(PRIVACY.blindIndex().ofBirthYear(2003));
        return new MissingPersonReported(caseId, "org-a", "maria", "r-1", fingerprint,
                MissingPersonFactsMapper.toFacts(report.person()), MissingPersonFactsMapper.toFacts(report.lastSeen()),
                MissingPersonFactsMapper.toFacts(report.reporter()), MissingPersonFactsMapper.toFacts(report),
                sharing.name(), tokens);
    }

    static MissingPersonReported reported() {
        return reported("fp-1", SharingLevel.ORGANISATION);
    }

    static Sighting sighting(LocalDate on) {
        return new Sighting(OccurredAt.onDay(on), new Place("PA", "Darién", null, "Canaán Membrillo", null, null),
                SourceType.DIRECT_TESTIMONY, SightingConfidence.MEDIUM, "seen with a group of six");
    }

    /** The events as the store holds them: personal fields sealed. */
    static Object[] recorded(Object... events) {
        return SealedEvents.sealed(PRIVACY.cipher(), events);
    }

    /** Matches recorded events that, opened, are these. */
    static Matcher<List<EventMessage<?>>> opened(Object... events) {
        return SealedEvents.openedAs(PRIVACY.cipher(), events);
    }
}
