package org.travesia.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.travesia.platform.privacy.keys.ErasedForeverException;
import org.travesia.platform.privacy.keys.KeyVault;
import org.travesia.platform.privacy.keys.MissingKeyException;
import org.travesia.platform.testing.TestPrivacy;

import com.mongodb.client.model.Filters;

/** Deleting a subject's key is what erases it: every value sealed under it stops opening, at once. */
class ShreddingTest {

    private static final DataSubject CASE = DataSubject.missingPerson("case-1");
    private static final DataSubject INCIDENT = DataSubject.incident("i-1");

    private final TestPrivacy privacy = TestPrivacy.inMemory();

    @AfterEach
    void close() {
        privacy.close();
    }

    @Test
    void aShreddedValueOpensAsShreddedForTheNextReader() {
        String sealed = privacy.cipher().sealerFor(CASE).seal("person.fullName", "Rosa Ibarra");
        SubjectOpener before = privacy.cipher().openerFor(CASE);
        assertThat(before.text(CASE, "person.fullName", sealed)).isEqualTo("Rosa Ibarra");

        privacy.cipher().eraseForever(CASE);

        Opened after = privacy.cipher().openerFor(CASE).open(CASE, "person.fullName", sealed);
        assertThat(after.shredded()).isTrue();
        assertThat(after.text()).isNull();
        assertThat(privacy.keyDatabase().getCollection(KeyVault.DATA_KEYS).countDocuments(Filters.eq("_id", CASE.key())))
                .isZero();
    }

    @Test
    void nothingIsSealedForAPersonErasedForGood() {
        privacy.cipher().sealerFor(CASE).seal("person.fullName", "Rosa Ibarra");

        privacy.cipher().eraseForever(CASE);

        assertThatThrownBy(() -> privacy.cipher().sealerFor(CASE).seal("person.fullName", "Rosa"))
                .isInstanceOf(ErasedForeverException.class);
    }

    @Test
    void anIncidentsFreeTextAfterARedactionGetsANewKeyAndTheOldStaysShredded() {
        String before = privacy.cipher().sealerFor(INCIDENT).seal("description", "Rosa Ibarra was taken");

        privacy.cipher().shred(INCIDENT);
        String after = privacy.cipher().sealerFor(INCIDENT).seal("reason", "a name in the description");

        SubjectOpener opener = privacy.cipher().openerFor(INCIDENT);
        assertThat(opener.open(INCIDENT, "description", before).shredded()).isTrue();
        assertThat(opener.text(INCIDENT, "reason", after)).isEqualTo("a name in the description");
        assertThat(after).contains("incident:i-1#1:");
    }

    @Test
    void aKeyGoneWithoutARecordOfItsShreddingIsAnErrorNotAnErasure() {
        String sealed = privacy.cipher().sealerFor(CASE).seal("person.fullName", "Rosa Ibarra");
        privacy.keyDatabase().getCollection(KeyVault.DATA_KEYS).deleteOne(Filters.eq("_id", CASE.key()));

        assertThatThrownBy(() -> privacy.cipher().openerFor(CASE).open(CASE, "person.fullName", sealed))
                .isInstanceOf(MissingKeyException.class);
    }

    @Test
    void shreddingOneSubjectLeavesTheOthers() {
        String rosa = privacy.cipher().sealerFor(CASE).seal("person.fullName", "Rosa");
        DataSubject other = DataSubject.missingPerson("case-2");
        String pedro = privacy.cipher().sealerFor(other).seal("person.fullName", "Pedro");

        privacy.cipher().eraseForever(CASE);

        SubjectOpener opener = privacy.cipher().openerFor(java.util.List.of(CASE, other));
        assertThat(opener.open(CASE, "person.fullName", rosa).shredded()).isTrue();
        assertThat(opener.text(other, "person.fullName", pedro)).isEqualTo("Pedro");
    }
}
