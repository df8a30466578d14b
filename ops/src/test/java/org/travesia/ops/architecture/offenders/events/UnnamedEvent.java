package org.travesia.ops.architecture.offenders.events;

/** Offender: an event record without a stable name; it would be stored under its class name. */
public record UnnamedEvent(String id) {
}
