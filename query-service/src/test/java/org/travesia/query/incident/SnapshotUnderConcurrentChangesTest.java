package org.travesia.query.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.ConflictException;
import org.travesia.kernel.common.ConsentUse;
import org.travesia.kernel.common.MetadataKeys;
import org.travesia.kernel.common.Role;
import org.travesia.kernel.incident.FindIncidents;
import org.travesia.kernel.incident.IncidentAmended;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.kernel.incident.IncidentReported;
import org.travesia.platform.testing.TestPrivacy;
import org.travesia.query.incident.api.IncidentSelection;
import org.travesia.query.incident.api.IncidentSnapshot;
import org.travesia.query.incident.api.IncidentState;
import org.travesia.query.incident.api.RequiredConsent;
import org.travesia.query.incident.api.SnapshotPin;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A snapshot read while incidents change gives each incident once, as it was at the pinned position: changed just
 * before it started, changed after its row was given, changed before its row was reached (moved earlier or later in
 * the order, or out of the search), and created since. The projection itself writes the read model, event by event
 * with their positions, between the snapshot's batches.
 */
class SnapshotUnderConcurrentChangesTest {

    private static final Actor READER = new Actor("ana", "org-a", Set.of(Role.ANALYST));
    private static final String ROUTE = "darien";
    private static final IncidentSelection ON_THE_ROUTE = new IncidentSelection(new FindIncidents(ROUTE, null, null,
            null, null, null, null, null, null, null, null), Set.of(), Set.of(), RequiredConsent.none());
    /** The same, for an audience that needs each report's consent to aggregated advocacy. */
    private static final IncidentSelection AGGREGATED = new IncidentSelection(ON_THE_ROUTE.find(), Set.of(), Set.of(),
            new RequiredConsent(Set.of(ConsentUse.ADVOCACY_AGGREGATED), Set.of()));
    private static final IncidentFacts.Consent ADVOCACY = new IncidentFacts.Consent(true,
            List.of("ADVOCACY_AGGREGATED"));

    private TestPrivacy privacy;
    private IncidentProjection projection;
    private MongoIncidentReads reads;
    private long head;
    /** Whether the processor runs from replay tokens. */
    private boolean replaying;

    @BeforeEach
    void start() {
        privacy = TestPrivacy.inMemory();
        IncidentReadModel readModel = new IncidentReadModel(privacy.mongo().database());
        projection = new IncidentProjection(readModel, new ProjectionProgress(), new IncidentMetrics(new SimpleMeterRegistry()));
        AppliedPositions everythingApplied = new AppliedPositions() {
            @Override
            public long appliedUpTo() {
                return head;
            }

            @Override
            public long allocatedUpTo() {
                return head;
            }

            @Override
            public long eventHead() {
                return head;
            }

            @Override
            public boolean replaying() {
                return replaying;
            }
        };
        reads = new MongoIncidentReads(readModel, privacy.cipher(), everythingApplied, new ProjectionProgress(), 3, 100,
                Duration.ZERO);
    }

    @AfterEach
    void stop() {
        privacy.close();
    }

    @Test
    void everyIncidentIsGivenOnceAsItWasAtThePinnedPosition() {
        for (int day = 1; day <= 12; day++) {
            report("i" + day, day);
        }
        amend("i2", 0, dead(2));
        SnapshotPin pin = reads.pin();
        amend("i3", 0, dead(3));

        List<IncidentState> given = new ArrayList<>();
        try (IncidentSnapshot snapshot = reads.snapshot(READER, ON_THE_ROUTE, pin)) {
            for (int i = 0; i < 4; i++) {
                given.add(snapshot.next());
            }
            amend("i1", 0, dead(1));
            amend("i6", 0, occurredOn(0));
            amend("i7", 0, occurredOn(30));
            amend("i8", 0, new IncidentFacts(null, null, null, null, null, null, "elsewhere", null, null, null, null,
                    null, null, null, null), "routeId");
            amend("i9", 0, dead(9));
            amend("i9", 1, dead(90));
            report("i0", 5);
            snapshot.forEachRemaining(given::add);
        }

        assertThat(given).extracting(IncidentState::incidentId)
                .containsExactly("i1", "i2", "i3", "i4", "i5", "i6", "i7", "i8", "i9", "i10", "i11", "i12");
        assertThat(given).filteredOn(state -> state.incidentId().equals("i2")).extracting(IncidentState::version)
                .as("changed before the pin: as changed").containsExactly(1L);
        assertThat(given).filteredOn(state -> !state.incidentId().equals("i2")).extracting(IncidentState::version)
                .as("changed after the pin: as they were at it").containsOnly(0L);
        assertThat(given).filteredOn(state -> state.incidentId().equals("i6"))
                .extracting(state -> state.details().occurredAt()).containsExactly(LocalDate.of(2026, 1, 6).toString());
        assertThat(given).filteredOn(state -> state.incidentId().equals("i8"))
                .extracting(state -> state.details().routeId()).containsExactly(ROUTE);
    }

