package org.travesia.ops.architecture.offenders.events;

import org.travesia.kernel.contract.EventType;

/** Offender: a named event that is a class, not a record. */
@EventType(name = "offender.classed", revision = 1)
public class ClassEvent {
}
