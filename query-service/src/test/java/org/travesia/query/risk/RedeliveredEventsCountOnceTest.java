package org.travesia.query.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.travesia.query.risk.RiskReader.dead;
import static org.travesia.query.risk.RiskReader.incidents;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.kernel.common.Role;

import com.mongodb.client.MongoDatabase;

/**
 * The service may die after the risk buckets took an event and before the incident's state recorded it; the processor
 * then delivers that event again. It must count once. The death is staged by failing the state write once; a
 * missing-person case report, kept in the same buckets, is held to the same.
 */
class RedeliveredEventsCountOnceTest {

    private EmbeddedMongo mongo;
    private DyingBeforeStateWrite buckets;
    private RiskProjection projection;

    /** The buckets as the projection uses them, except that the next incident state write can be made to die. */
    private static final class DyingBeforeStateWrite extends RiskBuckets {

        private boolean dieOnNextStateWrite;

        DyingBeforeStateWrite(MongoDatabase database) {
            super(database);
        }

        @Override
        void saveIncident(Document incident) {
            dieIfAsked();
            super.saveIncident(incident);
        }

        @Override
        void saveCase(String caseId, long sequence) {
            dieIfAsked();
            super.saveCase(caseId, sequence);
        }

        private void dieIfAsked() {
            if (dieOnNextStateWrite) {
                dieOnNextStateWrite = false;
                throw new IllegalStateException("the service died before the state was written");
            }
        }
    }

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.inMemory();
        buckets = new DyingBeforeStateWrite(mongo.database());
        projection = new RiskProjection(buckets);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void aReportDeliveredAgainAfterACrashCountsOnce() {
        RiskEvents kidnapping = RiskEvents.about("incident-1");
        buckets.dieOnNextStateWrite = true;
        assertThatThrownBy(() -> projection.on(kidnapping.incidentReported(), 0))
                .isInstanceOf(IllegalStateException.class);

        projection.on(kidnapping.incidentReported(), 0);

        RiskReader analyst = RiskReader.of(buckets, "org-a", Role.ANALYST);
        assertThat(incidents(analyst.total("jungle"))).isEqualTo(1);
        assertThat(dead(analyst.total("jungle"))).isEqualTo(2);
    }

    @Test
    void anAmendmentDeliveredAgainAfterACrashMovesTheCountOnce() {
        RiskEvents kidnapping = RiskEvents.about("incident-1").on("2026-11-04");
        projection.on(kidnapping.incidentReported(), 0);
        buckets.dieOnNextStateWrite = true;
        assertThatThrownBy(() -> projection.on(kidnapping.movedTo("2026-11-18"), 1))
                .isInstanceOf(IllegalStateException.class);

        projection.on(kidnapping.movedTo("2026-11-18"), 1);

        RiskReader analyst = RiskReader.of(buckets, "org-a", Role.ANALYST);
        assertThat(incidents(analyst.week("jungle", "2026-11-02"))).isZero();
        assertThat(incidents(analyst.week("jungle", "2026-11-16"))).isEqualTo(1);
        assertThat(incidents(analyst.total("jungle"))).isEqualTo(1);
    }

    @Test
    void aMissingPersonCaseDeliveredAgainAfterACrashCountsOnce() {
        RiskEvents missingPerson = RiskEvents.about("case-1");
        buckets.dieOnNextStateWrite = true;
        assertThatThrownBy(() -> projection.on(missingPerson.caseReported(), 0))
                .isInstanceOf(IllegalStateException.class);

        projection.on(missingPerson.caseReported(), 0);

        assertThat(RiskReader.casesOpened(RiskReader.of(buckets, "org-a", Role.MONITOR).total("jungle"))).isEqualTo(1L);
    }

    @Test
    void theEventsAfterACrashStillCount() {
        RiskEvents kidnapping = RiskEvents.about("incident-1").on("2026-11-04");
        buckets.dieOnNextStateWrite = true;
        assertThatThrownBy(() -> projection.on(kidnapping.incidentReported(), 0))
                .isInstanceOf(IllegalStateException.class);
        projection.on(kidnapping.incidentReported(), 0);

        projection.on(kidnapping.movedTo("2026-11-18"), 1);
        projection.on(kidnapping.movedTo("2026-11-04"), 2);

        RiskReader analyst = RiskReader.of(buckets, "org-a", Role.ANALYST);
        assertThat(incidents(analyst.week("jungle", "2026-11-02"))).isEqualTo(1);
        assertThat(incidents(analyst.week("jungle", "2026-11-16"))).isZero();
    }
}
