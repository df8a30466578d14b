package org.travesia.kernel.alert;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;
import org.travesia.kernel.contract.PersonalData;

/** An analyst of the alert's organisation acknowledged it, with a note. */
@EventType(name = "route.alert-acknowledged", revision = 1)
public record RouteAlertAcknowledged(@DataSubject String routeId, String alertId, @PersonalData String note) {
}
