package org.travesia.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.travesia.platform.privacy.keys.AesGcm;
import org.travesia.platform.privacy.keys.KeyVault;
import org.travesia.platform.privacy.keys.MasterKey;
import org.travesia.platform.testing.TestPrivacy;

/** A new master key re-wraps the data keys; afterwards the old one opens nothing, and the wrong one is refused. */
class MasterKeyRotationTest {

    private static final DataSubject CASE = DataSubject.missingPerson("case-1");

    private final TestPrivacy privacy = TestPrivacy.inMemory();

    @AfterEach
    void close() {
        privacy.close();
    }

    @Test
    void afterARotationTheNewMasterKeyOpensWhatTheOldOneSealed() {
        String sealed = privacy.cipher().sealerFor(CASE).seal("person.fullName", "Rosa Ibarra");
        MasterKey next = new MasterKey(AesGcm.newKey().getEncoded());
        KeyVault rotated = privacy.vaultWith(next);

        assertThat(rotated.rewrapFrom(privacy.masterKey())).isEqualTo(1);
        rotated.requireKeysWrappedByTheMasterKey();

        assertThat(new PersonalDataCipher(rotated).openerFor(CASE).text(CASE, "person.fullName", sealed))
                .isEqualTo("Rosa Ibarra");
        assertThatThrownBy(() -> privacy.vault().requireKeysWrappedByTheMasterKey())
                .as("the retired key no longer matches the store").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMasterKeyThatDidNotWrapTheStoredKeysIsRefused() {
        privacy.cipher().sealerFor(CASE).seal("person.fullName", "Rosa Ibarra");
        KeyVault wrong = privacy.vaultWith(new MasterKey(AesGcm.newKey().getEncoded()));

        assertThatThrownBy(wrong::requireKeysWrappedByTheMasterKey)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(privacy.masterKey().id());
    }
}
