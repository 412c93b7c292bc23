package dev.tributary.bench.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Warms a contender up by repeating a load window until two successive windows agree within
 * {@value #TOLERANCE} (5 %), or until the warm-up budget is spent.
 */
final class Warmup {

    static final double TOLERANCE = 0.05;

    /** One warm-up window; answers its throughput. */
    @FunctionalInterface
    interface Window {
        double run() throws Exception;
    }

    private Warmup() {}

    /**
     * @param window one window of {@code windowLength}
     * @param budget the most time to spend; at least two windows run
     * @return the throughput of every window run, in order
     */
    static List<Double> converge(Window window, Duration windowLength, Duration budget) throws Exception {
        int maxWindows = (int) Math.max(2, budget.toMillis() / Math.max(1, windowLength.toMillis()));
        List<Double> rates = new ArrayList<>();
        while (rates.size() < maxWindows) {
            rates.add(window.run());
            int n = rates.size();
            if (n >= 2 && Stats.agree(rates.get(n - 2), rates.get(n - 1), TOLERANCE)) {
                break;
            }
        }
        return rates;
    }

    /** Whether the last two windows agreed (false when the budget ran out first). */
    static boolean settled(List<Double> rates) {
        int n = rates.size();
        return n >= 2 && Stats.agree(rates.get(n - 2), rates.get(n - 1), TOLERANCE);
    }
}
