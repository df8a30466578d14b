package org.travesia.query.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.travesia.kernel.common.Role;
import org.travesia.kernel.incident.IncidentAmended;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.kernel.incident.IncidentMarkedAsDuplicate;
import org.travesia.kernel.incident.IncidentRetracted;
import org.travesia.kernel.incident.IncidentVerified;
import org.travesia.kernel.incident.SharingChanged;

/**
 * A segment's trend sets its window against the window of the same length just before it (here November's four weeks
 * against the four weeks to 1 November), counting in the window before only what the reader may see, as in the window
 * itself.
 */
class TrendAgainstTheWindowBeforeTest {

    @RegisterExtension
    final ProjectedRisk risk = new ProjectedRisk();

    @Test
    void theTrendCountsTheIncidentsOfTheWindowBefore() {
        risk.projection.on(RiskEvents.about("i-1").on("2026-10-12").incidentReported(), 0);
        risk.projection.on(RiskEvents.about("i-2").on("2026-10-27").incidentReported(), 0);
        risk.projection.on(RiskEvents.about("i-3").on("2026-11-04").incidentReported(), 0);
        risk.projection.on(RiskEvents.about("i-4").on("2026-10-01").incidentReported(), 0);

        Map<String, Object> trend = RiskReader.of(risk.buckets, "org-a", Role.ANALYST).trend("jungle");

        assertThat(trend.get("previousIncidents")).as("5 October to 1 November").isEqualTo(2L);
        assertThat((Double) trend.get("previousRiskIndex")).isPositive();
        assertThat(trend.get("direction")).isEqualTo("FALLING");
    }

    /**
     * The window before is read from each bucket's totals, not its leaves: it must weigh what the window itself would,
     * through amendments of type and date, verification, retraction and organisations the reader may not count.
     */
    @Test
    void theWindowBeforeWeighsItsIncidentsAsTheWindowItselfDoes() {
        risk.projection.on(RiskEvents.about("i-1").ofType("DEATH").on("2026-10-06").incidentReported(), 0);
        risk.projection.on(RiskEvents.about("i-2").ofType("ROBBERY").on("2026-10-20").incidentReported(), 0);
        risk.projection.on(new IncidentVerified("i-2", null), 1);
        risk.projection.on(RiskEvents.about("i-3").ofType("EXTORTION").on("2026-10-28").incidentReported(), 0);
        risk.projection.on(RiskEvents.about("i-3").typeChangedTo("DISCRIMINATION_OR_XENOPHOBIA"), 1);
        risk.projection.on(RiskEvents.about("i-4").ofType("ACCIDENT").on("2026-11-20").incidentReported(), 0);
        risk.projection.on(RiskEvents.about("i-4").movedTo("2026-10-14"), 1);
        risk.projection.on(RiskEvents.about("i-5").ofType("DEATH").on("2026-10-15").incidentReported(), 0);
        risk.projection.on(new IncidentRetracted("i-5", null), 1);
        risk.projection.on(RiskEvents.about("i-6").ofType("SOMETHING_NEW").on("2026-10-30").incidentReported(), 0);
        risk.projection.on(RiskEvents.about("i-7").of("org-b").on("2026-10-21").incidentReported(), 0);
        risk.projection.on(RiskEvents.about("i-8").of("org-b").sharedWith("PUBLIC").ofType("DEATH").on("2026-10-08")
                .incidentReported(), 0);
        risk.projection.on(RiskEvents.about("i-9").on("2026-11-10").incidentReported(), 0);
        risk.projection.on(RiskEvents.about("i-10").of("org-b").on("2026-11-11").incidentReported(), 0);

        for (String organisation : new String[] {"org-a", "org-b"}) {
            RiskReader analyst = RiskReader.of(risk.buckets, organisation, Role.ANALYST);
            Map<String, Object> trend = analyst.trend("jungle");
            Map<String, Object> windowBefore = analyst.totalBetween("jungle", "2026-10-05", "2026-11-01");

            assertThat(trend.get("previousIncidents")).as(organisation)
                    .isEqualTo(RiskReader.incidents(windowBefore));
            assertThat(trend.get("previousRiskIndex")).as(organisation).isEqualTo(windowBefore.get("riskIndex"));
        }
        assertThat(RiskReader.of(risk.buckets, "org-a", Role.ANALYST).trend("jungle").get("previousIncidents"))
                .as("i-1 to i-4 and i-6").isEqualTo(5L);
        assertThat(RiskReader.of(risk.buckets, "org-b", Role.ANALYST).trend("jungle").get("previousIncidents"))
                .as("i-7 and i-8").isEqualTo(2L);
    }

