package org.travesia.platform.privacy;

import java.util.Objects;

/**
 * Whose key protects a personal value: one data key per subject. A missing person's case is a subject (erasing it
 * erases the person); so is each incident, whose free text (a victim's name typed into a description) can be shredded
 * on its own.
 */
public record DataSubject(String kind, String id) {

    public static final String INCIDENT = "incident";
    public static final String MISSING_PERSON = "missing-person";

    public DataSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static DataSubject incident(String incidentId) {
        return new DataSubject(INCIDENT, incidentId);
    }

    public static DataSubject missingPerson(String caseId) {
        return new DataSubject(MISSING_PERSON, caseId);
    }

    /** How the key store and sealed values name the subject. */
    public String key() {
        return kind + ":" + id;
    }
}
