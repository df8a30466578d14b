package org.travesia.command.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.travesia.kernel.alert.AlertRuleSet;

/**
 * Thresholds and spikes over day cells, counting only what the rule's organisation may read: its own reports, and
 * others' shared ones that carry the consent another organisation needs.
 */
class RuleEvaluationTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final AlertRuleSet THREE_KIDNAPPINGS_IN_SEVEN_DAYS = new AlertRuleSet("darien", "org-a", "k3",
            "THRESHOLD", null, List.of("KIDNAPPING"), 3, null, 7, null, null);
    private final Map<LocalDate, List<CellEntry>> cells = new HashMap<>();

    private void on(LocalDate day, CellEntry... entries) {
        cells.put(day, List.of(entries));
    }

    /** A kidnapping whose report carries the partner consent, so that only its sharing decides. */
    private static CellEntry kidnapping(String id, String organisation, String sharing) {
        return new CellEntry(id, organisation, sharing, true, "KIDNAPPING", 1);
    }

    private static CellEntry kidnappingWithoutConsent(String id, String organisation, String sharing) {
        return new CellEntry(id, organisation, sharing, false, "KIDNAPPING", 1);
    }

    @Test
    void threeKidnappingsWithinSevenDaysCross() {
        on(DAY.minusDays(6), kidnapping("i-1", "org-a", "ORGANISATION"));
        on(DAY.minusDays(2), kidnapping("i-2", "org-b", "NETWORK"));
        on(DAY, kidnapping("i-3", "org-a", "NETWORK"));

        var crossing = RuleEvaluation.evaluate(THREE_KIDNAPPINGS_IN_SEVEN_DAYS, DAY, RuleEvaluation.from(cells));

        assertThat(crossing).hasValueSatisfying(c -> {
            assertThat(c.from()).isEqualTo(DAY.minusDays(6));
            assertThat(c.to()).isEqualTo(DAY);
            assertThat(c.figures().incidents()).isEqualTo(3);
            assertThat(c.figures().deadAndMissing()).isEqualTo(3);
            assertThat(c.incidentIds()).containsExactly("i-1", "i-2", "i-3");
        });
    }

    @Test
    void aRuleEvaluatedForAnEventCountsNothingALaterEventPutThere() {
        on(DAY.minusDays(6), new CellEntry("i-1", "org-a", "NETWORK", true, "KIDNAPPING", 1, 10));
        on(DAY.minusDays(2), new CellEntry("i-2", "org-a", "NETWORK", true, "KIDNAPPING", 1, 11));
        on(DAY, new CellEntry("i-3", "org-a", "NETWORK", true, "KIDNAPPING", 1, 13));

        assertThat(RuleEvaluation.evaluate(THREE_KIDNAPPINGS_IN_SEVEN_DAYS, DAY, RuleEvaluation.from(cells, 11)))
                .isEmpty();
        assertThat(RuleEvaluation.evaluate(THREE_KIDNAPPINGS_IN_SEVEN_DAYS, DAY, RuleEvaluation.from(cells, 13)))
                .isPresent();
    }

    @Test
    void anotherOrganisationsPrivateReportsAreNotCounted() {
        on(DAY.minusDays(1), kidnapping("i-1", "org-a", "ORGANISATION"));
        on(DAY, kidnapping("i-2", "org-a", "ORGANISATION"), kidnapping("i-3", "org-b", "ORGANISATION"));

        assertThat(RuleEvaluation.evaluate(THREE_KIDNAPPINGS_IN_SEVEN_DAYS, DAY, RuleEvaluation.from(cells)))
                .isEmpty();
    }

    @Test
    void anotherOrganisationsSharedReportsWithoutConsentAreNotCounted() {
        on(DAY.minusDays(1), kidnappingWithoutConsent("i-1", "org-a", "ORGANISATION"));
        on(DAY, kidnappingWithoutConsent("i-2", "org-b", "NETWORK"), kidnappingWithoutConsent("i-3", "org-b", "PUBLIC"),
                kidnapping("i-4", "org-b", "NETWORK"));

        assertThat(RuleEvaluation.evaluate(THREE_KIDNAPPINGS_IN_SEVEN_DAYS, DAY, RuleEvaluation.from(cells)))
                .isEmpty();

        on(DAY.minusDays(2), kidnappingWithoutConsent("i-5", "org-a", "NETWORK"));
        assertThat(RuleEvaluation.evaluate(THREE_KIDNAPPINGS_IN_SEVEN_DAYS, DAY, RuleEvaluation.from(cells)))
                .as("its own count without consent").hasValueSatisfying(c -> assertThat(c.incidentIds())
                        .containsExactly("i-1", "i-4", "i-5"));
    }

    @Test
    void incidentsSevenDaysApartAreNotInOneWindow() {
        on(DAY.minusDays(7), kidnapping("i-1", "org-a", "NETWORK"));
        on(DAY, kidnapping("i-2", "org-a", "NETWORK"), kidnapping("i-3", "org-a", "NETWORK"));

        assertThat(RuleEvaluation.evaluate(THREE_KIDNAPPINGS_IN_SEVEN_DAYS, DAY, RuleEvaluation.from(cells)))
                .isEmpty();
    }

    @Test
    void deadAndMissingCrossOnTheirOwn() {
        AlertRuleSet tenDeadOrMissing = new AlertRuleSet("darien", "org-a", "dm", "THRESHOLD", null, List.of(), null,
                10, 30, null, null);
        on(DAY.minusDays(20), new CellEntry("i-1", "org-a", "NETWORK", false, "ACCIDENT", 4));
        on(DAY, new CellEntry("i-2", "org-a", "NETWORK", false, "DEATH", 6));

        assertThat(RuleEvaluation.evaluate(tenDeadOrMissing, DAY, RuleEvaluation.from(cells)))
                .hasValueSatisfying(c -> assertThat(c.figures().deadAndMissing()).isEqualTo(10));
    }

    @Test
    void aSpikeIsThisWeekAgainstTheMeanOfTheWeeksBefore() {
        AlertRuleSet doubling = new AlertRuleSet("darien", "org-a", "spike", "SPIKE", null, List.of(), 3, null, null,
                2.0, 4);
        LocalDate monday = LocalDate.of(2026, 11, 16);
        on(monday.minusWeeks(1), kidnapping("b-1", "org-a", "NETWORK"));
        on(monday.minusWeeks(3), kidnapping("b-2", "org-a", "NETWORK"), kidnapping("b-3", "org-a", "NETWORK"),
                kidnapping("b-4", "org-a", "NETWORK"), kidnapping("b-5", "org-a", "NETWORK"));
        on(monday, kidnapping("w-1", "org-a", "NETWORK"), kidnapping("w-2", "org-a", "NETWORK"));
        assertThat(RuleEvaluation.evaluate(doubling, DAY, RuleEvaluation.from(cells))).isEmpty();

        on(DAY, kidnapping("w-3", "org-a", "NETWORK"));
        assertThat(RuleEvaluation.evaluate(doubling, DAY, RuleEvaluation.from(cells))).hasValueSatisfying(c -> {
            assertThat(c.from()).isEqualTo(monday);
            assertThat(c.figures().baselineWeeklyMean()).isEqualTo(1.25);
            assertThat(c.figures().threshold()).isEqualTo(3);
            assertThat(c.incidentIds()).containsExactly("w-1", "w-2", "w-3");
        });
    }
}
