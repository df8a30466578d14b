package org.travesia.command.missing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.travesia.command.missing.CaseFixtures.opened;
import static org.travesia.command.missing.CaseFixtures.recorded;
import static org.travesia.command.missing.CaseFixtures.reportCommand;
import static org.travesia.command.missing.CaseFixtures.reported;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.kernel.common.ConflictException;
import org.travesia.kernel.common.InvalidValueException;
import org.travesia.kernel.missing.MissingPersonReported;

/** Reporting a missing person: recorded sealed, safe to retry, never dated in the future. */
class ReportMissingPersonTest {

    private AggregateTestFixture<MissingPersonCase> fixture;

    @BeforeEach
    void fixture() {
        fixture = CaseFixtures.fixture();
    }

    @Test
    void aNewReportIsRecordedWithEveryPersonalFieldSealed() {
        fixture.givenNoPriorActivity()
                .when(reportCommand("fp-1", LocalDate.of(2026, 10, 2)))
                .expectResultMessagePayload(new MissingPersonCase.ReportOutcome(CaseFixtures.ID, 0, false))
                .expectEventsMatching(opened(reported()));
    }

    @Test
    void theRecordedReportShowsNoNameContactOrPlaceInTheClear() {
        fixture.givenNoPriorActivity()
                .when(reportCommand("fp-1", LocalDate.of(2026, 10, 2)))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.predicate(payload -> {
                                    // Sealed values are random text that may hold "555" or "2003" by chance:
                                    // what must not appear in the clear is looked for outside them.
                                    String recorded = payload.toString().replaceAll("enc:v1:[^,\\]\\s]+", "enc");
                                    return !recorded.contains("Rosa") && !recorded.contains("Flaca")
                                            && !recorded.contains("555") && !recorded.contains("Bajo Chiquito")
                                            && !recorded.contains("2003") && recorded.contains("Darién");
                                }),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void theAgeKeptInTheClearIsTheFiveYearBand() {
        MissingPersonReported reported = reported();

        assertThat(reported.person().ageBand().min()).isEqualTo(20);
        assertThat(reported.person().ageBand().max()).isEqualTo(24);
        assertThat(reported.person().ageRange()).isEqualTo("22-23");
        assertThat(reported.searchTokens()).hasSize(List.of("rosa", "maria", "ibarra", "la", "flaca").size() + 1);
    }

    @Test
    void aRetryWithTheSameReportAnswersTheCaseAndRecordsNothing() {
        fixture.given(recorded(reported()))
                .when(reportCommand("fp-1", LocalDate.of(2026, 10, 2)))
                .expectResultMessagePayload(new MissingPersonCase.ReportOutcome(CaseFixtures.ID, 0, true))
                .expectNoEvents();
    }

    @Test
    void anotherReportUnderAUsedReportIdIsAConflict() {
        fixture.given(recorded(reported()))
                .when(reportCommand("fp-2", LocalDate.of(2026, 10, 2)))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void nobodyIsLastSeenInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(reportCommand("fp-1", LocalDate.of(2026, 11, 26)))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }
}
