package org.travesia.kernel.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.travesia.kernel.EventCatalogue;

/**
 * Which fields of which events can hold personal data. The next step encrypts exactly these, per data subject; so
 * marking a field, or adding an event with free text, must be a visible decision: it changes this list.
 */
class PersonalDataTest {

    @Test
    void theMarkedFieldsOfEveryEventAreExactlyThese() {
        Map<String, List<String>> marked = new LinkedHashMap<>();
        for (Class<? extends Record> event : EventCatalogue.EVENTS) {
            marked.put(event.getAnnotation(EventType.class).name(), markedPaths(event, ""));
        }

        assertThat(marked).containsExactly(
                Map.entry("incident.reported",
                        List.of("details.place.locality", "details.source.reference", "details.description")),
                Map.entry("incident.amended",
                        List.of("changes.place.locality", "changes.source.reference", "changes.description", "reason")),
                Map.entry("incident.source-attached", List.of("source.reference")),
                Map.entry("incident.verified", List.of("note")),
                Map.entry("incident.marked-as-duplicate", List.of("reason")),
                Map.entry("incident.retracted", List.of("reason")),
                Map.entry("incident.sharing-changed", List.of("reason")),
                Map.entry("incident.route-derived", List.of()),
                Map.entry("incident.route-overridden", List.of("reason")),
                Map.entry("route.defined", List.of()),
                Map.entry("route.segment-added", List.of()),
                Map.entry("route.segment-redrawn", List.of("reason")),
                Map.entry("route.segment-retired", List.of("reason")),
                Map.entry("route.alert-rule-set", List.of()),
                Map.entry("route.alert-raised", List.of()),
                Map.entry("route.alert-acknowledged", List.of("note")),
                Map.entry("route.alert-resolved", List.of("note")),
                Map.entry("incident.free-text-redacted", List.of("reason")),
                Map.entry("missing-person.reported", List.of("person.fullName", "person.aliases", "person.ageRange",
                        "person.yearOfBirth", "person.languages", "person.distinguishingFeatures",
                        "lastSeen.place.locality", "lastSeen.place.coordinates", "reporter.contact", "searchTokens")),
                Map.entry("missing-person.sighting-recorded", List.of("place.locality", "place.coordinates", "note")),
                Map.entry("missing-person.incident-linked", List.of("reason")),
                Map.entry("missing-person.incident-unlinked", List.of("reason")),
                Map.entry("missing-person.found-alive", List.of("note")),
                Map.entry("missing-person.found-deceased", List.of("note")),
                Map.entry("missing-person.case-closed", List.of("reason")),
                Map.entry("missing-person.case-reopened", List.of("reason")),
                Map.entry("missing-person.personal-data-erased", List.of()),
                Map.entry("incident.mmp-record-imported", List.of()));
    }

    @Test
    void everyMarkedFieldIsTextSoThatCiphertextFitsWhereItWas() {
        for (Class<? extends Record> event : EventCatalogue.EVENTS) {
            markedComponents(event).forEach(component -> assertThat(isText(component.getGenericType()))
                    .as(event.getSimpleName() + "." + component.getName()).isTrue());
        }
    }

    @Test
    void everyEventNamesItsDataSubjectInOneTextField() {
        for (Class<? extends Record> event : EventCatalogue.EVENTS) {
            List<RecordComponent> subjects = Arrays.stream(event.getRecordComponents())
                    .filter(component -> component.isAnnotationPresent(DataSubject.class)).toList();
            assertThat(subjects).as(event.getSimpleName()).hasSize(1);
            assertThat(subjects.get(0).getType()).isEqualTo(String.class);
        }
    }

    private static List<String> markedPaths(Class<?> record, String prefix) {
        List<String> paths = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.isAnnotationPresent(PersonalData.class)) {
                paths.add(prefix + component.getName());
            } else if (component.getType().isRecord()) {
                paths.addAll(markedPaths(component.getType(), prefix + component.getName() + "."));
            }
        }
        return paths;
    }

    private static List<RecordComponent> markedComponents(Class<?> record) {
        List<RecordComponent> marked = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.isAnnotationPresent(PersonalData.class)) {
                marked.add(component);
            } else if (component.getType().isRecord()) {
                marked.addAll(markedComponents(component.getType()));
            }
        }
        return marked;
    }

    private static boolean isText(Type type) {
        return type == String.class || type instanceof ParameterizedType list && list.getRawType() == List.class
                && list.getActualTypeArguments()[0] == String.class;
    }
}
