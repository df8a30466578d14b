package org.travesia.kernel.incident;

import org.travesia.kernel.common.Violations;
import org.travesia.kernel.taxonomy.SourceQuality;
import org.travesia.kernel.taxonomy.SourceType;

/** Where a report's information comes from, and how much it can be trusted (MMP's 1–5 scale). */
public record Source(SourceType type, SourceQuality quality, String reference) {

    public static final int MAX_REFERENCE_LENGTH = 1_000;

    public Source {
        Violations v = new Violations();
        v.check(type != null, "type", "field.required");
        v.check(quality != null, "quality", "field.required");
        v.check(reference == null || reference.length() <= MAX_REFERENCE_LENGTH, "reference", "text.too-long",
                MAX_REFERENCE_LENGTH);
        v.throwIfAny();
    }
}
