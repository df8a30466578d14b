package org.travesia.command.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.travesia.command.incident.IncidentFixtures.ANA;
import static org.travesia.command.incident.IncidentFixtures.ID;
import static org.travesia.command.incident.IncidentFixtures.MARIA;
import static org.travesia.command.incident.IncidentFixtures.OTHER_ANALYST;
import static org.travesia.command.incident.IncidentFixtures.opened;
import static org.travesia.command.incident.IncidentFixtures.recorded;
import static org.travesia.command.incident.IncidentFixtures.reported;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.kernel.common.ConflictException;
import org.travesia.kernel.common.InvalidValueException;
import org.travesia.kernel.common.NotPermittedException;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.incident.AmendIncident;
import org.travesia.kernel.incident.IncidentAmended;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.kernel.incident.IncidentFreeTextRedacted;
import org.travesia.kernel.incident.IncidentReported;
import org.travesia.kernel.incident.IncidentRetracted;
import org.travesia.kernel.incident.RedactIncidentFreeText;
import org.travesia.platform.privacy.DataSubject;

/** An analyst of the reporting organisation shreds an incident's free text; everything else stays. */
class RedactIncidentTest {

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void fixture() {
        fixture = IncidentFixtures.fixture();
    }

    @Test
    void anAnalystOfTheReportingOrganisationShredsTheFreeTextRecordedSoFar() {
        IncidentReported report = (IncidentReported) recorded(reported())[0];

        fixture.given(report)
                .when(new RedactIncidentFreeText(ID, 0L, "a victim's name in the description", ANA))
                .expectResultMessagePayload(1L)
                .expectEventsMatching(opened(new IncidentFreeTextRedacted(ID, "a victim's name in the description")));

        DataSubject incident = DataSubject.incident(ID);
        assertThat(IncidentFixtures.cipher().openerFor(incident)
                .open(incident, "description", report.details().description()).shredded()).isTrue();
    }

    @Test
    void freeTextRecordedInTheClearBeforeEncryptionIsRefusedWithNothingShreddedOrRecorded() {
        DataSubject incident = DataSubject.incident(ID);
        String sealedBefore = IncidentFixtures.cipher().sealerFor(incident).seal("note", "sealed before the attempt");

        fixture.given(reported())
                .when(new RedactIncidentFreeText(ID, 0L, "a victim's name in the description", ANA))
                .expectException(ConflictException.class)
                .expectExceptionMessage("incident.redaction.plaintext")
                .expectNoEvents();

        assertThat(IncidentFixtures.cipher().openerFor(incident).open(incident, "note", sealedBefore).text())
                .as("the key was not shredded: deleting it would pretend to erase text it never protected")
                .isEqualTo("sealed before the attempt");
    }

    @Test
    void oneEarlierEventWithFreeTextInTheClearIsEnoughToRefuse() {
        fixture.given(recorded(reported())[0], new IncidentRetracted(ID, "recorded in the clear"))
                .when(new RedactIncidentFreeText(ID, null, "names a witness", ANA))
                .expectException(ConflictException.class)
                .expectExceptionMessage("incident.redaction.plaintext")
                .expectNoEvents();
    }

    @Test
    void aRetractedIncidentsFreeTextCanStillBeShredded() {
        fixture.given(recorded(reported(), new IncidentRetracted(ID, "fabricated")))
                .when(new RedactIncidentFreeText(ID, null, "names a witness", ANA))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void freeTextWrittenAfterARedactionOpens() {
        IncidentFacts description = new IncidentFacts(null, null, null, null, null, null, null, null, null, null, null,
                null, null, "a group was taken", null);

        fixture.given(recorded(reported(), new IncidentFreeTextRedacted(ID, "names a victim")))
                .when(new AmendIncident(ID, 1, IncidentMergePatch.read(Map.of("description", "a group was taken")),
                        "without the name", ANA))
                .expectEventsMatching(opened(new IncidentAmended(ID, description, List.of("description"),
                        "without the name")));
    }

    @Test
    void onlyAnAnalystOfTheReportingOrganisationRedactsAndGivesAReason() {
        fixture.given(recorded(reported()))
                .when(new RedactIncidentFreeText(ID, null, "names", MARIA))
                .expectException(NotPermittedException.class);
        fixture.given(recorded(reported()))
                .when(new RedactIncidentFreeText(ID, null, "names", OTHER_ANALYST))
                .expectException(NotPermittedException.class);
        fixture.given(recorded(reported(SharingLevel.ORGANISATION,
                        IncidentFixtures.details(LocalDate.of(2026, 11, 20)))))
                .when(new RedactIncidentFreeText(ID, null, "names", OTHER_ANALYST))
                .expectException(AggregateNotFoundException.class);
        fixture.given(recorded(reported()))
                .when(new RedactIncidentFreeText(ID, null, " ", ANA))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }
}
