package org.travesia.ops.architecture.offenders.events;

import org.travesia.kernel.contract.EventType;

/** Offender: a named event record that nobody listed in the EventCatalogue. */
@EventType(name = "offender.forgotten", revision = 1)
public record UncataloguedEvent(String id) {
}
