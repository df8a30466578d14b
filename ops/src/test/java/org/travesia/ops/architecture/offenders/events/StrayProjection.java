package org.travesia.ops.architecture.offenders.events;

import org.axonframework.eventhandling.EventHandler;

/** Offender: handles an event that has no stable name. */
class StrayProjection {

    @EventHandler
    void on(UnnamedEvent event) {
    }
}
