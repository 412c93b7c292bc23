package dev.tributary.core.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The flow-control parts of a mappings file (docs/flow-control.md): sink limits, orderBy, dedupe. */
class FlowMappingsTest {

    private final MappingLoader loader = new MappingLoader(Map.<String, String>of()::get);

    @Test
    void everySinkTypeTakesTheLimitsAndRoutesTakeOrderingAndDedupe() {
        Mappings mappings = loader.load("x.yaml", """
                apiVersion: tributary.dev/v1
                sources: { in: { type: cloudevents, auth: none } }
                sinks:
                  fn: { type: http, url: "http://127.0.0.1:1/", maxConcurrency: 8, rateLimit: 50, rateBurst: 10 }
                  audit: { type: log, rateLimit: 5 }
                  free: { type: log }
                routes:
                  - name: r
                    from: [in]
                    to: [fn, audit]
                    orderBy: subject
                    dedupe: { window: PT10M }
                  - name: plain
                    from: [in]
                    to: [free]
                """);

        assertEquals(
                new SinkLimits(OptionalInt.of(8), OptionalInt.of(50), 10),
                SinkLimits.of(mappings.sinks().get("fn").options()));
        assertEquals(
                new SinkLimits(OptionalInt.empty(), OptionalInt.of(5), 1),
                SinkLimits.of(mappings.sinks().get("audit").options()));
        assertEquals(SinkLimits.NONE, SinkLimits.of(mappings.sinks().get("free").options()));
        assertEquals(
                new RouteFlow(
                        Optional.of("subject"),
                        Optional.of(
                                new RouteFlow.Dedupe(Duration.ofMinutes(10), RouteFlow.Dedupe.DEFAULT_MAX_ENTRIES))),
                mappings.routes().get(0).flow());
        assertEquals(RouteFlow.NONE, mappings.routes().get(1).flow());
    }

    @Test
    void mistakesAreLocated() {
        MappingException error = assertThrows(MappingException.class, () -> loader.load("x.yaml", """
                apiVersion: tributary.dev/v1
                sources: { in: { type: cloudevents, auth: none } }
                sinks:
                  fn: { type: log, maxConcurrency: 0, rateBurst: 3 }
                routes:
                  - name: r
                    from: [in]
                    to: [fn]
                    orderBy: Subject
                    dedupe: { window: 10m, maxEntry: 5 }
                  - name: s
                    from: [in]
                    to: [fn]
                    dedupe: { maxEntries: 0 }
                """));

        assertEquals(
                List.of(
                        "x.yaml:4: sink 'fn': maxConcurrency: expected a positive integer, got '0'",
                        "x.yaml:4: sink 'fn': rateBurst: needs rateLimit (the rate the burst is taken from)",
                        "x.yaml:9: route 'r': orderBy: 'Subject' is not a CloudEvents attribute name (lower-case letters and digits only), e.g. subject",
                        "x.yaml:10: route 'r': dedupe.maxEntry: unknown field (expected one of window, maxEntries)",
                        "x.yaml:10: route 'r': dedupe.window: expected a positive ISO-8601 duration such as PT0.5S or PT1M, got '10m'",
                        "x.yaml:14: route 's': dedupe.window: required field is missing (e.g. PT10M)"),
                error.errors().stream().map(MappingError::toString).toList());
    }
}
