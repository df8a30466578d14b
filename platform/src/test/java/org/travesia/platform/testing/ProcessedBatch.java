package org.travesia.platform.testing;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.travesia.platform.viewwrites.ViewWritesPerBatch;

/**
 * Hands events to a projection as a tracking processor hands it one batch: one {@link BatchingUnitOfWork} over all
 * of them, each through the {@link ViewWritesPerBatch} interceptor, rolled back on any failure. Without the
 * processor's token and dead-letter queue: the tests that run the services cover those.
 */
public final class ProcessedBatch {

    private ProcessedBatch() {
    }

    /** The batch's result: exceptional when a handler or the batch's writes failed. */
    public static ResultMessage<?> of(Object projection, List<? extends EventMessage<?>> events) {
        return inSegment(null, projection, events);
    }

    /**
     * As {@link #of}, as a batch of a tracking processor's {@code segment} (null: a unit of work that is not a
     * processor's batch, as {@link #of}).
     */
    public static ResultMessage<?> inSegment(Segment segment, Object projection,
                                             List<? extends EventMessage<?>> events) {
        AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(projection);
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.copyOf(events));
        return batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch,
                List.of(new ViewWritesPerBatch(unitOfWork -> segment)), handler).proceed(),
                RollbackConfigurationType.ANY_THROWABLE);
    }

    /**
     * As {@link #of}, with an operator's retry of dead letters in the middle: just before the batch handles
     * {@code before}, {@code retried} are handled on a thread of their own, one by one as a retry handles them, and
     * done. Throws if the retry failed.
     */
    public static ResultMessage<?> withRetryBefore(Object projection, List<? extends EventMessage<?>> events,
                                                   EventMessage<?> before, List<? extends EventMessage<?>> retried)
            throws InterruptedException {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        AtomicReference<Throwable> retryFailed = new AtomicReference<>();
        MessageHandler<EventMessage<?>> handler = message -> {
            if (message == before) {
                Thread retry = new Thread(() -> {
                    try {
                        eventByEvent(projection, retried);
                    } catch (Throwable e) {
                        retryFailed.set(e);
                    }
                });
                retry.start();
                retry.join();
            }
            return adapter.handle(message);
        };
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.copyOf(events));
        ResultMessage<?> result = batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch,
                List.of(new ViewWritesPerBatch()), handler).proceed(), RollbackConfigurationType.ANY_THROWABLE);
        if (retryFailed.get() != null) {
            throw new IllegalStateException("The retry failed", retryFailed.get());
        }
        return result;
    }

    /**
     * Each event on its own, outside any unit of work: its writes sent as they come. It stands for a dead letter
     * retried, which production handles in a unit of work of its own, its writes held until its one event is handled.
     */
    public static void eventByEvent(Object projection, List<? extends EventMessage<?>> events) throws Exception {
        AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(projection);
        for (EventMessage<?> event : events) {
            handler.handle(event);
        }
    }
}
