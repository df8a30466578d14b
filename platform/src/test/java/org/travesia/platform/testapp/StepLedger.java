package org.travesia.platform.testapp;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * A projection that writes one document per step into MongoDB and remembers, in memory, everything that could go
 * wrong: an event delivered twice, or a walker's steps out of order.
 */
@Component
@ProcessingGroup(StepLedger.PROCESSING_GROUP)
@ConditionalOnProperty("walks.projection.enabled")
public class StepLedger {

    public static final String PROCESSING_GROUP = "walks";
    /** Walkers whose steps this projection fails on, to prove failures park instead of vanishing. */
    public static final String POISON = "poison-";

    private final MongoCollection<Document> steps;
    private final Duration handlingTime;
    private final long stallAtStep;
    private final Duration stallTime;
    private final AtomicBoolean stalled = new AtomicBoolean();
    private final AtomicInteger deliveries = new AtomicInteger();
    private final List<String> duplicates = new CopyOnWriteArrayList<>();
    private final List<String> outOfOrder = new CopyOnWriteArrayList<>();
    private final Map<String, Long> lastStep = new ConcurrentHashMap<>();

    /**
     * @param handlingTime how long each event takes to handle ({@code walks.handling-time}, none by default): work that
     *                     is slow, for a batch that outlasts a claim
     * @param stallAtStep  the step at which this instance stalls once ({@code walks.stall-at-step}, never by default),
     *                     as an instance paused by its collector or the machine would
     * @param stallTime    how long it stalls ({@code walks.stall-time})
     */
    public StepLedger(MongoDatabase travesiaDatabase, @Value("${walks.handling-time:0ms}") Duration handlingTime,
                      @Value("${walks.stall-at-step:-1}") long stallAtStep,
                      @Value("${walks.stall-time:0ms}") Duration stallTime) {
        this.steps = travesiaDatabase.getCollection("test_steps");
        this.handlingTime = handlingTime;
        this.stallAtStep = stallAtStep;
        this.stallTime = stallTime;
    }

    @EventHandler
    void on(StepTaken event, EventMessage<?> message) {
        if (event.walkerId().startsWith(POISON)) {
            throw new IllegalStateException("This projection cannot handle " + event.walkerId());
        }
        deliveries.incrementAndGet();
        take(handlingTime);
        if (event.step() == stallAtStep && stalled.compareAndSet(false, true)) {
            take(stallTime);
        }
        long expected = lastStep.getOrDefault(event.walkerId(), -1L) + 1;
        if (event.step() != expected) {
            outOfOrder.add(event.walkerId() + ": got step " + event.step() + ", expected " + expected);
        }
        lastStep.put(event.walkerId(), event.step());
        try {
            steps.insertOne(new Document("_id", message.getIdentifier()).append("walker", event.walkerId())
                    .append("step", event.step()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            duplicates.add(message.getIdentifier());
        }
    }

    /** Spends this long, all of it, since a park may return early; unless the thread is interrupted (a shutdown). */
    private static void take(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        for (long left = duration.toNanos(); left > 0 && !Thread.currentThread().isInterrupted();
             left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    @ResetHandler
    void reset() {
        steps.deleteMany(new Document());
        lastStep.clear();
    }

    public int deliveries() {
        return deliveries.get();
    }

    public long stored() {
        return steps.countDocuments();
    }

    public List<String> duplicates() {
        return duplicates;
    }

    /** The last step of this walker that this instance handled, or -1. */
    public long lastStep(String walkerId) {
        return lastStep.getOrDefault(walkerId, -1L);
    }

    public List<String> outOfOrder() {
        return outOfOrder;
    }
}
