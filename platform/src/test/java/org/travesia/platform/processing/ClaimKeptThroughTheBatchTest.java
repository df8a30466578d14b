package org.travesia.platform.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.platform.viewwrites.MergedUpdate;
import org.travesia.platform.viewwrites.ViewWrites;
import org.travesia.platform.viewwrites.ViewWritesPerBatch;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * A batch extends its claim whenever a fifth of the claim timeout has passed, and a batch that finds its claim gone
 * sends none of its held writes. The interceptors are chained as Axon chains them for a processor: the processing
 * group's ({@link ViewWritesPerBatch}) outside the defaults ({@link ClaimKeptThroughTheBatch}); {@code
 * LongBatchKeepsItsClaimTest} checks that order on a running processor.
 */
class ClaimKeptThroughTheBatchTest {

    private static final String PROCESSOR = "walks";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final EmbeddedMongo mongo = EmbeddedMongo.inMemory();
    private final MongoClient client = MongoClients.create(mongo.uri());
    private final MongoCollection<Document> tally = client.getDatabase("travesia").getCollection("tally");
    private Duration elapsed = Duration.ZERO;
    private final List<Duration> extendedAt = new ArrayList<>();
    private int extensionsAllowed = Integer.MAX_VALUE;

    @AfterEach
    void close() {
        client.close();
        mongo.close();
    }

    @Test
    void aBatchShorterThanAFifthOfTheTimeoutDoesNotExtendTheClaim() {
        ResultMessage<?> result = batch(5, Duration.ofMillis(390), true);

        assertThat(result.isExceptional()).isFalse();
        assertThat(extendedAt).isEmpty();
        assertThat(counted()).isEqualTo(5);
    }

    @Test
    void aLongBatchExtendsTheClaimWheneverAFifthOfTheTimeoutHasPassed() {
        ResultMessage<?> result = batch(5, Duration.ofSeconds(1), true);

        // Checked before each event and after the last: at 0, 1, 2 (extends), 3, 4 (extends), and 5 after the last.
        assertThat(result.isExceptional()).isFalse();
        assertThat(extendedAt).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(counted()).isEqualTo(5);
    }

    @Test
    void aBatchThatLostItsClaimInTheMiddleStopsThereAndSendsNothing() {
        extensionsAllowed = 0;
        List<Integer> handled = new ArrayList<>();

        ResultMessage<?> result = batch(5, Duration.ofSeconds(1), true, handled);

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(UnableToClaimTokenException.class);
        assertThat(handled).as("events handled before the claim was found gone").containsExactly(0, 1);
        assertThat(counted()).as("held writes sent").isZero();
    }

    @Test
    void aClaimLostDuringTheLastEventIsFoundBeforeTheBatchWritesAreSent() {
        extensionsAllowed = 0;

        // Two events of 1.5 s: nothing is due before either; 3 s have passed once the last is handled.
        ResultMessage<?> result = batch(2, Duration.ofMillis(1_500), true);

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(UnableToClaimTokenException.class);
        assertThat(counted()).as("held writes sent").isZero();
    }

    @Test
    void aUnitOfWorkWithoutASegmentIsLeftAlone() {
        extensionsAllowed = 0;

        ResultMessage<?> result = batch(5, Duration.ofSeconds(3), false);

        assertThat(result.isExceptional()).isFalse();
        assertThat(extendedAt).isEmpty();
        assertThat(counted()).isEqualTo(5);
    }

    private ResultMessage<?> batch(int events, Duration perEvent, boolean inASegment) {
        return batch(events, perEvent, inASegment, new ArrayList<>());
    }

    /** A batch of {@code events}, each taking {@code perEvent} and counting one step in a held write. */
    private ResultMessage<?> batch(int events, Duration perEvent, boolean inASegment, List<Integer> handled) {
        List<EventMessage<?>> messages = IntStream.range(0, events)
                .<EventMessage<?>>mapToObj(GenericEventMessage::new).toList();
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        if (inASegment) {
            batch.resources().put("Processor[" + PROCESSOR + "]/SegmentId", 0);
        }
        List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors = List.of(new ViewWritesPerBatch(),
                new ClaimKeptThroughTheBatch(tokenStore(), PROCESSOR, TIMEOUT,
                        () -> elapsed.toNanos() + 123_456_789L));
        MessageHandler<EventMessage<?>> handler = message -> {
            handled.add((Integer) message.getPayload());
            ViewWrites.current().updateById(0, tally, "steps", new MergedUpdate().inc("count", 1), true);
            elapsed = elapsed.plus(perEvent);
            return null;
        };
        return batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch, interceptors, handler).proceed(),
                RollbackConfigurationType.ANY_THROWABLE);
    }

    private long counted() {
        Document counted = tally.find(new Document("_id", "steps")).first();
        return counted == null ? 0 : counted.get("count", Number.class).longValue();
    }

    /** A token store that records when the claim was extended, and refuses once the allowed extensions are used. */
    private TokenStore tokenStore() {
        return (TokenStore) Proxy.newProxyInstance(TokenStore.class.getClassLoader(), new Class<?>[] {TokenStore.class},
                (proxy, method, arguments) -> {
                    if (!method.getName().equals("extendClaim")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    assertThat(arguments).containsExactly(PROCESSOR, 0);
                    if (extendedAt.size() >= extensionsAllowed) {
                        throw new UnableToClaimTokenException("claimed by another node");
                    }
                    extendedAt.add(elapsed);
                    return null;
                });
    }
}
