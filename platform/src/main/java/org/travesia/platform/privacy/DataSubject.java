package org.travesia.platform.privacy;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Objects;

import org.travesia.kernel.contract.EventType;

/**
 * Whose key protects a personal value: one data key per subject. A missing person's case is a subject (erasing it
 * erases the person); so is each incident, whose free text (a victim's name typed into a description) can be shredded
 * on its own; so is each monitored route, whose notes and reasons (on segments and alerts) are sealed like any other
 * free text.
 */
public record DataSubject(String kind, String id) {

    public static final String INCIDENT = "incident";
    public static final String MISSING_PERSON = "missing-person";
    public static final String ROUTE = "route";

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

    public static DataSubject route(String routeId) {
        return new DataSubject(ROUTE, routeId);
    }

    /**
     * The subject of a stored event: the kind is the event's feature (the first part of its name, {@code incident} of
     * {@code incident.amended}), the id its {@link org.travesia.kernel.contract.DataSubject} field.
     */
    public static DataSubject of(Record event) {
        EventType type = event.getClass().getAnnotation(EventType.class);
        RecordComponent subject = Arrays.stream(event.getClass().getRecordComponents())
                .filter(c -> c.isAnnotationPresent(org.travesia.kernel.contract.DataSubject.class)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(event.getClass().getName() + " names no data subject"));
        if (type == null) {
            throw new IllegalArgumentException(event.getClass().getName() + " is not a stored event");
        }
        try {
            return new DataSubject(type.name().substring(0, type.name().indexOf('.')),
                    (String) subject.getAccessor().invoke(event));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the data subject of " + event.getClass().getName(), e);
        }
    }

    /** How the key store and sealed values name the subject. */
    public String key() {
        return kind + ":" + id;
    }
}
