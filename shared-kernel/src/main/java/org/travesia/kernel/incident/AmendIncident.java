package org.travesia.kernel.incident;

import java.util.Map;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.travesia.kernel.common.Actor;

/**
 * Correct a report. {@code changes} holds the fields to change, in the shape they were reported in (a JSON merge
 * patch: nested objects merge, {@code null} sets a value to unknown). The reason is mandatory, and
 * {@code expectedVersion} must be the version the amender saw.
 */
public record AmendIncident(@TargetAggregateIdentifier String incidentId, long expectedVersion,
                            Map<String, Object> changes, String reason, Actor actor) {
}
