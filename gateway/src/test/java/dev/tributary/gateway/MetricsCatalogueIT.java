package dev.tributary.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.RecordingSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's metrics table is what {@code /prometheus} serves: every metric family a gateway
 * serves (its {@code # TYPE} lines) is in the table, and every {@code tributary_} metric of the
 * table is served once each kind of event has passed. The JVM and process meters are absent by
 * default and, with {@code tributary.metrics.jvm}, served under the table's standard prefixes. The
 * mappings use flow control (a sink limit, {@code orderBy} on an attribute every event has, {@code dedupe})
 * so that its meters are served.
 */
class MetricsCatalogueIT {

    private static final String MAPPINGS = """
            apiVersion: tributary.dev/v1
            sources:
              in: { type: cloudevents, auth: none }
            sinks:
              out: { type: http, url: SINK/out, maxConcurrency: 4 }
            routes:
              - name: orders
                from: [in]
                filters: [ { prefix: { type: com.example.order. } } ]
                to: [out]
                delivery: { retry: 1, backoffDelay: PT0.01S }
                orderBy: type
                dedupe: { window: PT1M }
            """;

    private static final Pattern TABLE_ROW = Pattern.compile("^\\| (`[^|]+`) \\|", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("`([a-z_]+\\*?)`");
    private static final Pattern TYPE_LINE = Pattern.compile("^# TYPE (\\S+) ", Pattern.MULTILINE);

    @Test
    void servedMetricsAreExactlyTheReadmeTable() throws Exception {
        Set<String> documented = documented();
        Set<String> exact =
                documented.stream().filter(name -> !name.endsWith("*")).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(
                exact.size() >= 8 && exact.stream().allMatch(name -> name.startsWith("tributary_")), exact.toString());

        Set<String> served = served(Map.of());
        assertEquals(exact, served, "README.md's metrics table against /prometheus");
    }

    @Test
    void jvmMetricsAreOnlyOnDemandAndUnderTheDocumentedPrefixes() throws Exception {
        List<String> prefixes = documented().stream()
                .filter(name -> name.endsWith("*"))
                .map(name -> name.substring(0, name.length() - 1))
                .toList();
        assertEquals(List.of("jvm_", "process_", "system_"), prefixes);

        Set<String> served = served(Map.of("tributary.metrics.jvm", true));
        Set<String> undocumented = new TreeSet<>(served);
        undocumented.removeIf(
                name -> name.startsWith("tributary_") || prefixes.stream().anyMatch(name::startsWith));
        assertEquals(Set.of(), undocumented, "served but not in README.md's metrics table");
        for (String prefix : prefixes) {
            assertTrue(served.stream().anyMatch(name -> name.startsWith(prefix)), prefix + "* not served: " + served);
        }
        assertTrue(served.contains("jvm_memory_used_bytes"), served.toString());
    }

    /** Backticked names in the first column of the README's metrics table. */
    private static Set<String> documented() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("user.dir")).resolveSibling("README.md"));
        int start = readme.indexOf("### Metrics");
        assertTrue(start >= 0, "README.md has no '### Metrics' section");
        String section = readme.substring(start, readme.indexOf("\n#", start + 1));
        Set<String> names = new TreeSet<>();
        Matcher row = TABLE_ROW.matcher(section);
        while (row.find()) {
            Matcher name = NAME.matcher(row.group(1));
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        assertFalse(names.isEmpty(), "no metrics table in README.md's Metrics section");
        return names;
    }

    /** The metric families a gateway serves after an event of each kind: delivered after a retry, filtered, unrouted, rejected. */
    private static Set<String> served(Map<String, Object> properties) throws Exception {
        try (RecordingSink sink = new RecordingSink();
                GatewayUnderTest gateway = new GatewayUnderTest(MAPPINGS, sink, properties)) {
            sink.script("/out", RecordingSink.Response.status(503), RecordingSink.Response.status(200));
            assertEquals(
                    202,
                    gateway.pushEvent("in", "1", "com.example.order.created", "{}")
                            .statusCode());
            gateway.pushEvent("in", "2", "com.example.other", "{}");
            gateway.post("/sources/in", "{}", "Content-Type", "application/json");
            String metrics = gateway.getManagement("/prometheus").body();
            assertTrue(
                    metrics.contains("tributary_delivery_retries_total{route=\"orders\",sink=\"out\"} 1.0"), metrics);
            Set<String> names = new TreeSet<>();
            Matcher type = TYPE_LINE.matcher(metrics);
            while (type.find()) {
                names.add(type.group(1));
            }
            return names;
        }
    }
}
