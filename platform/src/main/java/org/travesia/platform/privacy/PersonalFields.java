package org.travesia.platform.privacy;

/** What a reader who may not see personal data gets of a record: the same record, every personal field empty. */
public final class PersonalFields {

    private PersonalFields() {
    }

    public static <R extends Record> R blanked(R record) {
        return MarkedFields.map(record, "", (path, value) -> null);
    }
}
