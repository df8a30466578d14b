package org.travesia.command.missing;

import static org.travesia.command.missing.CaseFixtures.ADMIN;
import static org.travesia.command.missing.CaseFixtures.ANA;
import static org.travesia.command.missing.CaseFixtures.ID;
import static org.travesia.command.missing.CaseFixtures.MARIA;
import static org.travesia.command.missing.CaseFixtures.OTHER_ANALYST;
import static org.travesia.command.missing.CaseFixtures.recorded;
import static org.travesia.command.missing.CaseFixtures.reported;
import static org.travesia.command.missing.CaseFixtures.sighting;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.travesia.kernel.common.ConflictException;
import org.travesia.kernel.common.InvalidValueException;
import org.travesia.kernel.common.NotPermittedException;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.missing.CloseCase;
import org.travesia.kernel.missing.ErasePersonalData;
import org.travesia.kernel.missing.ErasureReason;
import org.travesia.kernel.missing.IncidentLinkedToCase;
import org.travesia.kernel.missing.LinkIncidentToCase;
import org.travesia.kernel.missing.MarkFoundAlive;
import org.travesia.kernel.missing.MarkFoundDeceased;
import org.travesia.kernel.missing.MissingPersonCaseClosed;
import org.travesia.kernel.missing.MissingPersonFoundAlive;
import org.travesia.kernel.missing.MissingPersonFoundDeceased;
import org.travesia.kernel.missing.PersonalDataErased;
import org.travesia.kernel.missing.RecordSighting;
import org.travesia.kernel.missing.ReopenCase;
import org.travesia.kernel.missing.UnlinkIncidentFromCase;

/** What a case refuses, each with its stable code: and after an erasure, everything but reads. */
class RefusedTransitionsTest {

    private AggregateTestFixture<MissingPersonCase> fixture;

    @BeforeEach
    void fixture() {
        fixture = CaseFixtures.fixture();
    }

    @Test
    void noSightingAfterClosure() {
        fixture.given(recorded(reported(), new MissingPersonCaseClosed(ID, "stopped")))
                .when(new RecordSighting(ID, null, sighting(LocalDate.of(2026, 10, 9)), MARIA))
                .expectException(ConflictException.class)
                .expectExceptionMessage("missing-person.closed")
                .expectNoEvents();
    }

    @Test
    void aPersonIsNotFoundTwice() {
        fixture.given(recorded(reported(), new MissingPersonFoundAlive(ID, "2026-11-20", null)))
                .when(new MarkFoundAlive(ID, null, null, null, MARIA))
                .expectExceptionMessage("missing-person.already-found");
        fixture.given(recorded(reported(), new MissingPersonFoundAlive(ID, "2026-11-20", null)))
                .when(new MarkFoundDeceased(ID, null, "death-1", null, MARIA))
                .expectExceptionMessage("missing-person.already-found");
        fixture.given(recorded(reported(), new MissingPersonFoundDeceased(ID, "death-1", null)))
                .when(new RecordSighting(ID, null, sighting(LocalDate.of(2026, 10, 9)), MARIA))
                .expectExceptionMessage("missing-person.already-found");
    }

    @Test
    void closingTwiceOrReopeningAnOpenCaseIsRefused() {
        fixture.given(recorded(reported(), new MissingPersonCaseClosed(ID, "stopped")))
                .when(new CloseCase(ID, null, "again", ANA))
                .expectExceptionMessage("missing-person.closed");
        fixture.given(recorded(reported()))
                .when(new ReopenCase(ID, null, "why", ANA))
                .expectExceptionMessage("missing-person.already-open");
    }

    @Test
    void linksAreRefusedTwiceAndUnlinksOfWhatIsNotLinkedOrIsTheDeath() {
        fixture.given(recorded(reported(), new IncidentLinkedToCase(ID, "i-1", null)))
                .when(new LinkIncidentToCase(ID, null, "i-1", null, ANA))
                .expectExceptionMessage("missing-person.incident-already-linked");
        fixture.given(recorded(reported()))
                .when(new UnlinkIncidentFromCase(ID, null, "i-1", "mistake", ANA))
                .expectExceptionMessage("missing-person.incident-not-linked");
        fixture.given(recorded(reported(), new MissingPersonFoundDeceased(ID, "death-1", null)))
                .when(new UnlinkIncidentFromCase(ID, null, "death-1", "mistake", ANA))
                .expectExceptionMessage("missing-person.incident-is-the-death");
    }

    @Test
    void closingReopeningAndUnlinkingNeedAReason() {
        fixture.given(recorded(reported()))
                .when(new CloseCase(ID, null, " ", ANA))
                .expectException(InvalidValueException.class);
        fixture.given(recorded(reported(), new MissingPersonCaseClosed(ID, "stopped")))
                .when(new ReopenCase(ID, null, null, ANA))
                .expectException(InvalidValueException.class);
    }

    @Test
    void aStaleVersionIsAConflict() {
        fixture.given(recorded(reported(), new MissingPersonCaseClosed(ID, "stopped")))
                .when(new ReopenCase(ID, 0L, "new information", ANA))
                .expectExceptionMessage("missing-person.version-conflict");
    }

    @Test
    void anotherOrganisationActsOnAnOrganisationOnlyCaseAsIfItDidNotExist() {
        fixture.given(recorded(reported()))
                .when(new RecordSighting(ID, null, sighting(LocalDate.of(2026, 10, 9)), OTHER_ANALYST))
                .expectException(AggregateNotFoundException.class);
        fixture.given(recorded(reported("fp-1", SharingLevel.NETWORK)))
                .when(new CloseCase(ID, null, "not ours", OTHER_ANALYST))
                .expectException(NotPermittedException.class);
    }

    @Test
    void onlyAnAdminOfTheOwningOrganisationErases() {
        fixture.given(recorded(reported()))
                .when(new ErasePersonalData(ID, null, ErasureReason.FAMILY_REQUEST, ANA))
                .expectException(NotPermittedException.class);
        fixture.given(recorded(reported("fp-1", SharingLevel.NETWORK)))
                .when(new ErasePersonalData(ID, null, ErasureReason.FAMILY_REQUEST, CaseFixtures.OTHER_ADMIN))
                .expectException(NotPermittedException.class);
        fixture.given(recorded(reported()))
                .when(new ErasePersonalData(ID, null, null, ADMIN))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }

    @Test
    void afterAnErasureTheCaseRefusesEverything() {
        Object[] erased = recorded(reported(), new PersonalDataErased(ID, "FAMILY_REQUEST"));
        for (Object command : List.of(
                new RecordSighting(ID, null, sighting(LocalDate.of(2026, 10, 9)), MARIA),
                new LinkIncidentToCase(ID, null, "i-1", null, ANA),
                new UnlinkIncidentFromCase(ID, null, "i-1", "x", ANA),
                new MarkFoundAlive(ID, null, null, null, MARIA),
                new MarkFoundDeceased(ID, null, "death-1", null, MARIA),
                new CloseCase(ID, null, "x", ANA),
                new ReopenCase(ID, null, "x", ANA),
                new ErasePersonalData(ID, null, ErasureReason.FAMILY_REQUEST, ADMIN))) {
            fixture.given(erased)
                    .when(command)
                    .expectException(ConflictException.class)
                    .expectExceptionMessage("missing-person.erased")
                    .expectNoEvents();
        }
    }
}
