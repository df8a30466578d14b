package org.travesia.platform.processing.admin;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.travesia.kernel.common.ConflictException;
import org.travesia.platform.web.NotFoundException;

/**
 * What an operator does to one event processor of this instance while the service stays up: replay it from the
 * first event, pause and resume it, and look at, retry or evict the sequences it parked in its dead-letter queue.
 * <p>
 * A replay needs every segment of the processor, and instances hold segments through claims in the token store: it
 * fails with {@code processor.claimed-elsewhere} while another instance runs the same processor, and the operator
 * pauses it there first (the runbook says how). Nothing is reset unless every segment could be taken.
 */
public class ProcessorAdministration {

    private static final Logger log = LoggerFactory.getLogger(ProcessorAdministration.class);

    private final EventProcessingConfiguration processing;

    public ProcessorAdministration(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /**
     * Stops the processor, moves every segment's token back to the start (the projection's reset handler clears its
     * read model), clears its parked sequences (every event is delivered again, so a letter kept would be applied a
     * second time later), and starts it again. Returns at once; the replay runs on the processor's own threads.
     */
    public void replay(String name) {
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw new ConflictException("processor.reset-unsupported", name);
        }
        processor.shutDown();
        try {
            // From before the first position, explicitly: the default start (the store's tail) is no token at all,
            // which a processor that has handled nothing yet would store as is, and the token store refuses.
            processor.resetTokens(source -> GapAwareTrackingToken.newInstance(0, List.of()));
            processing.deadLetterQueue(name).ifPresent(SequencedDeadLetterQueue::clear);
            log.info("Processor {} reset to the first event; replaying", name);
        } catch (UnableToClaimTokenException claimedElsewhere) {
            throw new ConflictException("processor.claimed-elsewhere", name);
        } finally {
            processor.start();
        }
    }

    /** Stops the processor on this instance and releases its segments, which other instances may then claim. */
    public void pause(String name) {
        processor(name).shutDown();
        log.info("Processor {} paused on this instance", name);
    }

    public void resume(String name) {
        processor(name).start();
        log.info("Processor {} resumed on this instance", name);
    }

    /** The parked sequences, oldest first, at most {@code limit} of them (one more tells the caller there are more). */
    public List<DeadLetterSequence> deadLetters(String name, int limit) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(name);
        List<DeadLetterSequence> sequences = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> letters : queue.deadLetters()) {
            if (sequences.size() == limit) {
                break;
            }
            DeadLetterSequence.of(letters, queue).ifPresent(sequences::add);
        }
        return sequences;
    }

    /**
     * Hands the sequence's parked events to the processor's handlers again, in order. True when every one of them
     * went through (the sequence is gone); false when one failed again (those before it were applied; it and those
     * after it stay parked).
     */
    public boolean retry(String name, String sequence) {
        requireParked(name, sequence);
        SequencedDeadLetterProcessor<EventMessage<?>> retrier = processing.sequencedDeadLetterProcessor(name)
                .orElseThrow(() -> new NotFoundException("processor.not-found"));
        return retrier.process(letter -> sequence.equals(sequenceOf(letter)));
    }

    /**
     * Deletes the sequence's parked events for good. The projection never sees them, until a replay delivers them
     * again; the events themselves stay in the store.
     */
    public int evict(String name, String sequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = requireParked(name, sequence);
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(sequence).forEach(letters::add);
        letters.forEach(queue::evict);
        return letters.size();
    }

    /** The sequence a letter belongs to: the aggregate whose events are parked, under the default sequencing. */
    static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        if (letter instanceof MongoDeadLetter<?> mongoLetter) {
            return mongoLetter.sequenceIdentifier();
        }
        throw new IllegalStateException("Dead letters are expected in MongoDB, found a " + letter.getClass().getName());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> requireParked(String name, String sequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(name);
        if (!queue.contains(sequence)) {
            throw new NotFoundException("dead-letter.not-found");
        }
        return queue;
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFoundException("processor.not-found"));
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String name) {
        processor(name);
        return processing.deadLetterQueue(name).orElseThrow(() -> new NotFoundException("processor.not-found"));
    }
}
