package org.travesia.platform.processing;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a tracking processor's claim on its segment for as long as a batch takes, and stops a batch whose claim was
 * lost before it sends anything more.
 * <p>
 * Axon 4.13's {@code TrackingEventProcessor} extends its claim once, when a batch starts, and stores its token when
 * the batch ends. A batch that outlasts the claim timeout lets another instance claim the segment in the middle of
 * it and handle the same events again, while the first still writes: a projection that adds (route-risk's counters)
 * then counts the batch twice. This interceptor extends the claim whenever a fifth of the timeout has passed since
 * the last extension, before each event and once more after the batch's last one, that is, just before {@code
 * ViewWritesPerBatch} sends the batch's writes: Axon runs the processing group's own interceptors outside the
 * defaults (this one is a default), so this check runs inside the flush's. When the claim is gone, {@link
 * TokenStore#extendClaim} throws {@link UnableToClaimTokenException}. That leaves through the interceptor chain,
 * outside the dead-letter queue: the batch rolls back with none of its held writes sent, and the processor lets the
 * segment go.
 * <p>
 * A batch shorter than a fifth of the timeout costs nothing: the processor's own extension at its start counts. A
 * unit of work that is not a processor's batch (a dead letter's retry) has no segment and is left alone.
 * <p>
 * What this cannot cover: the claim has at least four fifths of the timeout left at each check, so an instance
 * that stalls for that long between two checks, or while it sends the batch's writes, may still be taken over, and
 * writes already on their way carry no claim that could fence them off. Events the batch parked in the dead-letter
 * queue before it stopped stay parked, and are parked again when the batch is handled again.
 */
public final class ClaimKeptThroughTheBatch implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String LAST_EXTENDED = ClaimKeptThroughTheBatch.class.getName() + "/lastExtended";
    private static final Logger log = LoggerFactory.getLogger(ClaimKeptThroughTheBatch.class);

    private final TokenStore tokenStore;
    private final String processorName;
    private final String segmentResource;
    private final long intervalNanos;
    private final LongSupplier nanoTime;

    /**
     * @param nanoTime a monotonic time in nanoseconds ({@code System::nanoTime}): a wall clock set back would stop the
     *                 extensions until it caught up
     */
    public ClaimKeptThroughTheBatch(TokenStore tokenStore, String processorName, Duration claimTimeout,
                                    LongSupplier nanoTime) {
        if (claimTimeout.isNegative() || claimTimeout.isZero()) {
            throw new IllegalArgumentException("A claim timeout must be positive, not " + claimTimeout);
        }
        this.tokenStore = tokenStore;
        this.processorName = processorName;
        // The key under which TrackingEventProcessor puts a batch's segment into its unit of work.
        this.segmentResource = "Processor[" + processorName + "]/SegmentId";
        this.intervalNanos = claimTimeout.dividedBy(5).toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        Integer segment = unitOfWork.root().getResource(segmentResource);
        if (segment == null) {
            return interceptorChain.proceed();
        }
        keep(unitOfWork, segment);
        Object result = interceptorChain.proceed();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
            keep(unitOfWork, segment);
        }
        return result;
    }

    /** Extends the claim when a fifth of its timeout has passed since the last extension; the batch's start counts. */
    private void keep(UnitOfWork<? extends EventMessage<?>> unitOfWork, int segment) {
        long now = nanoTime.getAsLong();
        long last = unitOfWork.root().<Long>getOrComputeResource(LAST_EXTENDED, key -> now);
        if (now - last >= intervalNanos) {
            try {
                tokenStore.extendClaim(processorName, segment);
            } catch (UnableToClaimTokenException e) {
                log.warn("Processor {} lost its claim on segment {} in the middle of a batch, {} ms after it last had "
                        + "it: the batch stops, sends none of its held writes, and is handled again by whoever "
                        + "holds the segment", processorName, segment, (now - last) / 1_000_000);
                throw e;
            }
            unitOfWork.root().resources().put(LAST_EXTENDED, now);
        }
    }
}
