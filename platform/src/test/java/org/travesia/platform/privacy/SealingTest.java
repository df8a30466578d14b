package org.travesia.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.platform.testing.TestPrivacy;

/** A sealed value opens only for its subject and field, and holds nothing of its text in the clear. */
class SealingTest {

    private static final DataSubject ROSA = DataSubject.missingPerson("case-1");
    private static final DataSubject OTHER = DataSubject.missingPerson("case-2");

    private final TestPrivacy privacy = TestPrivacy.inMemory();

    @AfterEach
    void close() {
        privacy.close();
    }

    @Test
    void aSealedValueOpensToItsTextAndShowsNoneOfIt() {
        String sealed = privacy.cipher().sealerFor(ROSA).seal("person.fullName", "Rosa Ibarra");

        assertThat(sealed).startsWith("enc:v1:missing-person:case-1#0:").doesNotContain("Rosa").doesNotContain("Ibarra");
        assertThat(privacy.cipher().openerFor(ROSA).text(ROSA, "person.fullName", sealed)).isEqualTo("Rosa Ibarra");
    }

    @Test
    void theSameTextSealedTwiceGivesTwoCiphertexts() {
        SubjectSealer sealer = privacy.cipher().sealerFor(ROSA);

        assertThat(sealer.seal("person.fullName", "Rosa")).isNotEqualTo(sealer.seal("person.fullName", "Rosa"));
    }

    @Test
    void aValueMovedToAnotherFieldDoesNotOpen() {
        String sealed = privacy.cipher().sealerFor(ROSA).seal("person.fullName", "Rosa Ibarra");

        assertThatThrownBy(() -> privacy.cipher().openerFor(ROSA).text(ROSA, "reporter.contact", sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("Rosa");
    }

    @Test
    void aValueMovedToAnotherSubjectDoesNotOpen() {
        String sealed = privacy.cipher().sealerFor(ROSA).seal("person.fullName", "Rosa Ibarra");
        privacy.cipher().sealerFor(OTHER).seal("person.fullName", "someone else");

        assertThatThrownBy(() -> privacy.cipher().openerFor(OTHER).text(OTHER, "person.fullName", sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTamperedValueDoesNotOpen() {
        String sealed = privacy.cipher().sealerFor(ROSA).seal("person.fullName", "Rosa Ibarra");
        char last = sealed.charAt(sealed.length() - 2);
        String tampered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A')
                + sealed.charAt(sealed.length() - 1);

        assertThatThrownBy(() -> privacy.cipher().openerFor(ROSA).text(ROSA, "person.fullName", tampered))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRecordIsSealedAndOpenedFieldByFieldByItsPaths() {
        IncidentFacts facts = new IncidentFacts("KIDNAPPING", null, "2026-11-20", "DAY", null,
                new IncidentFacts.Place("PA", "Darién", null, "Bajo Chiquito", null, null), null, null, null,
                List.of("VE"), null, null, new IncidentFacts.Source("MEDIA", 3, "La Prensa"), "two men taken", null);
        DataSubject incident = DataSubject.incident("i-1");

        IncidentFacts sealed = privacy.cipher().sealerFor(incident).sealRecord(facts);

        assertThat(sealed.description()).startsWith("enc:v1:");
        assertThat(sealed.place().locality()).startsWith("enc:v1:");
        assertThat(sealed.source().reference()).startsWith("enc:v1:");
        assertThat(sealed.place().admin1()).as("not personal").isEqualTo("Darién");
        assertThat(privacy.cipher().openerFor(incident).text(incident, "place.locality", sealed.place().locality()))
                .isEqualTo("Bajo Chiquito");
        assertThat(privacy.cipher().openerFor(incident).openRecord(incident, sealed, "").value()).isEqualTo(facts);
    }

    @Test
    void aValueWrittenBeforeSealingReadsAsItsOwnText() {
        assertThat(privacy.cipher().openerFor(ROSA).text(ROSA, "person.fullName", "written in the clear"))
                .isEqualTo("written in the clear");
    }
}
