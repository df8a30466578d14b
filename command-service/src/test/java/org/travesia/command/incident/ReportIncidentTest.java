package org.travesia.command.incident;

import static org.travesia.command.incident.IncidentFixtures.opened;
import static org.travesia.command.incident.IncidentFixtures.recorded;
import static org.travesia.command.incident.IncidentFixtures.report;
import static org.travesia.command.incident.IncidentFixtures.reported;

import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.kernel.common.ConflictException;
import org.travesia.kernel.common.InvalidValueException;

/** Reporting, as the specification: given these events, when this command, expect these events. */
class ReportIncidentTest {

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void fixture() {
        fixture = IncidentFixtures.fixture();
    }

    @Test
    void aNewReportIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(report("fp-1", LocalDate.of(2026, 11, 20)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new Incident.ReportOutcome("i-1", 0, false))
                .expectEventsMatching(opened(reported("fp-1", LocalDate.of(2026, 11, 20))));
    }

    @Test
    void aRetryWithTheSamePayloadReturnsTheOriginalIncidentAndRecordsNothing() {
        fixture.given(recorded(reported("fp-1", LocalDate.of(2026, 11, 20))))
                .when(report("fp-1", LocalDate.of(2026, 11, 20)))
                .expectResultMessagePayload(new Incident.ReportOutcome("i-1", 0, true))
                .expectNoEvents();
    }

    @Test
    void aDifferentReportUnderAUsedReportIdIsAConflict() {
        fixture.given(recorded(reported("fp-1", LocalDate.of(2026, 11, 20))))
                .when(report("fp-2", LocalDate.of(2026, 11, 19)))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void anIncidentCannotHaveOccurredInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(report("fp-1", LocalDate.of(2026, 11, 26)))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }

    @Test
    void todayIsNotTheFutureAnywhereOnEarth() {
        // 2026-11-25 has begun east of UTC+12 while it is still the 24th in UTC.
        fixture.givenNoPriorActivity()
                .when(report("fp-1", LocalDate.of(2026, 11, 25)))
                .expectSuccessfulHandlerExecution();
    }
}
