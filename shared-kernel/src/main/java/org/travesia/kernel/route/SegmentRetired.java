package org.travesia.kernel.route;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;
import org.travesia.kernel.contract.PersonalData;

/** A segment was retired: nothing is derived into it any more; its id is never reused. */
@EventType(name = "route.segment-retired", revision = 1)
public record SegmentRetired(@DataSubject String routeId, String segmentId, @PersonalData String reason) {
}
