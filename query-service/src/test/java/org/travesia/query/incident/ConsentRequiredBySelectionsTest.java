package org.travesia.query.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.travesia.query.incident.StoredIncident.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.ConsentUse;
import org.travesia.kernel.common.Role;
import org.travesia.kernel.incident.FindIncidents;
import org.travesia.platform.testing.TestPrivacy;
import org.travesia.query.incident.api.IncidentSelection;
import org.travesia.query.incident.api.IncidentState;
import org.travesia.query.incident.api.Reach;
import org.travesia.query.incident.api.RequiredConsent;

/**
 * A selection that requires consent gets only incidents that carry it (or a public dataset's licence instead), and
 * is told how many it lacked: now, and as of an instant, when the consent must hold both then and now.
 */
class ConsentRequiredBySelectionsTest {

    private static final Actor READER = new Actor("ana", "org-a", Set.of(Role.ANALYST));
    private static final RequiredConsent AGGREGATED = new RequiredConsent(Set.of(ConsentUse.ADVOCACY_AGGREGATED), Set.of());
    private static final FindIncidents ANY = new FindIncidents(null, null, null, null, null, null, null, null, null,
            null, null);
    private static final Instant THEN = Instant.parse("2026-11-22T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

    private TestPrivacy privacy;
    private EmbeddedMongo mongo;
    private IncidentReadModel readModel;
    private MongoIncidentReads reads;

    @BeforeEach
    void start() {
        privacy = TestPrivacy.inMemory();
        mongo = privacy.mongo();
        readModel = new IncidentReadModel(mongo.database());
        // Documents stored here carry no position: a snapshot at 0 takes them as they stand.
        reads = new MongoIncidentReads(readModel, privacy.cipher(), new AppliedPositions() {
            @Override
            public long appliedUpTo() {
                return 0;
            }

            @Override
            public long allocatedUpTo() {
                return 0;
            }

            @Override
            public long eventHead() {
                return 0;
            }

            @Override
            public boolean replaying() {
                return false;
            }
        }, new ProjectionProgress(), 2, 100, Duration.ZERO);
    }

    @AfterEach
    void stop() {
        privacy.close();
    }

    @Test
    void anIncidentWithoutTheRequiredConsentIsLeftOutAndCounted() {
        store(incident("none"));
        store(incident("aggregated").consentingTo("ADVOCACY_AGGREGATED"));
        store(incident("protection").consentingTo("PROTECTION"));
        store(incident("not-obtained").notObtainedButListing("ADVOCACY_AGGREGATED"));

        assertThat(ids(current(selection(AGGREGATED)))).containsExactly("aggregated");
        assertThat(withheld(selection(AGGREGATED))).isEqualTo(3);
    }

    @Test
    void aPublicDatasetsLicenceStandsInForConsentAndGoesWithTheIncident() {
        store(incident("licensed").licensed("CC BY-IGO"));
        store(incident("empty-licence").licensed(""));
        store(incident("numeric-licence").licensed(3));

        List<IncidentState> selected = current(selection(AGGREGATED));

        assertThat(ids(selected)).containsExactly("licensed");
        assertThat(selected.get(0).licence()).isEqualTo("CC BY-IGO");
        assertThat(withheld(selection(AGGREGATED))).isEqualTo(2);
    }

    @Test
    void whatIsRequiredOfOtherOrganisationsIsNotRequiredOfTheReadersOwn() {
        RequiredConsent ofPartners = new RequiredConsent(Set.of(), Set.of(ConsentUse.PROTECTION));
        store(incident("own"));
        store(incident("partner").of("org-b"));
        store(incident("partner-consenting").of("org-b").consentingTo("PROTECTION"));

        assertThat(ids(current(selection(ofPartners)))).containsExactlyInAnyOrder("own", "partner-consenting");
        assertThat(withheld(selection(ofPartners)))
                .as("a partner's report without the partner consent is not there for the reader, not even counted")
                .isZero();
        assertThat(ids(current(selection(ofPartners.and(ConsentUse.LITIGATION)))))
                .as("a purpose is required of every incident").isEmpty();
    }

    @Test
    void asOfAnInstantTheConsentMustHoldBothThenAndNow() {
        storeWithPast(incident("withdrawn-since").consentingTo("ADVOCACY_AGGREGATED"), incident("withdrawn-since"));
        storeWithPast(incident("given-since"), incident("given-since").consentingTo("ADVOCACY_AGGREGATED"));
        storeWithPast(incident("always").consentingTo("ADVOCACY_AGGREGATED"),
                incident("always").consentingTo("ADVOCACY_AGGREGATED"));

        assertThat(ids(reads.asOf(READER, selection(AGGREGATED), THEN))).containsExactly("always");
        assertThat(reads.countWithoutConsentAsOf(READER, selection(AGGREGATED), THEN)).isEqualTo(2);
    }

    @Test
    void aSelectionThatRequiresNothingStillNeedsWhatItsReachNeedsOfAnotherOrganisationsReports() {
        store(incident("none"));
        store(incident("partner").of("org-b"));
        store(incident("partner-consenting").of("org-b").consentingTo("PROTECTION"));

        assertThat(ids(current(selection(RequiredConsent.none()))))
                .containsExactlyInAnyOrder("none", "partner-consenting");
        assertThat(withheld(selection(RequiredConsent.none())))
                .as("not there for the reader, so not counted as withheld").isZero();
        assertThat(reads.countWithoutConsentAsOf(READER, selection(RequiredConsent.none()), NOW)).isZero();
        assertThat(reads.find(READER, "partner")).as("not found by id either").isEmpty();
    }

    @Test
    void reachedAsThePublicEveryReportNeedsAggregatedAdvocacyAndMustBePublished() {
        store(incident("own-protection").consentingTo("PROTECTION"));
        store(incident("partner-aggregated").of("org-b").consentingTo("ADVOCACY_AGGREGATED"));
        store(incident("partner-network").of("org-b").sharedWith("NETWORK").consentingTo("ADVOCACY_AGGREGATED"));
        IncidentSelection asPublic = new IncidentSelection(ANY, Set.of(), Set.of(), RequiredConsent.none(),
                Reach.PUBLIC);

        assertThat(ids(current(asPublic))).containsExactly("partner-aggregated");
        assertThat(withheld(asPublic)).isEqualTo(1);
    }

    /** How many a snapshot at the projection's position withholds, read to the end. */
    private long withheld(IncidentSelection selection) {
        try (var snapshot = reads.snapshot(READER, selection, reads.pin())) {
            snapshot.forEachRemaining(state -> { });
            return snapshot.withheld();
        }
    }

    /** The current state, as a snapshot at the projection's position reads it. */
    private List<IncidentState> current(IncidentSelection selection) {
        List<IncidentState> states = new java.util.ArrayList<>();
        try (var snapshot = reads.snapshot(READER, selection, reads.pin())) {
            snapshot.forEachRemaining(states::add);
        }
        return states;
    }

    private void store(StoredIncident incident) {
        mongo.database().getCollection(IncidentReadModel.INCIDENTS).insertOne(incident.document(0, NOW));
        readModel.addHistory(incident.historyEntry(0, NOW));
    }

    /** Version 0 recorded before {@link #THEN}, version 1 after it and before {@link #NOW}. */
    private void storeWithPast(StoredIncident then, StoredIncident now) {
        mongo.database().getCollection(IncidentReadModel.INCIDENTS).insertOne(now.document(1, NOW));
        readModel.addHistory(then.historyEntry(0, THEN.minusSeconds(60)));
        readModel.addHistory(now.historyEntry(1, THEN.plusSeconds(60)));
    }

    private static IncidentSelection selection(RequiredConsent consent) {
        return new IncidentSelection(ANY, Set.of(), Set.of(), consent);
    }

    private static List<String> ids(List<IncidentState> states) {
        return states.stream().map(IncidentState::incidentId).toList();
    }
}
