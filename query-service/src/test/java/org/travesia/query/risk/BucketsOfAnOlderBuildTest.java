package org.travesia.query.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.travesia.query.risk.RiskReader.dead;
import static org.travesia.query.risk.RiskReader.incidents;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.kernel.common.Role;
import org.travesia.kernel.incident.IncidentReported;
import org.travesia.platform.testing.RunningService;
import org.travesia.query.QueryServiceApplication;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * A store written by a build that kept one bucket document per route and period, with route-risk's token at the head:
 * at the next start the processor replays into buckets per segment, the figures are those of the events, and the
 * older documents, whatever they held, are gone. Also when the last instance of the older build died holding its
 * claims on route-risk (a crash, a SIGKILL): the upgrade takes them over once they time out, as any processor takes
 * over a dead instance's segments.
 */
class BucketsOfAnOlderBuildTest {

    private final EmbeddedMongo mongo = EmbeddedMongo.inMemory();
    private RunningService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        mongo.close();
    }

    @Test
    void aStoreWithBucketsOfTheOlderLayoutIsReplayedIntoTheNewOneAtStart() {
        projectAnIncidentInJungleAndOneOnTheCoast();
        leaveAsAnOlderBuildDid(mongo.database());

        service = RunningService.start(QueryServiceApplication.builder(), mongo.uri());

        awaitOneIncidentInJungleAndCoast();
        assertThat(mongo.database().listCollectionNames().into(new ArrayList<>()))
                .doesNotContainAnyElementsOf(RiskBuckets.OLDER_LAYOUT);
    }

    @Test
    void theUpgradeStartsOnceTheDeadInstancesClaimsHaveTimedOut() {
        projectAnIncidentInJungleAndOneOnTheCoast();
        leaveAsAnOlderBuildDid(mongo.database());
        mongo.database().getCollection("tracking_tokens").updateMany(
                Filters.eq("processorName", RiskProjection.PROCESSING_GROUP),
                Updates.combine(Updates.set("owner", "an-instance-that-died"),
                        Updates.set("timestamp", Instant.now().toEpochMilli())));

        service = RunningService.start(QueryServiceApplication.builder(), mongo.uri());

        awaitOneIncidentInJungleAndCoast();
    }

    /**
     * Buckets per segment as the build before totals left them ({@code risk_segment_*}, no totals, no organisations
     * per route, no layout mark): the window before a view's, read from the totals, would count nothing. At the next
     * start they are replayed into this build's, and the older collections dropped.
     */
    @Test
    void bucketsWithoutTotalsAreReplayedIntoBucketsWithThem() {
        projectAnIncidentInTheWindowAndOneInTheWindowBefore();
        for (RiskPeriod period : RiskPeriod.values()) {
            List<Document> written = mongo.database().getCollection(period.collection()).find()
                    .into(new ArrayList<>());
            written.forEach(bucket -> bucket.remove(RiskContribution.TOTALS));
            mongo.database().getCollection(period.collection()).drop();
            mongo.database().getCollection(segmentBuckets(period)).insertMany(written);
        }
        mongo.database().getCollection(RiskBuckets.ROUTE_SEGMENTS).updateMany(new Document(), Updates.unset("o"));
        mongo.database().getCollection(RiskBuckets.LAYOUT).drop();

        startAgainAndAwaitTheReplay();
    }

    /**
     * An older build run on the store after this one (a rollback) writes its buckets where it always did, and knows
     * nothing of totals or of the layout mark, which then still names this build's layout: what it wrote must still
     * bring a replay at this build's next start.
     */
    @Test
    void bucketsAnOlderBuildWroteAfterThisOneAreReplayedAway() {
        projectAnIncidentInTheWindowAndOneInTheWindowBefore();
        mongo.database().getCollection(segmentBuckets(RiskPeriod.WEEK)).insertOne(new Document("_id",
                RiskPeriod.WEEK.bucketId(RiskEvents.ROUTE, "jungle", LocalDate.parse("2026-11-16")))
                .append("s", new Document(RiskContribution.organisationKey("org-a"), new Document("NETWORK",
                        new Document("KIDNAPPING", new Document("u", new Document("n", 7L)))))));

        startAgainAndAwaitTheReplay();
    }

    /** Buckets whose totals were weighed by other severities, as a build with other weights would leave them. */
    @Test
    void bucketsSummedUnderOtherWeightsAreReplayed() {
        projectAnIncidentInTheWindowAndOneInTheWindowBefore();
        updateEveryBucket(Updates.mul(RiskContribution.TOTALS + "." + RiskContribution.organisationKey("org-a")
                + ".NETWORK." + RiskContribution.WEIGHT, 3));
        mongo.database().getCollection(RiskBuckets.LAYOUT).updateMany(new Document(),
                Updates.set("layout", "segments; totals per organisation and sharing key; weights {DEATH=30.0}"));

        startAgainAndAwaitTheReplay();
    }

    /**
     * Buckets of the layout before the people's counters took names of a letter or two: the dead counted under
     * {@code dead}, which this build does not read. Replayed, the dead are counted again.
     */
    @Test
    void bucketsWithTheCountersLongNamesAreReplayedIntoTheShortOnes() {
        projectAnIncidentInTheWindowAndOneInTheWindowBefore();
        String leaf = "s." + RiskContribution.organisationKey("org-a") + ".NETWORK.KIDNAPPING.u.";
        updateEveryBucket(Updates.rename(leaf + RiskContribution.DEAD, leaf + "dead"));
        mongo.database().getCollection(RiskBuckets.LAYOUT).updateMany(new Document(), Updates.set("layout",
                "segments; totals per organisation and sharing key; organisations per route; weights "
                        + RiskIndex.weights()));
        assertThat(mongo.database().getCollection(RiskPeriod.MONTH.collection())
                .countDocuments(Filters.exists(leaf + "dead"))).as("buckets left as the build before left them")
                .isPositive();

        startAgainAndAwaitTheReplay();
        RiskReader analyst = RiskReader.of(service.bean(RiskBuckets.class), "org-a", Role.ANALYST);
        assertThat(dead(analyst.total("jungle"))).as("the dead of the incident in the window").isEqualTo(2);
    }

    /**
     * A crash inside the upgrade's reset: Axon runs the reset handlers (which empty the buckets and the incidents'
     * states) and only then stores each segment's replay token, and no transaction spans the two. The instance dies
     * in between, holding route-risk's claims; the tokens still say where route-risk had got to. The next start must
     * replay all the same: nothing else ever puts back what the reset emptied.
     */
    @Test
    void anUpgradeThatDiedBetweenTheResetAndTheReplayTokensReplaysAtTheNextStart() {
        projectAnIncidentInJungleAndOneOnTheCoast();
        mongo.database().getCollection(RiskBuckets.LAYOUT).drop();

        assertThatThrownBy(() -> RunningService.start(
                QueryServiceApplication.builder().sources(ResetThatDiesBeforeTheTokensAreStored.class), mongo.uri()))
                .hasStackTraceContaining(ResetThatDiesBeforeTheTokensAreStored.DEATH);
        mongo.database().getCollection("tracking_tokens").updateMany(
                Filters.eq("processorName", RiskProjection.PROCESSING_GROUP),
                Updates.combine(Updates.set("owner", "an-instance-that-died-resetting"),
                        Updates.set("timestamp", Instant.now().toEpochMilli())));
        service = RunningService.start(QueryServiceApplication.builder(), mongo.uri());

        awaitOneIncidentInJungleAndCoast();
    }

    /**
     * A reset handler of route-risk that empties what {@link RiskProjection}'s empties, whichever of the two runs
     * first, and then dies: the state a crash after the reset and before the tokens are stored leaves. Given to one
     * start only, as a source of its application (not scanned: no stereotype).
     */
    @ProcessingGroup(RiskProjection.PROCESSING_GROUP)
    static final class ResetThatDiesBeforeTheTokensAreStored {

        static final String DEATH = "died after the reset, before the replay tokens were stored";

        private final RiskBuckets buckets;

        ResetThatDiesBeforeTheTokensAreStored(RiskBuckets buckets) {
            this.buckets = buckets;
        }

        /** Axon puts a bean in a processor only if it handles an event; this one changes nothing. */
        @EventHandler
        void on(IncidentReported event) {
        }

        @ResetHandler
        void reset() {
            buckets.deleteAll();
            throw new IllegalStateException(DEATH);
        }
    }

    /** Its buckets per route and period (counting seven kidnappings in November), and none of this layout. */
    private static void leaveAsAnOlderBuildDid(MongoDatabase database) {
        for (RiskPeriod period : RiskPeriod.values()) {
            database.getCollection(period.collection()).drop();
        }
        database.getCollection(RiskBuckets.ROUTE_SEGMENTS).drop();
        Document leaf = new Document("s", new Document("jungle", new Document(RiskContribution.organisationKey("org-a"),
                new Document("NETWORK", new Document("KIDNAPPING", new Document("u", new Document("n", 7L)))))));
        database.getCollection("risk_weeks").insertOne(new Document("_id", RiskEvents.ROUTE + "|2026-11-16")
                .append("s", leaf.get("s")));
        database.getCollection("risk_months").insertOne(new Document("_id", RiskEvents.ROUTE + "|2026-11-01")
                .append("s", leaf.get("s")));
    }

    private void awaitOneIncidentInJungleAndCoast() {
        RiskReader analyst = RiskReader.of(service.bean(RiskBuckets.class), "org-a", Role.ANALYST);
        // Long enough for the upgrade to wait out claims (twice the claim timeout) and replay.
        await().atMost(Duration.ofSeconds(40)).ignoreExceptions().untilAsserted(() -> {
            assertThat(incidents(analyst.total("jungle"))).isEqualTo(1);
            assertThat(incidents(analyst.total("coast"))).isEqualTo(1);
        });
    }

    /** One incident in each of two segments, projected by a service that is stopped afterwards. */
    private void projectAnIncidentInJungleAndOneOnTheCoast() {
        service = RunningService.start(QueryServiceApplication.builder(), mongo.uri());
        report(RiskEvents.about("incident-1").incidentReported());
        report(RiskEvents.about("incident-2").inSegment("coast").incidentReported());
        awaitOneIncidentInJungleAndCoast();
        service.close();
        service = null;
    }

    /** One incident in November and one in the four weeks before, projected by a service stopped afterwards. */
    private void projectAnIncidentInTheWindowAndOneInTheWindowBefore() {
        service = RunningService.start(QueryServiceApplication.builder(), mongo.uri());
        report(RiskEvents.about("incident-1").on("2026-10-20").incidentReported());
        report(RiskEvents.about("incident-2").incidentReported());
        awaitTheWindowAndTheOneBefore();
        service.close();
        service = null;
    }

    /** Starts a service again: both windows as the events say, and none of the older build's buckets left. */
    private void startAgainAndAwaitTheReplay() {
        service = RunningService.start(QueryServiceApplication.builder(), mongo.uri());
        awaitTheWindowAndTheOneBefore();
        assertThat(mongo.database().listCollectionNames().into(new ArrayList<>()))
                .doesNotContain(segmentBuckets(RiskPeriod.DAY), segmentBuckets(RiskPeriod.WEEK),
                        segmentBuckets(RiskPeriod.MONTH));
    }

    /** Where the build before totals kept a period's buckets per segment. */
    private static String segmentBuckets(RiskPeriod period) {
        return "risk_segment_" + period.name().toLowerCase() + "s";
    }

    private void updateEveryBucket(Bson update) {
        for (RiskPeriod period : RiskPeriod.values()) {
            mongo.database().getCollection(period.collection()).updateMany(new Document(), update);
        }
    }

    /** One incident in November and one in the four weeks before, weighed alike in the trend and in a read of them. */
    private void awaitTheWindowAndTheOneBefore() {
        RiskReader analyst = RiskReader.of(service.bean(RiskBuckets.class), "org-a", Role.ANALYST);
        await().atMost(Duration.ofSeconds(40)).ignoreExceptions().untilAsserted(() -> {
            assertThat(incidents(analyst.total("jungle"))).isEqualTo(1);
            Map<String, Object> trend = analyst.trend("jungle");
            Map<String, Object> windowBefore = analyst.totalBetween("jungle", "2026-10-05", "2026-11-01");
            assertThat(trend.get("previousIncidents")).isEqualTo(1L);
            assertThat(trend.get("previousRiskIndex")).isEqualTo(windowBefore.get("riskIndex"));
        });
    }

    private void report(IncidentReported event) {
        RiskEvents.publish(service, event);
    }
}
