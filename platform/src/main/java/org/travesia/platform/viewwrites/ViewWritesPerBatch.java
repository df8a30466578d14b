package org.travesia.platform.viewwrites;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Holds a processor's read-model writes for the length of a batch ({@link ViewWrites}) and sends them, synchronously,
 * once the batch's last event has been handled: before the processor stores its token, so a token never covers an
 * event whose writes are not acknowledged.
 * <p>
 * Why that order holds, in Axon 4.13 with no transaction manager (the services have none; the store has no
 * transactions): {@code TrackingEventProcessor} then stores the token in the batch's unit of work's
 * {@code onPrepareCommit}, registered by its own interceptor on the batch's first event ({@code
 * storeTokenBeforeProcessing} is false for a {@code NoTransactionManager}). Prepare-commit starts only after every
 * event of the {@code BatchingUnitOfWork} has gone through the interceptor chain, this interceptor included. The
 * batch holds only events this segment handles (the processor acknowledges the others through the token alone), so
 * its last event reaches this interceptor; a batch of one is its own last. A flush that throws leaves the event's
 * chain with the exception: the unit of work rolls back without committing, the token stays, and the processor
 * retries the batch from it (query-service's {@code FailedBatchWriteKeepsTheTokenTest}).
 * <p>
 * A handler that throws inside the batch has its event parked by the dead-letter queue, inside the chain: the batch
 * goes on, and the writes of the other events are sent at its end ({@code PoisonedEventInABatchTest}). A dead letter
 * retried later is handled in a unit of work of its own, and Axon runs the processing group's interceptors for it
 * too: its writes are held while its one event is handled and sent right after, before the letter is evicted.
 */
public final class ViewWritesPerBatch implements MessageHandlerInterceptor<EventMessage<?>> {

    private final Function<UnitOfWork<?>, Segment> segmentOf;

    /** For units of work that are not a tracking processor's batches: {@link ViewWrites#segment()} is null. */
    public ViewWritesPerBatch() {
        this(unitOfWork -> null);
    }

    /** @param segmentOf the segment whose events a unit of work holds, or null when it is not a processor's batch */
    public ViewWritesPerBatch(Function<UnitOfWork<?>, Segment> segmentOf) {
        this.segmentOf = segmentOf;
    }

    /** Registers the interceptor on each of the named processors. */
    public static ConfigurerModule on(List<String> processingGroups) {
        return configurer -> processingGroups.forEach(group -> configurer.eventProcessing()
                .registerHandlerInterceptor(group, config -> new ViewWritesPerBatch(segmentOfBatch(config, group))));
    }

    /**
     * The segment, id and mask, of the tracking processor's batch a unit of work is: its id as the processor puts it in
     * the unit of work, its mask as the processor's status holds it now (a split or a merge keeps the id and changes
     * the mask). Null for a unit of work without that id, a dead letter's retry.
     */
    static Function<UnitOfWork<?>, Segment> segmentOfBatch(Configuration config, String processingGroup) {
        return unitOfWork -> config.eventProcessingConfiguration()
                .eventProcessorByProcessingGroup(processingGroup, TrackingEventProcessor.class)
                .map(processor -> {
                    Integer id = unitOfWork.root().getResource("Processor[" + processor.getName() + "]/SegmentId");
                    EventTrackerStatus status = id == null ? null : processor.processingStatus().get(id);
                    return status == null ? null : status.getSegment();
                }).orElse(null);
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        ViewWrites writes = unitOfWork.root().getOrComputeResource(ViewWrites.RESOURCE,
                key -> ViewWrites.held(aggregatesOf(unitOfWork), segmentOf.apply(unitOfWork)));
        Object result = interceptorChain.proceed();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
            writes.flush();
        }
        return result;
    }

    /** The aggregates whose events the batch holds, read ahead by {@link ViewWrites#storedById}. */
    private static Set<String> aggregatesOf(UnitOfWork<? extends EventMessage<?>> unitOfWork) {
        List<? extends Message<?>> messages = unitOfWork instanceof BatchingUnitOfWork<?> batch
                ? batch.getMessages() : List.of(unitOfWork.getMessage());
        Set<String> aggregates = new HashSet<>();
        for (Message<?> message : messages) {
            if (message instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
                aggregates.add(domain.getAggregateIdentifier());
            }
        }
        return aggregates;
    }
}
