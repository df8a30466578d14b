package org.travesia.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The audit trail keeps what was searched for, except the names and years of birth people were searched by. */
class AuditQueryWithoutPersonalValuesTest {

    @Test
    void aNameOrAYearOfBirthSearchedForIsWithheldAndTheRestKept() {
        assertThat(AuditLog.withoutPersonalValues("route=darien&name=Rosa%20Ibarra&yearOfBirth=2003&limit=5"))
                .isEqualTo("route=darien&name=(withheld)&yearOfBirth=(withheld)&limit=5");
        assertThat(AuditLog.withoutPersonalValues("route=darien")).isEqualTo("route=darien");
        assertThat(AuditLog.withoutPersonalValues(null)).isNull();
    }
}
