package dev.tributary.bench.jmh;

import dev.tributary.core.filter.EventFilter;
import io.cloudevents.CloudEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Scenario 4, filter cost: one route filter ({@link RouteFilters}) tested against one event per
 * operation; {@code none} (a route without filters) is the baseline, {@code pattern} an EventBridge
 * pattern over an attribute and a data field, {@code route-5} the five-filter route with CESQL.
 */
public class FilterBenchmark extends BenchmarkDefaults {

    @Param({"none", "exact", "prefix", "suffix", "all", "any", "not", "cesql", "pattern", "route-5"})
    public String filter;

    private EventFilter compiled;
    private CloudEvent event;

    @Setup
    public void compile() {
        compiled = RouteFilters.compile(filter);
        event = RouteFilters.event();
        if (!compiled.test(event)) {
            throw new IllegalStateException("filter '" + filter + "' does not pass the bench event");
        }
    }

    @Benchmark
    public boolean test() {
        return compiled.test(event);
    }
}
