package dev.tributary.bench.run;

import dev.tributary.bench.jmh.Decoders;
import dev.tributary.bench.jmh.RouteFilters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Scenario 4's section of the results file and its verdicts.
 *
 * @param decodes decode name → score
 * @param skipped decode name → why it could not run
 * @param filters filter name → score
 * @param transforms transform name → score
 */
record JmhReport(
        Timings timings,
        Map<String, JmhResults.Score> decodes,
        Map<String, String> skipped,
        Map<String, JmhResults.Score> filters,
        Map<String, JmhResults.Score> transforms) {

    Scenario.Outcome outcome() {
        Markdown section = new Markdown()
                .paragraph(
                        "JMH " + String.join(" ", timings.jmhOptions()) + " -prof gc; average time per operation "
                                + "with its 99.9 % error, bytes allocated per operation. Decodes start from the raw body bytes.")
                .table(
                        List.of("decode", "ns/op", "±", "B/op", "events/op", "× " + JmhScenario.CORE_DECODE),
                        decodeRows())
                .table(List.of("route filter", "ns/op", "±", "B/op", "× none"), filterRows())
                .table(List.of("route transform", "ns/op", "±", "B/op"), transformRows());
        return new Scenario.Outcome(section, List.of(s3Verdict(), filterVerdict()));
    }

    private List<List<String>> decodeRows() {
        JmhResults.Score core = decodes.get(JmhScenario.CORE_DECODE);
        List<List<String>> rows = new ArrayList<>();
        for (String name : Decoders.NAMES) {
            JmhResults.Score score = decodes.get(name);
            if (score != null) {
                rows.add(List.of(
                        name,
                        Fmt.whole(score.nanos()),
                        error(score),
                        Fmt.whole(score.bytes()),
                        Integer.toString(Decoders.prepare(name).eventsPerDecode()),
                        core == null ? "—" : Fmt.ratio(score.nanos() / core.nanos())));
            } else {
                rows.add(List.of(name, "skipped: " + skipped.getOrDefault(name, "no result"), "", "", "", ""));
            }
        }
        return rows;
    }

    private List<List<String>> filterRows() {
        JmhResults.Score none = filters.get("none");
        List<List<String>> rows = new ArrayList<>();
        filters.forEach((name, score) -> rows.add(List.of(
                name,
                Fmt.one(score.nanos()),
                error(score),
                Fmt.whole(score.bytes()),
                none == null ? "—" : Fmt.ratio(score.nanos() / none.nanos()))));
        return rows;
    }

    private List<List<String>> transformRows() {
        List<List<String>> rows = new ArrayList<>();
        transforms.forEach((name, score) ->
                rows.add(List.of(name, Fmt.one(score.nanos()), error(score), Fmt.whole(score.bytes()))));
        return rows;
    }

    private Verdict s3Verdict() {
        String figure = "4: S3 record → CloudEvent";
        JmhResults.Score s3 = decodes.get("s3");
        if (s3 == null) {
            return Verdict.notMeasured(figure, "≤ 5 µs per record", skipped.getOrDefault("s3", "no result"));
        }
        double perRecord = s3.nanos() / Decoders.prepare("s3").eventsPerDecode();
        JmhResults.Score core = decodes.get(JmhScenario.CORE_DECODE);
        return Verdict.atMost(
                figure,
                perRecord,
                Fmt.two(perRecord / 1000) + " µs",
                core == null ? "—" : Fmt.two(core.nanos() / 1000) + " µs (CloudEvents binary decode)",
                "≤ 5 µs per record",
                JmhScenario.S3_TARGET_NANOS);
    }

    private Verdict filterVerdict() {
        var slowest = RouteFilters.simpleDialects().stream()
                .filter(filters::containsKey)
                .max(Comparator.comparingDouble(name -> filters.get(name).nanos()))
                .orElseThrow(() -> new IllegalStateException("no simple filter dialect was measured"));
        double nanos = filters.get(slowest).nanos();
        JmhResults.Score none = filters.get("none");
        return Verdict.atMost(
                "4: slowest simple filter dialect (" + slowest + ")",
                nanos,
                Fmt.one(nanos) + " ns",
                none == null ? "—" : Fmt.one(none.nanos()) + " ns (no filter)",
                "≤ 1 µs",
                JmhScenario.SIMPLE_FILTER_TARGET_NANOS);
    }

    private static String error(JmhResults.Score score) {
        return Double.isNaN(score.error()) ? "—" : Fmt.one(score.error());
    }
}
