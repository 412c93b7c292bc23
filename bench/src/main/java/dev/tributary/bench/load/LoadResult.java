package dev.tributary.bench.load;

/**
 * What one open-loop run measured, over its measured window only (warm-up excluded). Latencies are
 * from each request's <em>intended</em> send time to its response, in milliseconds; all zero when
 * no request completed.
 *
 * @param targetRate the requests per second asked for
 * @param connections the size of the connection pool
 * @param seconds the length of the measured window
 * @param sent requests due in the measured window
 * @param ok requests answered 2xx
 * @param failed requests answered otherwise, or whose connection failed
 * @param unanswered requests still without an answer when the run gave up waiting
 * @param p50 median latency
 * @param p99 99th percentile
 * @param p999 99.9th percentile
 * @param max the largest latency
 * @param cpuMillis CPU time the load generator's process used during the window
 */
public record LoadResult(
        double targetRate,
        int connections,
        double seconds,
        long sent,
        long ok,
        long failed,
        long unanswered,
        double p50,
        double p99,
        double p999,
        double max,
        double cpuMillis) {

    /** Answers per second achieved (2xx only). */
    public double achievedRate() {
        return seconds == 0 ? 0 : ok / seconds;
    }
}
