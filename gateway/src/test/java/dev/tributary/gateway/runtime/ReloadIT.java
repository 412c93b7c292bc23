package dev.tributary.gateway.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.RecordingSink;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Live reload of the mappings file: a valid change takes over, a broken one leaves the running mappings. */
class ReloadIT {

    private static final String FIRST = """
            apiVersion: tributary.dev/v1
            sources:
              orders: { type: cloudevents, auth: none }
            sinks:
              old: { type: http, url: SINK/old }
            routes:
              - name: orders
                from: [orders]
                to: [old]
            """;

    private static final String SECOND = """
            apiVersion: tributary.dev/v1
            sources:
              payments: { type: cloudevents, auth: none }
            sinks:
              new: { type: http, url: SINK/new }
            routes:
              - name: payments
                from: [payments]
                to: [new]
            """;

    @Test
    void aChangedFileTakesOverAndABrokenOneIsRefused() throws Exception {
        try (RecordingSink sink = new RecordingSink();
                GatewayUnderTest gateway =
                        new GatewayUnderTest(FIRST, sink, Map.of("tributary.mappings-reload-interval", "100ms"))) {
            assertEquals(202, push(gateway, "orders", "evt-1").statusCode());
            assertEquals("evt-1", sink.next("/old", 10).header("ce-id"));

            gateway.rewriteMappings(SECOND);
            awaitStatus(gateway, "payments", 202);
            assertEquals("evt-probe", sink.next("/new", 10).header("ce-id"), "payments now routes to the new sink");
            HttpResponse<String> gone = push(gateway, "orders", "evt-2");
            assertEquals(404, gone.statusCode());
            assertTrue(gone.body().contains("no source named 'orders'"), gone.body());

            gateway.rewriteMappings(SECOND.replace("to: [new]", "to: [nwe]"));
            Thread.sleep(1000);
            assertEquals(202, push(gateway, "payments", "evt-3").statusCode(), "the running mappings stay");
            assertEquals("evt-3", sink.next("/new", 10).header("ce-id"));
        }
    }

    private static void awaitStatus(GatewayUnderTest gateway, String source, int status) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (push(gateway, source, "evt-probe").statusCode() != status) {
            assertTrue(System.nanoTime() < deadline, "source '" + source + "' never answered " + status);
            Thread.sleep(100);
        }
    }

    private static HttpResponse<String> push(GatewayUnderTest gateway, String source, String id) throws Exception {
        return gateway.pushEvent(source, id, "com.example.test", "{}");
    }
}
