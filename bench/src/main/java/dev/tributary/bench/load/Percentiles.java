package dev.tributary.bench.load;

/** Nearest-rank percentiles of sorted values. */
public final class Percentiles {

    private Percentiles() {}

    /**
     * The smallest value that at least {@code percent} % of the values do not exceed.
     *
     * @param sorted values in ascending order, not empty
     * @param percent in (0, 100]
     * @throws IllegalArgumentException when there are no values or the percentile is out of range
     */
    public static long nearestRank(long[] sorted, double percent) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percentile out of (0, 100]: " + percent);
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
