package org.travesia.kernel.route;

import java.util.List;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;
import org.travesia.kernel.contract.PersonalData;

/** A segment's area was redrawn; incidents whose segment was derived from the old area are derived again. */
@EventType(name = "route.segment-redrawn", revision = 1)
public record SegmentRedrawn(@DataSubject String routeId, String segmentId, Area area, List<String> adminAreas,
                             Boolean approximation, @PersonalData String reason) {
}
