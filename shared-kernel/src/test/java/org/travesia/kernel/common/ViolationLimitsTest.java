package org.travesia.kernel.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** However many problems a value has, at most a hundred are reported and the rest are counted in one more. */
class ViolationLimitsTest {

    @Test
    void aHundredProblemsAreReportedAndTheRestCounted() {
        Violations v = new Violations();
        for (int i = 0; i < 100_000; i++) {
            v.add("nationalities[" + i + "]", "country.unknown", "XX");
        }

        assertThat(v.list()).hasSize(Violations.MAX_REPORTED + 1);
        assertThat(v.list().get(Violations.MAX_REPORTED))
                .isEqualTo(Violation.of("", "violations.more", 100_000 - Violations.MAX_REPORTED));
        assertThatThrownBy(v::throwIfAny).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.violations()).hasSize(Violations.MAX_REPORTED + 1));
    }

    @Test
    void aFieldStillKeepsItsFirstProblemOnlyAndIsNotCountedTwice() {
        Violations v = new Violations();
        for (int i = 0; i < 150; i++) {
            v.add("field" + i, "first");
            v.add("field" + i, "second");
        }

        assertThat(v.list().get(0).code()).isEqualTo("first");
        assertThat(v.list().get(Violations.MAX_REPORTED).args()).containsExactly(50);
    }
}
