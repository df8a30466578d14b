package org.travesia.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** When a warm-up stops: once every JVM's compilers are quiet, or when its time is up, and the rows say which. */
class JitWarmUpTest {

    private static final Duration ROUND = Duration.ofMillis(20);

    @Test
    void readsTheCompilationTimeOfEverySeriesInAScrape() {
        String scrape = """
                # HELP jvm_compilation_time_ms_total The approximate accumulated elapsed time spent in compilation
                # TYPE jvm_compilation_time_ms_total counter
                jvm_compilation_time_ms_total{application="command-service",compiler="HotSpot 64-Bit Tiered Compilers"} 12345.0
                jvm_compilation_time_ms_total{compiler="other"} 1.5E3
                jvm_compilation_time_ms_totalx{compiler="not it"} 99.0
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
    void stopsAtTheFirstRoundInWhichEveryJvmCompiledLittle() throws Exception {
        // One JVM compiles for a second in each of its first three rounds, the other in its first only.
        List<Double> busy = steps(1_000, 1_000, 1_000, 0, 0, 0, 0);
        List<Double> early = steps(1_000, 0, 0, 0, 0, 0, 0);
        AtomicInteger rounds = new AtomicInteger();

        JitWarmUp.Result warm = JitWarmUp.until(ROUND, Duration.ofMinutes(1), List.of(clock(busy), clock(early)),
                round -> {
                    assertThat(round).isEqualTo(rounds.getAndIncrement());
                    Thread.sleep(ROUND.toMillis());
                });

        assertThat(warm.rounds()).isEqualTo(4);
        assertThat(rounds).hasValue(4);
        assertThat(warm.settled()).isTrue();
        assertThat(warm.lastRoundCompileShare()).isZero();
    }

    @Test
    void compilationJustBelowTheShareCountsAsSettledAndJustAboveDoesNot() throws Exception {
        // A round of 200 ms: 5% of it is 10 ms; the rounds last a little longer than asked, never shorter.
        Duration round = Duration.ofMillis(200);
        JitWarmUp.Result quiet = JitWarmUp.until(round, Duration.ofMinutes(1), List.of(clock(steps(9, 9))),
                r -> Thread.sleep(round.toMillis()));
        JitWarmUp.Result busy = JitWarmUp.until(round, Duration.ofMillis(450), List.of(clock(steps(30, 30, 30))),
                r -> Thread.sleep(round.toMillis()));

        assertThat(quiet.settled()).isTrue();
        assertThat(quiet.rounds()).isEqualTo(1);
        assertThat(busy.settled()).isFalse();
        assertThat(busy.lastRoundCompileShare()).isGreaterThan(JitWarmUp.SETTLED_SHARE);
    }

    @Test
    void stopsUnsettledWhenItsTimeIsUpAndSaysSo() throws Exception {
        List<Double> alwaysBusy = steps(1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000);

        JitWarmUp.Result warm = JitWarmUp.until(ROUND, ROUND.multipliedBy(3), List.of(clock(alwaysBusy)),
                round -> Thread.sleep(ROUND.toMillis()));

        assertThat(warm.settled()).isFalse();
        assertThat(warm.rounds()).isBetween(1, 3);
        assertThat(warm.lastRoundCompileShare()).isGreaterThan(1.0);
        assertThat(warm.after("reports/s", 5.0)).containsExactly("reports/s", 5.0, "warm-up s", warm.seconds(),
                "JIT share of a core at warm-up end", warm.lastRoundCompileShare());
    }

    @Test
    void atLeastOneRoundRunsEvenWithNoTimeAllowed() throws Exception {
        AtomicInteger rounds = new AtomicInteger();

        JitWarmUp.Result warm = JitWarmUp.until(ROUND, Duration.ZERO, List.of(clock(steps(1_000, 1_000))),
                round -> rounds.incrementAndGet());

        assertThat(rounds).hasValue(1);
        assertThat(warm.settled()).isFalse();
    }

    /** A clock's readings: 0 before the first round, then the running sum of each round's compilation. */
    private static List<Double> steps(double... perRound) {
        List<Double> readings = new ArrayList<>(List.of(0.0));
        for (double millis : perRound) {
            readings.add(readings.get(readings.size() - 1) + millis);
        }
        return readings;
    }

    private static JitWarmUp.CompileClock clock(List<Double> readings) {
        AtomicInteger read = new AtomicInteger();
        return () -> readings.get(read.getAndIncrement());
    }
}
