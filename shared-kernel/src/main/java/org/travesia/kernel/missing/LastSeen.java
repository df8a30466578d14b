package org.travesia.kernel.missing;

import org.travesia.kernel.common.OccurredAt;
import org.travesia.kernel.common.Place;
import org.travesia.kernel.common.Slug;
import org.travesia.kernel.common.Violations;

/** When and where someone was last seen: a date with its precision, a place, and the route and segment. */
public record LastSeen(OccurredAt when, Place place, String routeId, String segmentId) {

    public LastSeen {
        Violations v = new Violations();
        v.check(when != null, "date", "field.required");
        v.check(place != null, "place.country", "field.required");
        v.check(routeId == null || Slug.isValid(routeId), "routeId", "slug.invalid");
        v.check(segmentId == null || Slug.isValid(segmentId), "segmentId", "slug.invalid");
        v.check(segmentId == null || routeId != null, "segmentId", "incident.segment-without-route");
        v.throwIfAny();
    }
}
