package dev.tributary.gateway.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.ObservingSink;
import dev.tributary.gateway.testing.RecordingSink;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** A route's {@code dedupe} window over real HTTP: a redelivered event is acknowledged and counted, not sent again. */
class DedupeIT {

    @Test
    void aRedeliveredEventIsAcknowledgedAndCountedNotSentAgain() throws Exception {
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        try (ObservingSink sink = new ObservingSink(0, id -> id.startsWith("flaky") && failedOnce.add(id) ? 503 : 202);
                RecordingSink unused = new RecordingSink();
                GatewayUnderTest gateway = new GatewayUnderTest("""
                        apiVersion: tributary.dev/v1
                        sources:
                          in: { type: cloudevents, auth: none }
                        sinks:
                          fn: { type: http, url: %s/fn }
                        routes:
                          - name: once
                            from: [in]
                            to: [fn]
                            dedupe: { window: PT10M }
                            delivery: { retry: 0 }
                          - name: every-time
                            from: [in]
                            to: [fn]
                            filters: [ { exact: { type: audit } } ]
                        """.formatted(sink.url()), unused)) {
            assertEquals(202, gateway.pushEvent("in", "d-1", "t", "{}").statusCode());
            assertEquals(202, gateway.pushEvent("in", "d-1", "t", "{}").statusCode(), "the copy is acknowledged");
            assertEquals(202, gateway.pushEvent("in", "d-2", "t", "{}").statusCode());
            assertEquals(503, gateway.pushEvent("in", "flaky-1", "t", "{}").statusCode());
            assertEquals(
                    202,
                    gateway.pushEvent("in", "flaky-1", "t", "{}").statusCode(),
                    "a copy of an event that was not delivered is delivered");
            assertEquals(202, gateway.pushEvent("in", "a-1", "audit", "{}").statusCode());
            assertEquals(202, gateway.pushEvent("in", "a-1", "audit", "{}").statusCode());

            assertEquals(
                    java.util.List.of("d-1", "d-2", "flaky-1", "flaky-1", "a-1", "a-1", "a-1"),
                    sink.arrivals().stream().map(ObservingSink.Arrival::id).toList(),
                    "route 'once' sends d-1 and a-1 once, route 'every-time' sends a-1 twice");
            MeterRegistry registry = gateway.context().getBean(MeterRegistry.class);
            assertEquals(
                    2,
                    registry.get("tributary.duplicates.dropped")
                            .tag("route", "once")
                            .counter()
                            .count());
        }
    }
}
