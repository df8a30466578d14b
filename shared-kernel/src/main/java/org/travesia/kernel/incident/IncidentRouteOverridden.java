package org.travesia.kernel.incident;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;
import org.travesia.kernel.contract.PersonalData;

/**
 * An analyst set an incident's route and segment, with a reason; from then on it wins over what the report names
 * and over derivation.
 */
@EventType(name = "incident.route-overridden", revision = 1)
public record IncidentRouteOverridden(@DataSubject String incidentId, String routeId, String segmentId,
                                      @PersonalData String reason) {
}
