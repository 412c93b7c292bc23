package dev.tributary.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.core.filter.EventFilter;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

class RouteFiltersTest {

    @Test
    void everyFilterCompilesAndPassesTheBenchEvent() {
        CloudEvent event = RouteFilters.event();
        for (String name : RouteFilters.names()) {
            assertTrue(RouteFilters.compile(name).test(event), name);
        }
    }

    @Test
    void theFiltersAreRealFilters() {
        CloudEvent thumbnail = CloudEventBuilder.v1(RouteFilters.event())
                .withSubject("thumbnails/red flower.jpg")
                .build();
        CloudEvent deleted = CloudEventBuilder.v1(RouteFilters.event())
                .withType("com.amazonaws.s3.ObjectRemoved:Delete")
                .build();
        assertFalse(RouteFilters.compile("not").test(thumbnail));
        assertFalse(RouteFilters.compile("route-5").test(thumbnail));
        assertFalse(RouteFilters.compile("route-5").test(deleted));
        assertFalse(RouteFilters.compile("exact").test(deleted));
        assertFalse(RouteFilters.compile("cesql").test(deleted));
        assertFalse(RouteFilters.compile("pattern").test(deleted));
        CloudEvent empty = CloudEventBuilder.v1(RouteFilters.event())
                .withData(
                        "application/json",
                        "{\"s3\":{\"object\":{\"size\":0}}}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .build();
        assertFalse(RouteFilters.compile("pattern").test(empty), "the pattern reads data");
        assertTrue(RouteFilters.compile("none").test(deleted));
    }

    @Test
    void theSimpleDialectsAreAmongTheFiltersMeasured() {
        assertTrue(RouteFilters.names().containsAll(RouteFilters.simpleDialects()));
        assertFalse(RouteFilters.simpleDialects().contains("cesql"));
    }

    @Test
    void anUnknownFilterIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RouteFilters.compile("regex"));
    }

    @Test
    void theBenchmarkParametersAreTheFiltersDefined() throws Exception {
        String[] declared = FilterBenchmark.class
                .getField("filter")
                .getAnnotation(Param.class)
                .value();
        assertEquals(RouteFilters.names(), List.of(declared));
        assertTrue(RouteFilters.compile("none") == EventFilter.ACCEPT_ALL, "the baseline is a route without filters");
    }
}
