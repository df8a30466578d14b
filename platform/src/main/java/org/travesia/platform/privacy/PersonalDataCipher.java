package org.travesia.platform.privacy;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.travesia.platform.privacy.keys.KeyVault;

/**
 * Seals personal values under their data subject's key and opens them again, with AES-256-GCM (the JDK's own).
 * <ul>
 * <li>Sealing uses the subject's current key, made on first use. Each value gets a fresh IV, and its subject and
 * field as associated data: a sealed value moved to another subject or another field does not open.</li>
 * <li>Opening fetches the keys it needs when asked, and keeps them only as long as the {@link SubjectOpener} it
 * returns (one request, one batch of events): an erasure takes effect for the next read in every service.</li>
 * <li>Shredding deletes a subject's key: every value sealed under it, in every event, snapshot, dead letter, read
 * model and backup, stops opening at once.</li>
 * </ul>
 */
public final class PersonalDataCipher {

    private final KeyVault vault;

    public PersonalDataCipher(KeyVault vault) {
        this.vault = vault;
    }

    /**
     * Seals for one subject, with its current key, made on first use. Sealing throws {@link
     * org.travesia.platform.privacy.keys.ErasedForeverException} for a subject erased for good.
     */
    public SubjectSealer sealerFor(DataSubject subject) {
        return new SubjectSealer(subject, () -> vault.current(subject.key()));
    }

    /**
     * Sealers for a batch of subjects, their keys read and the missing ones made in one write
     * ({@link KeyVault#currentAll}): sealing for many new subjects at once then costs no write or read per subject. A
     * subject erased for good gets a sealer that refuses, as {@link #sealerFor} does.
     */
    public Map<DataSubject, SubjectSealer> sealersFor(Collection<DataSubject> subjects) {
        Map<String, KeyVault.SubjectKey> keys = vault.currentAll(subjects.stream().map(DataSubject::key).toList());
        Map<DataSubject, SubjectSealer> sealers = new HashMap<>();
        for (DataSubject subject : subjects) {
            KeyVault.SubjectKey key = keys.get(subject.key());
            sealers.put(subject, new SubjectSealer(subject,
                    key == null ? () -> vault.current(subject.key()) : () -> key));
        }
        return sealers;
    }

    /** Opens values of these subjects; their keys are read now, in one query, and others' as they are met. */
    public SubjectOpener openerFor(Collection<DataSubject> subjects) {
        SubjectOpener opener = new SubjectOpener(vault);
        opener.fetch(subjects);
        return opener;
    }

    public SubjectOpener openerFor(DataSubject subject) {
        return openerFor(List.of(subject));
    }

    /**
     * Shreds the subject's key: what was sealed so far never opens again; what is sealed later gets a new key (an
     * incident's free text after a redaction).
     */
    public void shred(DataSubject subject) {
        vault.shred(subject.key(), false);
    }

    /** Shreds the subject's key for good: nothing will ever be sealed for it again (an erased person). */
    public void eraseForever(DataSubject subject) {
        vault.shred(subject.key(), true);
    }
}