    /**
     * The totals follow an incident wherever its leaf goes: a sharing change, a consent given later, a move to another
     * segment and back, a duplicate mark, and an event delivered twice; for every role, its own and a partner's.
     */
    @Test
    void theWindowBeforeFollowsSharingConsentSegmentAndDuplicatesAsTheWindowItselfDoes() {
        risk.projection.on(RiskEvents.about("i-1").of("org-b").ofType("DEATH").on("2026-10-06").incidentReported(), 0);
        risk.projection.on(new IncidentAmended("i-1", new IncidentFacts(null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, new IncidentFacts.Consent(true, List.of("PROTECTION"))),
                List.of("consent"), null), 1);
        risk.projection.on(RiskEvents.about("i-2").of("org-b").withPartnerConsent().on("2026-10-20")
                .incidentReported(), 0);
        risk.projection.on(new SharingChanged("i-2", "NETWORK", "ORGANISATION", null), 1);
        risk.projection.on(RiskEvents.about("i-3").withPartnerConsent().on("2026-10-21").incidentReported(), 0);
        risk.projection.on(RiskEvents.about("i-3").movedToSegment("coast"), 1);
        risk.projection.on(RiskEvents.about("i-3").movedToSegment("jungle"), 2);
        risk.projection.on(RiskEvents.about("i-3").movedToSegment("jungle"), 2);
        risk.projection.on(RiskEvents.about("i-4").withPartnerConsent().on("2026-10-22").incidentReported(), 0);
        risk.projection.on(new IncidentMarkedAsDuplicate("i-4", "i-3", null), 1);
        risk.projection.on(RiskEvents.about("i-5").of("org-b").sharedWith("ORGANISATION").on("2026-10-23")
                .incidentReported(), 0);
        risk.projection.on(new SharingChanged("i-5", "ORGANISATION", "PUBLIC", null), 1);
        // In November, one each organisation shares with all, so that every reader is shown the segment.
        risk.projection.on(RiskEvents.about("i-6").sharedWith("PUBLIC").withPartnerConsent().incidentReported(), 0);
        risk.projection.on(RiskEvents.about("i-7").of("org-b").sharedWith("PUBLIC").withPartnerConsent()
                .incidentReported(), 0);

        for (String organisation : new String[] {"org-a", "org-b"}) {
            for (Role role : Role.values()) {
                RiskReader reader = RiskReader.of(risk.buckets, organisation, role);
                Map<String, Object> trend = reader.trend("jungle");
                Map<String, Object> windowBefore = reader.totalBetween("jungle", "2026-10-05", "2026-11-01");

                assertThat(trend.get("previousIncidents")).as(organisation + " " + role)
                        .isEqualTo(RiskReader.incidents(windowBefore));
                assertThat(trend.get("previousRiskIndex")).as(organisation + " " + role)
                        .isEqualTo(windowBefore.get("riskIndex"));
            }
        }
        assertThat(RiskReader.of(risk.buckets, "org-a", Role.ANALYST).trend("jungle").get("previousIncidents"))
                .as("i-1 with the consent given later, and i-3 back in the jungle; not i-2, i-4, i-5 without consent")
                .isEqualTo(2L);
        assertThat(RiskReader.of(risk.buckets, "org-b", Role.MONITOR).trend("jungle").get("previousIncidents"))
                .as("its own i-1, i-2 and i-5").isEqualTo(3L);
    }

    @Test
    void anotherOrganisationsOwnIncidentsStayOutOfTheWindowBefore() {
        risk.projection.on(RiskEvents.about("i-1").of("org-b").sharedWith("ORGANISATION").on("2026-10-12")
                .incidentReported(), 0);
        risk.projection.on(RiskEvents.about("i-2").of("org-b").sharedWith("ORGANISATION").on("2026-11-10")
                .incidentReported(), 0);
        risk.projection.on(RiskEvents.about("i-3").of("org-a").on("2026-11-10").incidentReported(), 0);

        assertThat(RiskReader.of(risk.buckets, "org-a", Role.ANALYST).trend("jungle").get("previousIncidents"))
                .isEqualTo(0L);
        assertThat(RiskReader.of(risk.buckets, "org-b", Role.ANALYST).trend("jungle").get("previousIncidents"))
                .isEqualTo(1L);
    }
}
