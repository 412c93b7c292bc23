package dev.tributary.bench.run;

import java.time.Duration;
import java.util.List;

/**
 * How long each part of a run takes. The full run fits the suite in about 15 minutes on two cores;
 * the quick run only checks that every part works end to end: its figures mean nothing.
 *
 * @param warmupRun one warm-up window
 * @param warmupMax the most warm-up a contender gets before measuring anyway
 * @param window one measured saturation window (scenario 1 and the memory load of scenario 5)
 * @param shortWindow one measured window of scenario 2, which has four loads to interleave
 * @param rounds measured windows per contender, interleaved; medians are reported
 * @param latencyWarmup open-loop sending before latencies are recorded
 * @param latencyWindow open-loop recording
 * @param sqsMessages notifications pre-loaded for each SQS drain
 * @param jmhOptions JMH run options (forks, iterations)
 * @param startupRuns gateway starts timed
 * @param idleSettle wait after readiness before reading idle memory
 */
record Timings(
        Duration warmupRun,
        Duration warmupMax,
        Duration window,
        Duration shortWindow,
        int rounds,
        Duration latencyWarmup,
        Duration latencyWindow,
        int sqsMessages,
        List<String> jmhOptions,
        int startupRuns,
        Duration idleSettle) {

    static Timings full() {
        return new Timings(
                Duration.ofSeconds(10),
                Duration.ofSeconds(90),
                Duration.ofSeconds(15),
                Duration.ofSeconds(10),
                3,
                Duration.ofSeconds(3),
                Duration.ofSeconds(15),
                100_000,
                List.of("-f", "1", "-wi", "3", "-w", "1s", "-i", "5", "-r", "1s"),
                3,
                Duration.ofSeconds(5));
    }

    static Timings quick() {
        return new Timings(
                Duration.ofSeconds(2),
                Duration.ofSeconds(4),
                Duration.ofSeconds(3),
                Duration.ofSeconds(2),
                1,
                Duration.ofSeconds(1),
                Duration.ofSeconds(3),
                2_000,
                List.of("-f", "1", "-wi", "1", "-w", "200ms", "-i", "2", "-r", "200ms"),
                1,
                Duration.ofSeconds(1));
    }

    /** The same timings with another number of SQS messages. */
    Timings withSqsMessages(int messages) {
        return new Timings(
                warmupRun,
                warmupMax,
                window,
                shortWindow,
                rounds,
                latencyWarmup,
                latencyWindow,
                messages,
                jmhOptions,
                startupRuns,
                idleSettle);
    }
}
