package org.travesia.query.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.travesia.query.risk.RiskReader.casesOpened;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.travesia.kernel.common.Role;

/**
 * The risk view counts missing-person cases opened per segment and bucket, by where and when the person was last seen,
 * for each reader as far as the cases may be counted for them: their own organisation's, and another's only when
 * shared with the network or the public; another organisation's {@code ORGANISATION} cases never, not even as a count.
 */
class MissingPersonCasesOpenedTest {

    @RegisterExtension
    final ProjectedRisk risk = new ProjectedRisk();

    @Test
    void aCaseCountsInTheSegmentAndWeekWhereThePersonWasLastSeen() {
        risk.projection.on(RiskEvents.about("case-1").on("2026-11-18").inSegment("jungle").caseReported(), 0);
        risk.projection.on(RiskEvents.about("case-2").on("2026-11-05").inSegment("coast").caseReported(), 0);

        RiskReader monitor = RiskReader.of(risk.buckets, "org-a", Role.MONITOR);
        assertThat(casesOpened(monitor.week("jungle", "2026-11-16"))).isEqualTo(1L);
        assertThat(casesOpened(monitor.week("jungle", "2026-11-02"))).isEqualTo(0L);
        assertThat(casesOpened(monitor.week("coast", "2026-11-02"))).isEqualTo(1L);
        assertThat(casesOpened(monitor.total("coast"))).isEqualTo(1L);
    }

    @Test
    void anotherOrganisationCountsSharedCasesAndNeverOrganisationOnes() {
        risk.projection.on(RiskEvents.about("case-1").sharedWith("NETWORK").caseReported(), 0);
        risk.projection.on(RiskEvents.about("case-2").sharedWith("PUBLIC").caseReported(), 0);
        risk.projection.on(RiskEvents.about("case-3").sharedWith("ORGANISATION").caseReported(), 0);
        risk.projection.on(RiskEvents.about("case-4").sharedWith("ORGANISATION").inSegment("coast").caseReported(), 0);

        assertThat(casesOpened(RiskReader.of(risk.buckets, "org-a", Role.ANALYST).total("jungle"))).isEqualTo(3L);
        RiskReader otherAnalyst = RiskReader.of(risk.buckets, "org-b", Role.ANALYST);
        assertThat(casesOpened(otherAnalyst.total("jungle"))).isEqualTo(2L);
        assertThat(otherAnalyst.segmentIds()).as("not even a segment of zeros").doesNotContain("coast");
    }

    @Test
    void aCaseDeliveredAgainCountsOnce() {
        risk.projection.on(RiskEvents.about("case-1").caseReported(), 0);

        risk.projection.on(RiskEvents.about("case-1").caseReported(), 0);

        assertThat(casesOpened(RiskReader.of(risk.buckets, "org-a", Role.MONITOR).total("jungle"))).isEqualTo(1L);
    }

    @Test
    void aCaseLastSeenOffAnyRouteCountsNowhere() {
        risk.projection.on(RiskEvents.about("case-1").offRoute().caseReported(), 0);
        risk.projection.on(RiskEvents.about("case-2").caseReported(), 0);

        assertThat(casesOpened(RiskReader.of(risk.buckets, "org-a", Role.MONITOR).total("jungle"))).isEqualTo(1L);
    }
}
