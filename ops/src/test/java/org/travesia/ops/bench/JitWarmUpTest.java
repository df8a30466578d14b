package org.travesia.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * When a warm-up stops: after the first load during which every JVM's compilers were quiet, or when another round
 * would pass its time, and its rows say which. On a clock of its own: a load lasts exactly what the test says.
 */
class JitWarmUpTest {

    private static final long LOAD_MILLIS = 200;

    private final AtomicLong nanos = new AtomicLong();
    private final List<Integer> loads = new ArrayList<>();
    private final List<Integer> waits = new ArrayList<>();

    @Test
    void readsTheCompilationTimeOfEverySeriesInAScrape() {
        String scrape = """
                # HELP jvm_compilation_time_ms_total The approximate accumulated elapsed time spent in compilation
                # TYPE jvm_compilation_time_ms_total counter
                jvm_compilation_time_ms_total{application="command-service",compiler="HotSpot 64-Bit Tiered Compilers"} 12345.0
                jvm_compilation_time_ms_total{compiler="other"} 1.5E3
                jvm_compilation_time_ms_totalx{compiler="not it"} 99.0
                jvm_compilation_time_ms_created{compiler="not it either"} 1.7E9
                jvm_classes_loaded_classes 20000.0
                """;

        assertThat(JitWarmUp.compilationMillis(scrape)).isEqualTo(13_845.0);
    }

    @Test
    void aScrapeWithoutCompilationTimeIsAnError() {
        assertThatThrownBy(() -> JitWarmUp.compilationMillis("jvm_classes_loaded_classes 20000.0\n"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stopsAfterTheFirstLoadInWhichEveryJvmCompiledLittle() throws Exception {
        // One JVM compiles for a second in each of its first three loads, the other in its first only.
        JitWarmUp.Result warm = warmUp(Duration.ofMinutes(1), clock(1_000, 1_000, 1_000, 0), clock(1_000, 0, 0, 0));

        assertThat(loads).containsExactly(0, 1, 2, 3);
        assertThat(waits).as("a settled load needs no wait after it").containsExactly(0, 1, 2);
        assertThat(warm.rounds()).isEqualTo(4);
        assertThat(warm.settled()).isTrue();
        assertThat(warm.lastLoadCompilation()).isZero();
        assertThat(warm.seconds()).as("four loads of 0.2 s, three waits of 1 s").isEqualTo(3.8);
    }

    @Test
    void fivePerCentOfTheLoadIsSettledAndAnyMoreIsNot() throws Exception {
        JitWarmUp.Result atTheLine = warmUp(Duration.ofMinutes(1), clock(10));
        loads.clear();
        JitWarmUp.Result justAbove = warmUp(Duration.ofMinutes(1), clock(10.2, 0));

        assertThat(atTheLine.settled()).isTrue();
        assertThat(atTheLine.rounds()).isEqualTo(1);
        assertThat(justAbove.rounds()).as("the first load, at 5.1%, did not settle it").isEqualTo(2);
        assertThat(justAbove.settled()).isTrue();
        assertThat(loads).hasSize(2);
    }

    @Test
    void compilationDuringTheWaitsBetweenLoadsIsNotCounted() throws Exception {
        // Readings: before and after each load. Between the first load's end and the second's start, 5 s compiled.
        List<Double> readings = List.of(0.0, 1_000.0, 6_000.0, 6_000.0);
        AtomicInteger read = new AtomicInteger();

        JitWarmUp.Result warm = warmUp(Duration.ofMinutes(1), () -> readings.get(read.getAndIncrement()));

        assertThat(warm.rounds()).isEqualTo(2);
        assertThat(warm.settled()).isTrue();
    }

    @Test
    void stopsUnsettledWhenAnotherRoundWouldPassItsTimeAndSaysSo() throws Exception {
        // A round is a load of 0.2 s and a wait of 1 s: after two (2.4 s), a third would end at 3.6 s, past 3 s.
        JitWarmUp.Result warm = warmUp(Duration.ofSeconds(3), clock(1_000, 1_000, 1_000, 1_000, 1_000));

        assertThat(warm.settled()).isFalse();
        assertThat(warm.rounds()).isEqualTo(2);
        assertThat(warm.seconds()).isEqualTo(2.4);
        assertThat(warm.lastLoadCompilation()).isEqualTo(5.0);
        assertThat(warm.after("reports/s", 5.0)).containsExactly("reports/s", 5.0, "warm-up s", 2.4,
                "warm-up rounds", 2, "warm-up settled", false, "JIT ms per ms at warm-up end", 5.0);
    }

    @Test
    void atLeastOneRoundRunsEvenWithNoTimeAllowed() throws Exception {
        JitWarmUp.Result warm = warmUp(Duration.ZERO, clock(1_000, 1_000));

        assertThat(loads).containsExactly(0);
        assertThat(warm.rounds()).isEqualTo(1);
        assertThat(warm.settled()).isFalse();
    }

    /** Loads of {@value #LOAD_MILLIS} ms and waits of a second between them, on the test's clock. */
    private JitWarmUp.Result warmUp(Duration atMost, JitWarmUp.CompileClock... jvms) throws Exception {
        return JitWarmUp.until(atMost, List.of(jvms), round -> {
            loads.add(round);
            nanos.addAndGet(Duration.ofMillis(LOAD_MILLIS).toNanos());
        }, round -> {
            waits.add(round);
            nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        }, nanos::get);
    }

    /** A JVM that compiles this many milliseconds in each load, one after the other; it is read twice per load. */
    private static JitWarmUp.CompileClock clock(double... perLoad) {
        List<Double> readings = new ArrayList<>();
        double total = 0;
        for (double millis : perLoad) {
            readings.add(total);
            total += millis;
            readings.add(total);
        }
        AtomicInteger read = new AtomicInteger();
        return () -> readings.get(read.getAndIncrement());
    }
}
