package org.travesia.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.travesia.platform.privacy.keys.AesGcm;

/** Ids and fingerprints that the same inputs always give, and that nobody without the key can compute. */
class KeyedDigestsTest {

    private final KeyedDigests digests = new KeyedDigests(AesGcm.newKey());

    @Test
    void theSameInputsGiveTheSameIdAsAUuid() {
        String id = digests.uuid("incident-id", "org-a", "report-1");

        assertThat(digests.uuid("incident-id", "org-a", "report-1")).isEqualTo(id);
        assertThat(UUID.fromString(id).version()).isEqualTo(8);
    }

    @Test
    void anotherKeyOrPurposeOrSplitGivesAnotherId() {
        String id = digests.uuid("incident-id", "org-a", "report-1");

        assertThat(new KeyedDigests(AesGcm.newKey()).uuid("incident-id", "org-a", "report-1")).isNotEqualTo(id);
        assertThat(digests.uuid("missing-person-id", "org-a", "report-1")).isNotEqualTo(id);
        assertThat(digests.uuid("incident-id", "org-areport-1", "")).isNotEqualTo(id);
        // A fingerprint of the same parts for the request's own purpose: the same purpose would give the id's own
        // digest (the id is its first 16 bytes with the version and variant bits set, so equal 1 time in 64).
        assertThat(digests.fingerprint("incident-report", "org-a", "report-1")).doesNotContain(id.replace("-", ""));
    }
}
