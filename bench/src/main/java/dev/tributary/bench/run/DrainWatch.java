package dev.tributary.bench.run;

import dev.tributary.bench.sqs.LocalSqs;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Watches a queue drain from the sink's side: polls the sink's count every {@value #POLL_MILLIS} ms,
 * reads each process's CPU when the first event arrives and when the last expected one does, then
 * waits for the queue to be empty (no message visible or in flight).
 */
final class DrainWatch {

    static final long POLL_MILLIS = 20;

    /**
     * @param eventsPerSecond events delivered between the first and the last, per second
     * @param firstToLast from the first event at the sink to the last expected one
     * @param launchToEmpty from the consumer's launch until the queue was empty
     * @param cpuMicrosPerEvent role → CPU µs per event between the first and the last event
     */
    record Drain(
            double eventsPerSecond,
            Duration firstToLast,
            Duration launchToEmpty,
            Map<String, Double> cpuMicrosPerEvent) {}

    private DrainWatch() {}

    /** The sink's count, the time and each process's CPU at one moment of the drain. */
    private record Mark(long nanos, long count, Map<String, Duration> cpu) {

        static Mark now(long count, Map<String, Long> processes) {
            return new Mark(System.nanoTime(), count, ProcStat.cpu(processes));
        }
    }

    /**
     * @param consumer the process draining the queue
     * @param baseline the sink's count before the consumer was launched
     * @param launchNanos {@link System#nanoTime()} when the consumer was launched
     * @param processes role → pid of the processes whose CPU is accounted
     * @throws IllegalStateException when the consumer exits, or the timeout passes, before {@code expected} events arrive
     */
    static Drain watch(
            Processes.Running consumer,
            SinkProcess sink,
            long baseline,
            long expected,
            long launchNanos,
            Map<String, Long> processes,
            SqsClient sqs,
            String queueUrl,
            Duration timeout)
            throws IOException, InterruptedException {
        long deadline = launchNanos + timeout.toNanos();
        Mark first = null;
        long count;
        while ((count = sink.count() - baseline) < expected) {
            if (first == null && count > 0) {
                first = Mark.now(count, processes);
            }
            if (!consumer.process().isAlive()) {
                throw new IllegalStateException(consumer.name() + " exited after " + count + " of " + expected
                        + " events:\n" + consumer.logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + count + " of " + expected + " events reached the sink within "
                        + timeout.toSeconds() + " s");
            }
            Thread.sleep(POLL_MILLIS);
        }
        Mark last = Mark.now(count, processes);
        while (LocalSqs.depth(sqs, queueUrl) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        // everything may have arrived between two polls: then count from the launch
        return drain(first == null ? new Mark(launchNanos, 0, Map.of()) : first, last, launchNanos);
    }

    private static Drain drain(Mark first, Mark last, long launchNanos) {
        long events = Math.max(1, last.count() - first.count());
        Map<String, Double> perEvent = new LinkedHashMap<>();
        last.cpu()
                .forEach((role, cpu) -> perEvent.put(
                        role,
                        cpu.minus(first.cpu().getOrDefault(role, Duration.ZERO)).toNanos() / 1e3 / events));
        Duration firstToLast = Duration.ofNanos(last.nanos() - first.nanos());
        return new Drain(
                events / (firstToLast.toNanos() / 1e9),
                firstToLast,
                Duration.ofNanos(System.nanoTime() - launchNanos),
                perEvent);
    }
}
