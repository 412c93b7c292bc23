package dev.tributary.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.bench.BenchEvent;
import dev.tributary.core.filter.EventFilter;
import dev.tributary.core.mapping.MappingLoader;
import dev.tributary.core.mapping.Mappings;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Every mapping the bench hands the gateway is valid for core's loader and routes what it should. */
class GatewayMappingsTest {

    private static final URI SINK = URI.create("http://127.0.0.1:9999/");

    @Test
    void pushMappingRoutesBenchEventsToTheSink() {
        Mappings mappings = load(GatewayMappings.push(SINK));
        assertEquals(
                "cloudevents",
                mappings.sources().get(GatewayMappings.PUSH_SOURCE).type());
        assertEquals(
                SINK.toString(),
                mappings.sinks().get("sink").options().string("url").orElseThrow());
        EventFilter filter =
                mappings.routesFrom(GatewayMappings.PUSH_SOURCE).get(0).filter();
        assertTrue(filter.test(event(BenchEvent.TYPE)));
        assertFalse(filter.test(event("org.other")));
    }

    @Test
    void eventGridMappingIsUnauthenticated() {
        Mappings mappings = load(GatewayMappings.eventGrid(SINK));
        assertEquals(
                "none",
                mappings.sources()
                        .get(GatewayMappings.EVENT_GRID_SOURCE)
                        .options()
                        .string("auth")
                        .orElseThrow());
        assertTrue(mappings.routesFrom(GatewayMappings.EVENT_GRID_SOURCE)
                .get(0)
                .filter()
                .test(event("Microsoft.Storage.BlobCreated")));
    }

    @Test
    void sqsMappingPointsTheSourceAtTheEmulator() {
        Mappings mappings = load(GatewayMappings.sqs(
                SINK,
                URI.create("http://127.0.0.1:9324"),
                "http://127.0.0.1:9324/000000000000/bench-s3",
                "us-east-1",
                4));
        var options = mappings.sources().get("uploads").options();
        assertEquals("http://127.0.0.1:9324", options.string("endpoint").orElseThrow());
        assertEquals(4, options.integer("concurrency", 1));
        assertTrue(mappings.routesFrom("uploads").get(0).filter().test(event("com.amazonaws.s3.ObjectCreated:Put")));
    }

    private static Mappings load(String yaml) {
        return new MappingLoader(variable -> null).load("bench", yaml);
    }

    private static io.cloudevents.CloudEvent event(String type) {
        return CloudEventBuilder.v1()
                .withId("1")
                .withSource(URI.create("/t"))
                .withType(type)
                .build();
    }
}
