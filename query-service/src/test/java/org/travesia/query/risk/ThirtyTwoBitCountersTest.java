package org.travesia.query.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.travesia.kernel.common.Role;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * The buckets' counters are 32-bit while they fit: the store encodes a bucket whole at every commit of an update, and
 * every read of the view encodes the counters the reader may count, so four bytes less per counter is up to about a
 * quarter less of a bucket (docs/benchmarks.md). A counter that outgrows 32 bits is widened by the store and still
 * read exactly, and a bucket an older build wrote with 64-bit counters takes 32-bit increments without a replay.
 */
class ThirtyTwoBitCountersTest {

    private static final String WEEK = "2026-11-16";
    /** The day of the test events ({@link RiskEvents}): its buckets are the ones read. */
    private static final String DAY = "2026-11-18";
    private static final String LEAF = "s." + RiskContribution.organisationKey("org-a") + ".NETWORK.KIDNAPPING.u.";

    @RegisterExtension
    final ProjectedRisk risk = new ProjectedRisk();

    @Test
    void everyCounterOfABucketIsStoredInThirtyTwoBits() {
        risk.projection.on(RiskEvents.about("i-1").incidentReported(), 0);
        risk.projection.on(RiskEvents.about("i-2").ofType("DEATH").sharedWith("PUBLIC").incidentReported(), 0);

        for (RiskPeriod period : RiskPeriod.values()) {
            RawBsonDocument bucket = bucket(period);
            List<BsonType> counterTypes = new ArrayList<>();
            for (String part : List.of("s", "t")) {
                collectNumbers(bucket.getDocument(part), counterTypes);
            }
            assertThat(counterTypes).as("the counters of the %s bucket", period).hasSizeGreaterThan(10)
                    .containsOnly(BsonType.INT32);
        }
    }

    @Test
    void aCounterThatOutgrowsThirtyTwoBitsIsWidenedAndReadExactly() {
        risk.projection.on(RiskEvents.about("i-1").incidentReported(), 0);
        risk.mongo.database().getCollection(RiskPeriod.WEEK.collection()).updateOne(
                Filters.eq("_id", bucketId(RiskPeriod.WEEK)), Updates.set(LEAF + RiskContribution.INCIDENTS,
                        Integer.MAX_VALUE));

        risk.projection.on(RiskEvents.about("i-2").incidentReported(), 0);

        assertThat(numberAt(bucket(RiskPeriod.WEEK), LEAF + RiskContribution.INCIDENTS).getBsonType())
                .isEqualTo(BsonType.INT64);
        Map<String, Object> week = RiskReader.of(risk.buckets, "org-a", Role.ANALYST).week("jungle", WEEK);
        assertThat(RiskReader.incidents(week)).isEqualTo(Integer.MAX_VALUE + 1L);
    }

    @Test
    void aBucketWithSixtyFourBitCountersTakesThirtyTwoBitIncrements() {
        risk.projection.on(RiskEvents.about("i-1").incidentReported(), 0);
        risk.mongo.database().getCollection(RiskPeriod.WEEK.collection()).updateOne(
                Filters.eq("_id", bucketId(RiskPeriod.WEEK)),
                Updates.combine(Updates.set(LEAF + RiskContribution.INCIDENTS, 10L),
                        Updates.set(LEAF + RiskContribution.DEAD, 20L)));

        risk.projection.on(RiskEvents.about("i-2").incidentReported(), 0);

        assertThat(numberAt(bucket(RiskPeriod.WEEK), LEAF + RiskContribution.INCIDENTS).getBsonType())
                .isEqualTo(BsonType.INT64);
        Map<String, Object> week = RiskReader.of(risk.buckets, "org-a", Role.ANALYST).week("jungle", WEEK);
        assertThat(RiskReader.incidents(week)).isEqualTo(11L);
        assertThat(RiskReader.dead(week)).isEqualTo(22L);
    }

    private RawBsonDocument bucket(RiskPeriod period) {
        return RiskDocuments.bucket(risk.mongo.database(), period, DAY, RawBsonDocument.class);
    }

    private static String bucketId(RiskPeriod period) {
        return period.bucketId(RiskEvents.ROUTE, "jungle", LocalDate.parse(DAY));
    }

    private static BsonValue numberAt(BsonDocument document, String path) {
        BsonValue value = document;
        for (String name : path.split("\\.")) {
            value = value.asDocument().get(name);
        }
        return value;
    }

    private static void collectNumbers(BsonDocument document, List<BsonType> types) {
        for (BsonValue value : document.values()) {
            if (value.isDocument()) {
                collectNumbers(value.asDocument(), types);
            } else {
                types.add(value.getBsonType());
            }
        }
    }
}
