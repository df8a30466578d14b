package org.travesia.ops.readme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A README comment that names a problem code is met by the problem's own code or one of its field errors' codes. */
class ExpectationTest {

    private static final String VALIDATION = """
            {"status":400,"code":"problem.validation","errors":[{"field":"geometry","code":"geometry.invalid"}]}""";

    @Test
    void aFieldErrorsCodeMeetsTheComment() {
        assertThat(Expectation.inComment("# → 400 geometry.invalid").mismatch(400, VALIDATION)).isNull();
        assertThat(Expectation.inComment("# → 400 problem.validation").mismatch(400, VALIDATION)).isNull();
    }

    @Test
    void aCodeTheAnswerDoesNotCarryIsAMismatch() {
        assertThat(Expectation.inComment("# → 400 geometry.ring-unclosed").mismatch(400, VALIDATION)).isNotNull();
        assertThat(Expectation.inComment("# → 409 incident.version-conflict").mismatch(409, "{\"status\":409}"))
                .isNotNull();
    }
}
