package org.travesia.kernel.incident;

import java.time.Instant;

import org.travesia.kernel.common.BoundingBox;
import org.travesia.kernel.common.Violations;
import org.travesia.kernel.taxonomy.IncidentType;

/**
 * Which incidents to find. Every criterion is optional; {@code from} is inclusive and {@code to} exclusive, both on
 * the earliest instant the incident may have occurred. {@code mmpRoute} is a Missing Migrants Project route name, as
 * MMP writes it, of incidents imported from MMP.
 */
public record FindIncidents(String routeId, String segmentId, String country, IncidentType type, IncidentStatus status,
                            Instant from, Instant to, BoundingBox bbox, Integer minQuality, Sort sort,
                            String mmpRoute) {

    /** Newest first, by when it occurred or when it was recorded. */
    public enum Sort {
        OCCURRED_AT,
        RECORDED_AT
    }

    public FindIncidents {
        Violations v = new Violations();
        v.check(from == null || to == null || !from.isAfter(to), "from", "parameter.range.invalid");
        v.check(minQuality == null || (minQuality >= 1 && minQuality <= 5), "minQuality", "source.quality.out-of-range", 1, 5);
        v.throwIfAny();
        sort = sort == null ? Sort.OCCURRED_AT : sort;
    }
}