    @Test
    void anIncidentChangedWhileItsBatchIsReadIsGivenOnce() {
        for (int day = 1; day <= 6; day++) {
            report("i" + day, day);
        }
        SnapshotPin pin = reads.pin();

        List<String> given = new ArrayList<>();
        try (IncidentSnapshot snapshot = reads.snapshot(READER, ON_THE_ROUTE, pin)) {
            given.add(snapshot.next().incidentId());
            // Its batch (i1 to i3) has been read from the store already: the change is seen by the next look.
            amend("i2", 0, dead(2));
            amend("i5", 0, dead(5));
            snapshot.forEachRemaining(state -> given.add(state.incidentId()));
        }

        assertThat(given).containsExactly("i1", "i2", "i3", "i4", "i5", "i6");
    }

    @Test
    void aPartnerIsNotGivenAnIncidentWhoseConsentWasWithdrawnWhileTheSnapshotRuns() {
        Actor partner = new Actor("bea", "org-b", Set.of(Role.ANALYST));
        IncidentFacts.Consent protection = new IncidentFacts.Consent(true, List.of("PROTECTION"));
        for (int day = 1; day <= 6; day++) {
            report("i" + day, day, protection);
        }
        SnapshotPin pin = reads.pin();

        List<String> given = new ArrayList<>();
        try (IncidentSnapshot snapshot = reads.snapshot(partner, ON_THE_ROUTE, pin)) {
            given.add(snapshot.next().incidentId());
            withdrawConsent("i5");
            snapshot.forEachRemaining(state -> given.add(state.incidentId()));
        }

        assertThat(given).as("i5 had consent at the pin, and has it no more").containsExactly("i1", "i2", "i3", "i4",
                "i6");
    }

    @Test
    void aReportWhoseRequiredConsentWasWithdrawnWhileTheSnapshotRunsIsLeftOutAndCountedAsWithheld() {
        for (int day = 1; day <= 6; day++) {
            report("i" + day, day, day == 4 ? null : ADVOCACY);
        }
        SnapshotPin pin = reads.pin();

        List<String> given = new ArrayList<>();
        try (IncidentSnapshot snapshot = reads.snapshot(READER, AGGREGATED, pin)) {
            given.add(snapshot.next().incidentId());
            withdrawConsent("i5");
            snapshot.forEachRemaining(state -> given.add(state.incidentId()));

            assertThat(given).containsExactly("i1", "i2", "i3", "i6");
            assertThat(snapshot.withheld()).as("i4 lacked the consent at the pin, i5 lacks it now").isEqualTo(2);
        }
    }

    @Test
    void aPartnersReportThatLackedTheConsentAtThePinAndIsNoLongerVisibleIsNotCounted() {
        Actor partner = new Actor("bea", "org-b", Set.of(Role.ANALYST));
        IncidentSelection litigation = new IncidentSelection(ON_THE_ROUTE.find(), Set.of(), Set.of(),
                new RequiredConsent(Set.of(ConsentUse.LITIGATION), Set.of()));
        for (int day = 1; day <= 6; day++) {
            report("i" + day, day, new IncidentFacts.Consent(true, List.of("PROTECTION")));
        }
        SnapshotPin pin = reads.pin();
        withdrawConsent("i5");

        try (IncidentSnapshot snapshot = reads.snapshot(partner, litigation, pin)) {
            snapshot.forEachRemaining(state -> { });

            assertThat(snapshot.withheld()).as("org-b may not see i5 now: not even counted").isEqualTo(5);
        }
    }

    @Test
    void whatIsWithheldIsCountedAsTheRowsAreRead() {
        for (int day = 1; day <= 7; day++) {
            report("i" + day, day, day % 2 == 0 ? null : ADVOCACY);
        }
        SnapshotPin pin = reads.pin();

        try (IncidentSnapshot snapshot = reads.snapshot(READER, AGGREGATED, pin)) {
            assertThat(snapshot.withheld()).as("nothing read yet").isZero();
            List<String> given = new ArrayList<>();
            snapshot.forEachRemaining(state -> given.add(state.incidentId()));

            assertThat(given).containsExactly("i1", "i3", "i5", "i7");
            assertThat(snapshot.withheld()).isEqualTo(3);
        }
    }

