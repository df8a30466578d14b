package org.travesia.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.travesia.platform.privacy.keys.ErasedForeverException;
import org.travesia.platform.privacy.keys.KeyVault;
import org.travesia.platform.testing.TestPrivacy;

import com.mongodb.client.model.Filters;

/**
 * Sealers for a batch of subjects take keys made in one write, and opening finds them: a key already there is kept, a
 * subject redacted before gets its next generation, and one erased for good gets none and a sealer that refuses.
 */
class PreparedKeysTest {

    private final TestPrivacy privacy = TestPrivacy.inMemory();

    @AfterEach
    void close() {
        privacy.close();
    }

    @Test
    void keysMadeForABatchAreStoredAndOpenWhatItsSealersSealed() {
        DataSubject first = DataSubject.incident("batch-1");
        DataSubject second = DataSubject.incident("batch-2");

        var sealers = privacy.cipher().sealersFor(List.of(first, second));

        assertThat(keys().countDocuments(Filters.in("_id", first.key(), second.key()))).isEqualTo(2);
        String sealed = sealers.get(second).seal("description", "taken at the river");
        assertThat(keys().countDocuments()).isEqualTo(2);
        assertThat(privacy.cipher().openerFor(second).text(second, "description", sealed))
                .isEqualTo("taken at the river");
    }

    @Test
    void aKeyAlreadyMadeIsKeptSoWhatItSealedStillOpens() {
        DataSubject existing = DataSubject.incident("had-a-key");
        String sealed = privacy.cipher().sealerFor(existing).seal("description", "before the batch");

        String again = privacy.cipher().sealersFor(List.of(existing, DataSubject.incident("new-one"))).get(existing)
                .seal("reason", "in the batch");

        var opener = privacy.cipher().openerFor(existing);
        assertThat(opener.text(existing, "description", sealed)).isEqualTo("before the batch");
        assertThat(opener.text(existing, "reason", again)).isEqualTo("in the batch");
    }

    @Test
    void aRedactedSubjectGetsItsNextGenerationAndOneErasedForGoodGetsNone() {
        DataSubject redacted = DataSubject.incident("redacted");
        String before = privacy.cipher().sealerFor(redacted).seal("description", "a name");
        privacy.cipher().shred(redacted);
        DataSubject erased = DataSubject.missingPerson("erased");
        privacy.cipher().sealerFor(erased).seal("person.fullName", "Rosa");
        privacy.cipher().eraseForever(erased);

        var sealers = privacy.cipher().sealersFor(List.of(redacted, erased));

        assertThat(sealers.get(redacted).seal("reason", "after")).contains("incident:redacted#1:");
        assertThat(privacy.cipher().openerFor(redacted).open(redacted, "description", before).shredded()).isTrue();
        assertThat(keys().countDocuments(Filters.eq("_id", erased.key()))).isZero();
        assertThatThrownBy(() -> sealers.get(erased).seal("person.fullName", "Rosa"))
                .isInstanceOf(ErasedForeverException.class);
    }

    private com.mongodb.client.MongoCollection<org.bson.Document> keys() {
        return privacy.keyDatabase().getCollection(KeyVault.DATA_KEYS);
    }
}
