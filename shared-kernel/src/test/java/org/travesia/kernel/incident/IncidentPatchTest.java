package org.travesia.kernel.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.travesia.kernel.incident.IncidentFactsBuilder.kidnapping;

import org.junit.jupiter.api.Test;
import org.travesia.kernel.common.FieldPatch;
import org.travesia.kernel.incident.IncidentPatch.AffectedPatch;
import org.travesia.kernel.incident.IncidentPatch.CoordinatesPatch;
import org.travesia.kernel.incident.IncidentPatch.PlacePatch;

/** A correction as a JSON merge patch means it: absent leaves, null clears, a value sets, an object merges. */
class IncidentPatchTest {

    private static final IncidentPatch NOTHING = new IncidentPatch(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null);

    @Test
    void aPatchThatNamesNoFieldLeavesEverything() {
        assertThat(NOTHING.keepsEverything()).isTrue();
        assertThat(NOTHING.applyTo(kidnapping())).isEqualTo(kidnapping());
    }

    @Test
    void settingToUnknownIsNotLeavingAlone() {
        IncidentPatch clearDescription = new IncidentPatch(null, null, null, null, null, null, null, null, null, null,
                null, null, null, FieldPatch.clear(), null);

        assertThat(clearDescription.keepsEverything()).isFalse();
        assertThat(clearDescription.applyTo(kidnapping()).description()).isNull();
        assertThat(clearDescription.applyTo(kidnapping()).type()).isEqualTo("KIDNAPPING");
    }

    @Test
    void anObjectMergesIntoTheCurrentOneFieldByField() {
        IncidentPatch missingThree = new IncidentPatch(null, null, null, null, null, null, null, null,
                FieldPatch.set(new AffectedPatch(null, FieldPatch.set(3), null, null, null, null, null, null)), null,
                null, null, null, null, null);

        IncidentFacts.Affected affected = missingThree.applyTo(kidnapping()).affected();

        assertThat(affected.missing()).isEqualTo(3);
        assertThat(affected.dead()).as("zero stays zero").isZero();
        assertThat(affected.injured()).as("unknown stays unknown").isNull();
    }

    @Test
    void aNestedObjectMergesTooAndOneThatWasAbsentStartsEmpty() {
        IncidentPatch moveNorth = new IncidentPatch(null, null, null, null, null,
                FieldPatch.set(new PlacePatch(null, null, null, null,
                        FieldPatch.set(new CoordinatesPatch(FieldPatch.set(9.0), null)), null)),
                null, null, null, null, null, null, null, null, null);

        IncidentFacts.Place moved = moveNorth.applyTo(kidnapping()).place();
        assertThat(moved.coordinates()).isEqualTo(new IncidentFacts.Coordinates(9.0, -77.65));
        assertThat(moved.country()).isEqualTo("PA");

        IncidentFacts nowhere = IncidentFactsBuilder.withPlace(kidnapping(), null);
        assertThat(moveNorth.applyTo(nowhere).place())
                .isEqualTo(new IncidentFacts.Place(null, null, null, null, new IncidentFacts.Coordinates(9.0, null), null));
    }

    @Test
    void clearingAnObjectMakesItUnknownAsAWhole() {
        IncidentPatch noSource = new IncidentPatch(null, null, null, null, null, null, null, null, null, null, null,
                null, FieldPatch.clear(), null, null);

        assertThat(noSource.applyTo(kidnapping()).source()).isNull();
    }
}
