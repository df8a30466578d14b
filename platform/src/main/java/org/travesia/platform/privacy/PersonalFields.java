package org.travesia.platform.privacy;

/** The personal fields of a record, taken as a whole. */
public final class PersonalFields {

    private PersonalFields() {
    }

    /** What a reader who may not see personal data gets of a record: the same record, every personal field empty. */
    public static <R extends Record> R blanked(R record) {
        return MarkedFields.map(record, "", (path, value) -> null);
    }

    /**
     * Whether a personal field of {@code record} holds text in the clear: recorded before personal data was sealed
     * (an older build, an import). Such text is in the stored event itself, so no key protects it.
     */
    public static boolean anyInTheClear(Object record) {
        if (!(record instanceof Record)) {
            return false;
        }
        boolean[] found = {false};
        MarkedFields.visit(record, "", (path, value) -> {
            found[0] |= value != null && !SealedText.isSealed(value);
            return value;
        });
        return found[0];
    }
}
