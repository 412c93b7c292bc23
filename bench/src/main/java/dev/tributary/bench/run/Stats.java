package dev.tributary.bench.run;

import java.util.List;

/** Summary statistics of repeated measurements. */
final class Stats {

    private Stats() {}

    /** The median; the mean of the middle two for an even count. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Whether two measurements differ by at most {@code tolerance} of the larger. */
    static boolean agree(double a, double b, double tolerance) {
        return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
    }
}
