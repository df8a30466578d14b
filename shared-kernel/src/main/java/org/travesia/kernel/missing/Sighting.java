package org.travesia.kernel.missing;

import org.travesia.kernel.common.OccurredAt;
import org.travesia.kernel.common.Place;
import org.travesia.kernel.common.Violations;
import org.travesia.kernel.taxonomy.SourceType;

/** Someone saw the person: when, where, who says so, how sure they are, and a note (personal data). */
public record Sighting(OccurredAt when, Place place, SourceType source, SightingConfidence confidence, String note) {

    public static final int MAX_NOTE_LENGTH = 2_000;

    public Sighting {
        Violations v = new Violations();
        v.check(when != null, "date", "field.required");
        v.check(place != null, "place.country", "field.required");
        v.check(source != null, "source", "field.required");
        v.check(confidence != null, "confidence", "field.required");
        v.check(note == null || note.length() <= MAX_NOTE_LENGTH, "note", "text.too-long", MAX_NOTE_LENGTH);
        v.throwIfAny();
    }
}
