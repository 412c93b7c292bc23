package dev.tributary.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JmhResultsTest {

    /** The shape of JMH 1.37's {@code -rf json} output with {@code -prof gc}, trimmed. */
    private static final String JSON = """
            [ {
                "benchmark" : "dev.tributary.bench.jmh.FilterBenchmark.test",
                "mode" : "avgt",
                "params" : { "filter" : "prefix" },
                "primaryMetric" : { "score" : 12.5, "scoreError" : 0.75, "scoreUnit" : "ns/op" },
                "secondaryMetrics" : {
                    "gc.alloc.rate" : { "score" : 0.01, "scoreUnit" : "MB/sec" },
                    "gc.alloc.rate.norm" : { "score" : 24.0, "scoreUnit" : "B/op" }
                }
            }, {
                "benchmark" : "dev.tributary.bench.jmh.FilterBenchmark.test",
                "mode" : "avgt",
                "params" : { "filter" : "cesql" },
                "primaryMetric" : { "score" : 310.0, "scoreError" : "NaN", "scoreUnit" : "ns/op" },
                "secondaryMetrics" : { }
            } ]
            """;

    @Test
    void scoresByParameterWithAllocation() throws Exception {
        Map<String, JmhResults.Score> scores = JmhResults.parse(new ObjectMapper().readTree(JSON));
        assertEquals(List.of("prefix", "cesql"), List.copyOf(scores.keySet()));
        assertEquals(new JmhResults.Score(12.5, 0.75, 24.0), scores.get("prefix"));
        assertEquals(310.0, scores.get("cesql").nanos());
        assertTrue(Double.isNaN(scores.get("cesql").error()));
        assertTrue(Double.isNaN(scores.get("cesql").bytes()), "no gc profiler figure");
    }
}
