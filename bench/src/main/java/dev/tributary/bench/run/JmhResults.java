package dev.tributary.bench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads JMH's JSON results ({@code -rf json}) of benchmarks with one parameter each. */
final class JmhResults {

    /** JMH's {@code -prof gc} figure for bytes allocated per operation. */
    static final String ALLOCATED = "gc.alloc.rate.norm";

    /**
     * @param nanos average time per operation, ns
     * @param error the half-width of JMH's 99.9 % confidence interval, ns (NaN with a single iteration)
     * @param bytes bytes allocated per operation, NaN without the gc profiler
     */
    record Score(double nanos, double error, double bytes) {}

    private JmhResults() {}

    /** Parameter value → score, in JMH's order. */
    static Map<String, Score> read(Path file) throws IOException {
        return parse(new ObjectMapper().readTree(file.toFile()));
    }

    static Map<String, Score> parse(JsonNode results) {
        Map<String, Score> scores = new LinkedHashMap<>();
        for (JsonNode result : results) {
            JsonNode params = result.path("params");
            String parameter = params.isObject() && params.size() == 1
                    ? params.elements().next().asText()
                    : result.path("benchmark").asText();
            JsonNode primary = result.path("primaryMetric");
            JsonNode allocated = result.path("secondaryMetrics").path(ALLOCATED).path("score");
            scores.put(
                    parameter,
                    new Score(
                            primary.path("score").asDouble(),
                            primary.path("scoreError").asDouble(Double.NaN),
                            allocated.isNumber() ? allocated.asDouble() : Double.NaN));
        }
        return scores;
    }
}
