package org.travesia.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.travesia.platform.privacy.keys.AesGcm;
import org.travesia.platform.privacy.keys.KeyVault.SubjectKey;

/** Seals the personal values of one subject, under the key it had when this sealer was made. */
public final class SubjectSealer {

    private final DataSubject subject;
    private final SubjectKey key;

    SubjectSealer(DataSubject subject, SubjectKey key) {
        this.subject = subject;
        this.key = key;
    }

    /** {@code text} sealed for {@code field} (a path such as {@code place.locality}); null stays null. */
    public String seal(String field, String text) {
        if (text == null) {
            return null;
        }
        byte[] sealed = AesGcm.encrypt(key.key(), text.getBytes(StandardCharsets.UTF_8), context(subject, field));
        return new SealedText(key.subject(), key.generation(), sealed).format();
    }

    public List<String> sealAll(String field, List<String> texts) {
        return texts == null ? null : texts.stream().map(text -> seal(field, text)).toList();
    }

    /** A copy of {@code record} with each of its personal fields sealed, under its path after {@code prefix}. */
    public <R extends Record> R sealRecord(R record, String prefix) {
        return MarkedFields.map(record, prefix, this::seal);
    }

    static String context(DataSubject subject, String field) {
        return "travesia/sealed/v1|" + subject.key() + "|" + field;
    }
}
