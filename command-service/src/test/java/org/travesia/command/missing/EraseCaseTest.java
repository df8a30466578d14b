package org.travesia.command.missing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.travesia.command.missing.CaseFixtures.ADMIN;
import static org.travesia.command.missing.CaseFixtures.recorded;
import static org.travesia.command.missing.CaseFixtures.reported;

import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.missing.ErasePersonalData;
import org.travesia.kernel.missing.ErasureReason;
import org.travesia.kernel.missing.MissingPersonReported;
import org.travesia.kernel.missing.PersonalDataErased;
import org.travesia.platform.privacy.DataSubject;
import org.travesia.platform.privacy.SubjectOpener;

/** An admin of the owning organisation erases the person: the key is gone, then the erasure is recorded. */
class EraseCaseTest {

    private AggregateTestFixture<MissingPersonCase> fixture;

    @BeforeEach
    void fixture() {
        fixture = CaseFixtures.fixture();
    }

    @Test
    void theErasureDeletesThePersonsKeyAndIsRecordedWithoutAnythingPersonal() {
        String caseId = "erased-" + UUID.randomUUID();
        DataSubject subject = DataSubject.missingPerson(caseId);
        MissingPersonReported report = (MissingPersonReported) recorded(reported(caseId, "fp-1",
                SharingLevel.ORGANISATION))[0];

        fixture.given(report)
                .when(new ErasePersonalData(caseId, 0L, ErasureReason.FAMILY_REQUEST, ADMIN))
                .expectResultMessagePayload(1L)
                .expectEvents(new PersonalDataErased(caseId, "FAMILY_REQUEST"));

        SubjectOpener opener = CaseFixtures.cipher().openerFor(subject);
        assertThat(opener.open(subject, "fullName", report.person().fullName()).shredded()).isTrue();
        assertThat(opener.open(subject, "contact", report.reporter().contact()).shredded()).isTrue();
        assertThat(opener.texts(subject, "searchTokens", report.searchTokens())).isEmpty();
    }
}
