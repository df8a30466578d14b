package org.travesia.platform.axon.upcasting;

import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/**
 * Where every upcaster lives: one class per step from one revision of a stored event to the next, listed here in
 * the order they apply. When an event's stored shape changes, raise its {@code @EventType} revision, add the step
 * here, keep the old revision's golden file, and prove the step with a test that reads that file.
 */
public final class EventUpcasters {

    private EventUpcasters() {
    }

    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(
                new IncidentAmendedToDelta());
    }
}
