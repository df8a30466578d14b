package org.travesia.query.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.Role;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.query.incident.api.IncidentState;

/** What a row says of the system's own times, of admin1 and of a public dataset's licence, per audience. */
class PublicExportRowTest {

    private static final Actor ADVOCATE = new Actor("pablo", "org-b", Set.of(Role.ADVOCATE));
    private static final Instant RECORDED = Instant.parse("2026-11-21T23:59:59.123Z");
    private static final Instant UPDATED = Instant.parse("2026-11-22T00:00:00.001Z");

    @Test
    void thePublicGetsTheDaysTheReportWasRecordedAndUpdatedOn() {
        Map<String, Object> row = ExportRow.of(incident("Darién", null), ExportAudience.PUBLIC, ADVOCATE, 5);

        assertThat(row.get("recordedAt")).isEqualTo("2026-11-21");
        assertThat(row.get("updatedAt")).isEqualTo("2026-11-22");
    }

    @Test
    void theNetworkGetsTheInstants() {
        Map<String, Object> row = ExportRow.of(incident("Darién", null), ExportAudience.NETWORK, ADVOCATE, 5);

        assertThat(row.get("recordedAt")).isEqualTo(RECORDED.toString());
        assertThat(row.get("updatedAt")).isEqualTo(UPDATED.toString());
    }

    @Test
    void thePublicGetsAdmin1InItsCanonicalFormOrNotAtAll() {
        assertThat(ExportRow.of(incident("darien", null), ExportAudience.PUBLIC, ADVOCATE, 5).get("admin1"))
                .isEqualTo("Darién");
        assertThat(ExportRow.of(incident("behind the church", null), ExportAudience.PUBLIC, ADVOCATE, 5).get("admin1"))
                .isNull();
        assertThat(ExportRow.of(incident("behind the church", null), ExportAudience.NETWORK, ADVOCATE, 5).get("admin1"))
                .isEqualTo("behind the church");
    }

    @Test
    void smallCountsAreShownAsARangeBelowTheConfiguredThresholdAndOnlyToThePublic() {
        IncidentState sevenDead = withDead(7);

        assertThat(ExportRow.of(sevenDead, ExportAudience.PUBLIC, ADVOCATE, 5).get("dead")).isEqualTo(7);
        assertThat(ExportRow.of(sevenDead, ExportAudience.PUBLIC, ADVOCATE, 10).get("dead")).isEqualTo("<10");
        assertThat(ExportRow.of(sevenDead, ExportAudience.NETWORK, ADVOCATE, 10).get("dead")).isEqualTo(7);
        assertThat(ExportRow.of(withDead(0), ExportAudience.PUBLIC, ADVOCATE, 10).get("dead")).as("none is not small")
                .isEqualTo(0);
    }

    @Test
    void aMissingMigrantsProjectRowCarriesItsAttribution() {
        IncidentState imported = new IncidentState("i-1", 2, "REPORTED", null, "org-a", "PUBLIC", "maria", null,
                RECORDED, UPDATED, null, "CC BY-IGO", incident("Darién", null).details(), List.of(),
                "IOM Missing Migrants Project", null);

        assertThat(ExportRow.of(imported, ExportAudience.PUBLIC, ADVOCATE, 5).get("attribution"))
                .isEqualTo("IOM Missing Migrants Project");
    }

    @Test
    void aPublicDatasetsRowCarriesItsLicence() {
        assertThat(ExportRow.of(incident("Darién", "CC BY-IGO"), ExportAudience.PUBLIC, ADVOCATE, 5).get("licence"))
                .isEqualTo("CC BY-IGO");
        assertThat(ExportRow.of(incident("Darién", null), ExportAudience.PUBLIC, ADVOCATE, 5).get("licence")).isNull();
    }

    private static IncidentState withDead(int dead) {
        IncidentState incident = incident("Darién", null);
        IncidentFacts details = incident.details();
        IncidentFacts facts = new IncidentFacts(details.type(), null, details.occurredAt(), details.occurredAtPrecision(),
                null, details.place(), null, null, new IncidentFacts.Affected(dead, null, null, null, null, null, null,
                null), null, null, null, null, null, null);
        return new IncidentState("i-1", 2, "REPORTED", null, "org-a", "PUBLIC", "maria", null, RECORDED, UPDATED, null,
                null, facts, List.of(), null, null);
    }

    private static IncidentState incident(String admin1, String licence) {
        IncidentFacts facts = new IncidentFacts("KIDNAPPING", null, "2026-11-20", "DAY", null,
                new IncidentFacts.Place("PA", admin1, null, null, null, "ADMIN"), null, null, null, null, null, null,
                null, null, null);
        return new IncidentState("i-1", 2, "REPORTED", null, "org-a", "PUBLIC", "maria", null, RECORDED, UPDATED, null,
                licence, facts, List.of(), null, null);
    }
}
