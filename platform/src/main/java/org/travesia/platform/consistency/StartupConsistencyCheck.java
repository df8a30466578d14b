package org.travesia.platform.consistency;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.travesia.eventstore.InconsistentStoreException;
import org.travesia.eventstore.StorePositions;

/**
 * Before anything appends or any processor starts (every singleton exists, nothing has started), checks that the
 * store is one consistent state, and refuses to start, with the repair command, if it is not:
 * <ul>
 * <li>no commit may sit above the position counter, or new events would be given positions already taken;</li>
 * <li>no processor of this service may have a token beyond the highest occupied position: it would count as handled
 * events the store does not have, and pass over the new events that take those positions.</li>
 * </ul>
 * A store that crashed half-way through persisting could leave either. The embedded store no longer can; this guards
 * against any store that does, and against a store restored from a backup older than the tokens.
 */
class StartupConsistencyCheck implements SmartInitializingSingleton {

    static final String RESET_PROCESSOR = "./ops/repair-store reset-processor ";

    private final StorePositions positions;
    private final StoredProcessorTokens tokens;
    private final EventProcessingConfiguration processing;

    StartupConsistencyCheck(StorePositions positions, StoredProcessorTokens tokens,
                            EventProcessingConfiguration processing) {
        this.positions = positions;
        this.tokens = tokens;
        this.processing = processing;
    }

    @Override
    public void afterSingletonsInstantiated() {
        positions.requireCounterAtOrAboveEveryCommit();
        List<StoredProcessorTokens.SegmentPosition> segments = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                segments.addAll(tokens.of(name));
            }
        });
        // Only now the store's head: another instance may be advancing these tokens, but only to positions stored
        // before they were read.
        long highest = positions.highestOccupied();
        for (StoredProcessorTokens.SegmentPosition segment : segments) {
            if (segment.position() > highest) {
                throw new InconsistentStoreException("Processor '" + segment.processor() + "' (segment "
                        + segment.segment() + ") has a token at position " + segment.position() + ", beyond the "
                        + "highest position stored (" + highest + "): it counts as handled events the store does not "
                        + "have, and would pass over the new events given those positions. It has not been started.",
                        RESET_PROCESSOR + segment.processor());
            }
        }
    }
}
