package dev.tributary.bench.load;

import java.util.Arrays;

/**
 * Latencies in nanoseconds, kept whole so that percentiles are exact (a 20 s run at 5,000/s is
 * 100,000 values, 800 KB). Not thread-safe: one thread records, and reads after recording ends.
 */
final class LatencyRecorder {

    private long[] values;
    private int size;

    LatencyRecorder(int expected) {
        values = new long[Math.max(16, expected)];
    }

    void record(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    /** The latencies recorded so far, sorted. */
    long[] sorted() {
        long[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return copy;
    }
}
