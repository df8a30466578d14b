package org.travesia.query.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.travesia.query.risk.RiskReader.casesOpened;
import static org.travesia.query.risk.RiskReader.incidents;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.kernel.common.Role;

/**
 * The risk view asks the store only for the parts of the buckets its reader may count, by organisation and sharing key
 * (docs/benchmarks.md): every part it may count must still arrive, in the window, in the window before and among the
 * cases opened. Two organisations' reports in November and in the four weeks before, at every sharing level, with and
 * without the partner consent, and at a level this build does not know, which counts as the narrowest.
 */
class ReadersCountWhatTheyMaySeeTest {

    private static EmbeddedMongo mongo;
    private static RiskBuckets buckets;

    @BeforeAll
    static void project() {
        mongo = EmbeddedMongo.inMemory();
        buckets = new RiskBuckets(mongo.database());
        RiskProjection projection = new RiskProjection(buckets);
        int n = 0;
        for (String organisation : new String[] {"org-a", "org-b"}) {
            for (String level : new String[] {"ORGANISATION", "NETWORK", "PUBLIC", "A_LEVEL_OF_A_LATER_BUILD"}) {
                for (String day : new String[] {"2026-11-18", "2026-10-20"}) {
                    projection.on(RiskEvents.about("i-" + ++n).of(organisation).sharedWith(level).on(day)
                            .incidentReported(), 0);
                    projection.on(RiskEvents.about("i-" + ++n).of(organisation).sharedWith(level).on(day)
                            .withPartnerConsent().incidentReported(), 0);
                    projection.on(RiskEvents.about("c-" + ++n).of(organisation).sharedWith(level).on(day)
                            .caseReported(), 0);
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @Test
    void aMonitorCountsEverythingOfItsOwnOrganisation() {
        RiskReader monitor = RiskReader.of(buckets, "org-a", Role.MONITOR);

        assertThat(incidents(monitor.total("jungle"))).isEqualTo(8);
        assertThat(monitor.trend("jungle").get("previousIncidents")).isEqualTo(8L);
        assertThat(casesOpened(monitor.total("jungle"))).isEqualTo(4L);
    }

    @Test
    void anAnalystCountsItsOwnOrganisationsAndAPartnersConsentedSharedReports() {
        RiskReader analyst = RiskReader.of(buckets, "org-a", Role.ANALYST);

        assertThat(incidents(analyst.total("jungle"))).as("its 8, org-b's 2 shared with consent").isEqualTo(10);
        assertThat(analyst.trend("jungle").get("previousIncidents")).isEqualTo(10L);
        assertThat(casesOpened(analyst.total("jungle"))).as("its 4, org-b's 2 shared").isEqualTo(6L);
    }

    /** Some of its own organisation's sharing keys and none of the unknown level's: asked for key by key. */
    @Test
    void anAdvocateCountsOnlySharedReportsItsOwnOrganisationsWithoutConsent() {
        RiskReader advocate = RiskReader.of(buckets, "org-b", Role.ADVOCATE);

        assertThat(incidents(advocate.total("jungle"))).as("its 4 shared, org-a's 2 shared with consent")
                .isEqualTo(6);
        assertThat(advocate.trend("jungle").get("previousIncidents")).isEqualTo(6L);
        assertThat(casesOpened(advocate.total("jungle"))).as("the 4 shared").isEqualTo(4L);
    }
}
