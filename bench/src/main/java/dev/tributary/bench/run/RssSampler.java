package dev.tributary.bench.run;

/**
 * Samples a process's resident set size every {@value #PERIOD_MILLIS} ms on a daemon thread and
 * keeps the largest value; {@link #close()} stops sampling.
 */
final class RssSampler implements AutoCloseable {

    static final long PERIOD_MILLIS = 250;

    private final Thread thread;
    private volatile long maxKib;

    private RssSampler(long pid) {
        thread = new Thread(() -> sample(pid), "rss-sampler-" + pid);
        thread.setDaemon(true);
    }

    static RssSampler start(long pid) {
        RssSampler sampler = new RssSampler(pid);
        sampler.thread.start();
        return sampler;
    }

    /** The largest resident set size seen so far, KiB. */
    long maxKib() {
        return maxKib;
    }

    private void sample(long pid) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                maxKib = Math.max(maxKib, ProcStat.rssKib(pid));
                Thread.sleep(PERIOD_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            // the process ended: nothing more to sample
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}
