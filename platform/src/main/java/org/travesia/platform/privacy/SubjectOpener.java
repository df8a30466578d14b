package org.travesia.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.travesia.platform.privacy.keys.AesGcm;
import org.travesia.platform.privacy.keys.KeyVault;
import org.travesia.platform.privacy.keys.KeyVault.SubjectKey;

/**
 * Opens sealed values, in memory, for one request or one batch: it holds the keys it fetched and nothing outlives it.
 * A value whose key was shredded opens as {@link Opened#shredded()}; one that does not verify (tampered, or moved from
 * another subject or field) throws, without saying what it held.
 */
public final class SubjectOpener {

    private final KeyVault vault;
    private final Map<String, KeyVault.KeyLookup> lookups = new HashMap<>();

    SubjectOpener(KeyVault vault) {
        this.vault = vault;
    }

    void fetch(Collection<DataSubject> subjects) {
        Set<String> missing = new LinkedHashSet<>();
        for (DataSubject subject : subjects) {
            if (!lookups.containsKey(subject.key())) {
                missing.add(subject.key());
            }
        }
        if (!missing.isEmpty()) {
            KeyVault.KeyLookup lookup = vault.lookup(missing);
            missing.forEach(subject -> lookups.put(subject, lookup));
        }
    }

    public Opened open(DataSubject subject, String field, String value) {
        if (value == null) {
            return Opened.ABSENT;
        }
        if (!SealedText.isSealed(value)) {
            return Opened.of(value);
        }
        SealedText sealed = SealedText.parse(value);
        if (!sealed.subject().equals(subject.key())) {
            throw new IllegalStateException("A value of " + subject.key() + "'s " + field
                    + " is sealed for another subject");
        }
        fetch(List.of(subject));
        SubjectKey key = lookups.get(subject.key()).key(subject.key(), sealed.generation());
        if (key == null) {
            return Opened.SHREDDED;
        }
        try {
            return Opened.of(new String(AesGcm.decrypt(key.key(), sealed.ciphertext(),
                    SubjectSealer.context(subject, field)), StandardCharsets.UTF_8));
        } catch (AesGcm.TamperedException e) {
            throw new IllegalStateException("A value of " + subject.key() + "'s " + field + " does not verify");
        }
    }

    /** The text, or null when it is absent or shredded. */
    public String text(DataSubject subject, String field, String value) {
        return open(subject, field, value).text();
    }

    /** The texts that open; shredded ones are left out. */
    public List<String> texts(DataSubject subject, String field, List<String> values) {
        if (values == null) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (String value : values) {
            Opened opened = open(subject, field, value);
            if (opened.text() != null) {
                texts.add(opened.text());
            }
        }
        return texts;
    }

    /**
     * A copy of {@code record} with its personal fields opened (shredded ones null), and the paths of those that were
     * shredded, after {@code prefix}.
     */
    public <R extends Record> OpenedRecord<R> openRecord(DataSubject subject, R record, String prefix) {
        List<String> shredded = new ArrayList<>();
        R opened = MarkedFields.map(record, prefix, (path, value) -> {
            Opened result = open(subject, path, value);
            if (result.shredded() && !shredded.contains(path)) {
                shredded.add(path);
            }
            return result.text();
        });
        return new OpenedRecord<>(opened, List.copyOf(shredded));
    }

    /** A record with its personal fields opened, and which of them were shredded. */
    public record OpenedRecord<R>(R value, List<String> shredded) {
    }
}