    @Test
    void aSnapshotWhoseReadModelIsRebuiltUnderItStopsRatherThanEndAsIfComplete() {
        for (int day = 1; day <= 9; day++) {
            report("i" + day, day);
        }
        SnapshotPin pin = reads.pin();

        try (IncidentSnapshot snapshot = reads.snapshot(READER, ON_THE_ROUTE, pin)) {
            snapshot.next();
            // A replay starts: the read model is emptied, to be filled again from the first event.
            projection.reset();

            assertThatThrownBy(() -> snapshot.forEachRemaining(state -> { }))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("rebuilt");
        }
    }

    @Test
    void aSnapshotPinnedBeforeAReplayStartedStopsAtItsFirstBatch() {
        for (int day = 1; day <= 9; day++) {
            report("i" + day, day);
        }
        SnapshotPin pin = reads.pin();
        projection.reset();

        try (IncidentSnapshot snapshot = reads.snapshot(READER, ON_THE_ROUTE, pin)) {
            assertThatThrownBy(snapshot::hasNext).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("rebuilt");
        }
    }

    @Test
    void noSnapshotIsPinnedAfterAResetUntilTheProcessorRunsFromReplayTokens() {
        for (int day = 1; day <= 3; day++) {
            report("i" + day, day);
        }
        projection.reset();

        assertThatThrownBy(reads::pin).isInstanceOf(ConflictException.class)
                .hasMessage("snapshot.read-model-rebuilding");
        // A reset whose replay tokens were never stored: the processor goes on from its old tokens, live.
        report("i4", 4);
        assertThatThrownBy(reads::pin).as("the read model lost i1 to i3 for good").isInstanceOf(ConflictException.class)
                .hasMessage("snapshot.read-model-rebuilding");

        replaying = true;
        assertThat(reads.pin().position()).as("the replay runs: pinned where it has got").isEqualTo(head);
        replaying = false;
        assertThat(reads.pin().position()).isEqualTo(head);
    }

    @Test
    void aReadHeldInMemoryIsRefusedWhileAReplayRuns() {
        report("i1", 1);
        SnapshotPin pin = reads.pin();
        reads.ensureSettledSince(pin);

        replaying = true;

        assertThatThrownBy(() -> reads.ensureSettledSince(pin)).as("the history is being rebuilt under an as-of read")
                .isInstanceOf(ConflictException.class).hasMessage("snapshot.read-model-rebuilding");
    }

    private void report(String id, int day) {
        report(id, day, null);
    }

    private void report(String id, int day, IncidentFacts.Consent consent) {
        IncidentFacts facts = new IncidentFacts("KIDNAPPING", null, LocalDate.of(2026, 1, day).toString(), "DAY", null,
                new IncidentFacts.Place("PA", null, null, null, null, null), ROUTE, null, null, null, null, null, null,
                null, consent);
        apply(id, 0, new IncidentReported(id, "org-a", "maria", "client-" + id, "fp-" + id, facts, "NETWORK"));
    }

    private void amend(String id, long expectedVersion, IncidentFacts changes, String... fields) {
        apply(id, expectedVersion + 1, new IncidentAmended(id, changes,
                fields.length == 0 ? List.of(changes.affected() != null ? "affected" : "occurredAt") : List.of(fields),
                "corrected"));
    }

    private void withdrawConsent(String id) {
        amend(id, 0, new IncidentFacts(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                new IncidentFacts.Consent(false, List.of())), "consent");
    }

    private static IncidentFacts dead(int dead) {
        return new IncidentFacts(null, null, null, null, null, null, null, null,
                new IncidentFacts.Affected(dead, null, null, null, null, null, null, null), null, null, null, null, null,
                null);
    }

    private static IncidentFacts occurredOn(int dayOfJanuary) {
        LocalDate day = dayOfJanuary == 0 ? LocalDate.of(2025, 12, 31) : LocalDate.of(2026, 1, 1).plusDays(dayOfJanuary - 1);
        return new IncidentFacts(null, null, day.toString(), null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** Applies one event at the next position, as the processor would, and moves the projection's token past it. */
    private void apply(String id, long sequence, Object event) {
        head++;
        GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>("Incident", id, sequence, event,
                MetaData.with(MetadataKeys.GLOBAL_POSITION, head).and(MetadataKeys.USER, "maria")
                        .and(MetadataKeys.ORGANISATION, "org-a"));
        if (event instanceof IncidentReported reported) {
            projection.on(reported, sequence, message);
        } else {
            projection.on((IncidentAmended) event, sequence, message);
        }
    }
}
