package org.travesia.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import org.travesia.platform.privacy.keys.AesGcm;
import org.travesia.platform.privacy.keys.KeyVault.SubjectKey;

/**
 * Seals the personal values of one subject. It takes the subject's key when it first has something to seal, so a
 * record without personal text costs no key, and keeps it for its own short life (one command).
 */
public final class SubjectSealer {

    private final DataSubject subject;
    private final Supplier<SubjectKey> currentKey;
    private SubjectKey key;

    SubjectSealer(DataSubject subject, Supplier<SubjectKey> currentKey) {
        this.subject = subject;
        this.currentKey = currentKey;
    }

    /**
     * {@code text} sealed for {@code field}: a name ({@code reason}) or a path ({@code details.place.locality}), of
     * which the last name binds the value (so a locality opens as a locality wherever a record nests it). Null stays
     * null.
     */
    public String seal(String field, String text) {
        if (text == null) {
            return null;
        }
        if (key == null) {
            key = currentKey.get();
        }
        byte[] sealed = AesGcm.encrypt(key.key(), text.getBytes(StandardCharsets.UTF_8), context(subject, field));
        return new SealedText(key.subject(), key.generation(), sealed).format();
    }

    public List<String> sealAll(String field, List<String> texts) {
        return texts == null ? null : texts.stream().map(text -> seal(field, text)).toList();
    }

    /** A copy of {@code record} with each of its personal fields sealed. */
    public <R extends Record> R sealRecord(R record) {
        return MarkedFields.map(record, "", this::seal);
    }

    /** The associated data: the subject, and the field's own name (the last of its path). */
    static String context(DataSubject subject, String field) {
        return "travesia/sealed/v1|" + subject.key() + "|" + field.substring(field.lastIndexOf('.') + 1);
    }
}
