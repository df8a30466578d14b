package org.travesia.kernel.incident;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;

/** A corroborating source was attached; the report's effective source quality follows {@link Corroboration}. */
@EventType(name = "incident.source-attached", revision = 1)
public record SourceAttached(@DataSubject String incidentId, IncidentFacts.Source source) {
}
