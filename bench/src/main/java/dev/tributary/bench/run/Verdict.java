package dev.tributary.bench.run;

import java.util.List;

/**
 * One figure checked against its target of issue 9.
 *
 * @param figure what was measured
 * @param measured the figure, formatted, or "—"
 * @param baseline the figure it is read against, measured in the same run, or "—"
 * @param target the target, as the issue states it
 * @param status met, missed, or not measured (and why)
 */
record Verdict(String figure, String measured, String baseline, String target, String status) {

    static final List<String> HEADER = List.of("figure", "measured", "baseline (same run)", "target", "verdict");

    private static final String MISSED = "**missed**";

    /** {@code value ≥ floor}. */
    static Verdict atLeast(String figure, double value, String shown, String baseline, String target, double floor) {
        return new Verdict(figure, shown, baseline, target, status(value >= floor));
    }

    /** {@code value ≤ ceiling}. */
    static Verdict atMost(String figure, double value, String shown, String baseline, String target, double ceiling) {
        return new Verdict(figure, shown, baseline, target, status(value <= ceiling));
    }

    static Verdict notMeasured(String figure, String target, String why) {
        return new Verdict(figure, "—", "—", target, "not measured: " + why);
    }

    boolean missed() {
        return status.equals(MISSED);
    }

    List<String> cells() {
        return List.of(figure, measured, baseline, target, status);
    }

    private static String status(boolean met) {
        return met ? "met" : MISSED;
    }
}
