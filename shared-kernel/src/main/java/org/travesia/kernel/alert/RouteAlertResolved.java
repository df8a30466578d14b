package org.travesia.kernel.alert;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;
import org.travesia.kernel.contract.PersonalData;

/** An analyst of the alert's organisation resolved it, with a note; the rule may fire again on that segment. */
@EventType(name = "route.alert-resolved", revision = 1)
public record RouteAlertResolved(@DataSubject String routeId, String alertId, @PersonalData String note) {
}
