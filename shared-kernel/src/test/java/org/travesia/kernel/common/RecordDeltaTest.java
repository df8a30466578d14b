package org.travesia.kernel.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A correction records only the fields that changed, and applying it again gives back the corrected value. */
class RecordDeltaTest {

    record Counts(Integer dead, Integer missing, String note) {
    }

    @Test
    void onlyTheFieldsThatDifferAreNamedAndKept() {
        Counts before = new Counts(1, 2, "first");
        Counts after = new Counts(1, null, "second");

        List<String> changed = RecordDelta.changedFields(before, after);

        assertThat(changed).containsExactly("missing", "note");
        assertThat(RecordDelta.only(after, changed)).isEqualTo(new Counts(null, null, "second"));
    }

    @Test
    void applyingTheDeltaGivesBackTheCorrectedValueIncludingWhatWasSetToUnknown() {
        Counts before = new Counts(1, 2, "first");
        Counts after = new Counts(1, null, "second");
        List<String> changed = RecordDelta.changedFields(before, after);

        assertThat(RecordDelta.apply(before, RecordDelta.only(after, changed), changed)).isEqualTo(after);
    }

    @Test
    void namesANewerRevisionMightCarryAreIgnored() {
        Counts before = new Counts(1, 2, "first");

        assertThat(RecordDelta.apply(before, new Counts(5, null, null), List.of("dead", "injured")))
                .isEqualTo(new Counts(5, 2, "first"));
    }
}
