package org.travesia.kernel.incident;

import org.travesia.kernel.common.Violations;
import org.travesia.kernel.taxonomy.SourceQuality;
import org.travesia.kernel.taxonomy.SourceType;

/** Where a report's information comes from, and how much it can be trusted (MMP's 1–5 scale, {@link SourceQuality}). */
public record Source(SourceType type, Integer quality, String reference) {

    public static final int MAX_REFERENCE_LENGTH = 1_000;

    public Source {
        Violations v = new Violations();
        v.check(type != null, "type", "field.required");
        if (quality == null) {
            v.add("quality", "field.required");
        } else {
            v.check(SourceQuality.isValid(quality), "quality", "source.quality.out-of-range", SourceQuality.LOWEST,
                    SourceQuality.HIGHEST);
        }
        v.check(reference == null || reference.length() <= MAX_REFERENCE_LENGTH, "reference", "text.too-long",
                MAX_REFERENCE_LENGTH);
        v.throwIfAny();
    }
}
