package org.travesia.command.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.travesia.kernel.common.FieldPatch;
import org.travesia.kernel.common.InvalidValueException;
import org.travesia.kernel.common.Violation;
import org.travesia.kernel.incident.IncidentPatch;

/**
 * An amendment's JSON merge patch becomes a typed patch: absent leaves a field, null sets it to unknown, a value sets
 * it, an object merges. Its shape is judged here, with today's codes under {@code changes.}.
 */
class MergePatchReadingTest {

    @Test
    void absentNullAndAValueAreThreeDifferentThings() {
        Map<String, Object> changes = new HashMap<>();
        changes.put("description", null);
        changes.put("perpetrator", "SMUGGLER");

        IncidentPatch patch = IncidentMergePatch.read(changes);

        assertThat(patch.description()).isEqualTo(FieldPatch.clear());
        assertThat(patch.perpetrator()).isEqualTo(FieldPatch.set("SMUGGLER"));
        assertThat(patch.type()).isEqualTo(FieldPatch.keep());
    }

    @Test
    void objectsBecomeNestedPatches() {
        IncidentPatch patch = IncidentMergePatch.read(Map.of("place", Map.of("coordinates", Map.of("lat", 8.5)),
                "affected", Map.of("missing", 3)));

        IncidentPatch.PlacePatch place = ((FieldPatch.Set<IncidentPatch.PlacePatch>) patch.place()).value();
        IncidentPatch.CoordinatesPatch coordinates =
                ((FieldPatch.Set<IncidentPatch.CoordinatesPatch>) place.coordinates()).value();
        assertThat(coordinates.lat()).isEqualTo(FieldPatch.set(8.5));
        assertThat(coordinates.lon()).isEqualTo(FieldPatch.keep());
        assertThat(place.country()).isEqualTo(FieldPatch.keep());
        assertThat(((FieldPatch.Set<IncidentPatch.AffectedPatch>) patch.affected()).value().missing())
                .isEqualTo(FieldPatch.set(3));
    }

    @Test
    void scalarsAreReadAsAReportsBodyIs() {
        IncidentPatch patch = IncidentMergePatch.read(Map.of("affected", Map.of("dead", "3"), "nationalities",
                List.of("VE")));

        assertThat(((FieldPatch.Set<IncidentPatch.AffectedPatch>) patch.affected()).value().dead())
                .isEqualTo(FieldPatch.set(3));
        assertThat(patch.nationalities()).isEqualTo(FieldPatch.set(List.of("VE")));
    }

    @Test
    void theWrongJsonTypesUnknownFieldsAndFieldsWithTheirOwnCommandsAreRefusedAllAtOnce() {
        Map<String, Object> changes = Map.of(
                "affected", Map.of("dead", 2.5, "victims", 1),
                "description", Map.of("$gt", ""),
                "nationalities", List.of("VE", Map.of()),
                "place", "PA",
                "victimName", "x",
                "sharing", "PUBLIC");

        assertThatThrownBy(() -> IncidentMergePatch.read(changes)).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.violations()).extracting(Violation::field, Violation::code).containsExactlyInAnyOrder(
                        tuple("changes.affected.dead", "json.wrong-type"),
                        tuple("changes.affected.victims", "field.unknown"),
                        tuple("changes.description", "json.wrong-type"),
                        tuple("changes.nationalities[1]", "json.wrong-type"),
                        tuple("changes.place", "json.wrong-type"),
                        tuple("changes.victimName", "field.unknown"),
                        tuple("changes.sharing", "incident.change-not-allowed")));
    }

    @Test
    void anOverLongListIsRefusedAsAWholeBeforeItsEntriesAreRead() {
        List<Object> notEvenStrings = java.util.Collections.nCopies(51, Map.of());

        assertThatThrownBy(() -> IncidentMergePatch.read(Map.of("nationalities", notEvenStrings)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::code)
                        .containsExactly(tuple("changes.nationalities", "list.too-long")));
    }

    @Test
    void anAmendmentWithoutChangesIsRefused() {
        assertThatThrownBy(() -> IncidentMergePatch.read(Map.of())).hasMessageContaining("incident.no-changes");
        assertThatThrownBy(() -> IncidentMergePatch.read(null)).hasMessageContaining("incident.no-changes");
    }
}
