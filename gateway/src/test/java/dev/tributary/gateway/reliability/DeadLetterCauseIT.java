package dev.tributary.gateway.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.RecordingSink;
import dev.tributary.gateway.testing.RecordingSink.Response;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A dead-lettered event whose sink never answered says why in {@code knativeerrordata}. */
class DeadLetterCauseIT {

    @Test
    void theCauseOfASinkThatNeverAnsweredTravelsWithTheDeadLetter() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String mappings = """
                apiVersion: tributary.dev/v1
                sources:
                  nohost: { type: cloudevents, auth: none }
                  refused: { type: cloudevents, auth: none }
                  slow: { type: cloudevents, auth: none }
                sinks:
                  nohost: { type: http, url: "http://nohost.invalid/x" }
                  refused: { type: http, url: "http://127.0.0.1:%d/x" }
                  slow: { type: http, url: SINK/slow }
                  dead: { type: http, url: SINK/dead }
                routes:
                  - { name: nohost, from: [nohost], to: [nohost], delivery: { retry: 0, deadLetterSink: dead } }
                  - { name: refused, from: [refused], to: [refused], delivery: { retry: 0, deadLetterSink: dead } }
                  - { name: slow, from: [slow], to: [slow], delivery: { retry: 0, timeout: PT0.3S, deadLetterSink: dead } }
                """.formatted(closedPort);
        try (RecordingSink sink = new RecordingSink();
                GatewayUnderTest gateway = new GatewayUnderTest(mappings, sink)) {
            sink.script("/slow", new Response(202, Map.of(), "", 2000));
            assertCause(gateway, sink, "nohost", "unknown host");
            assertCause(gateway, sink, "refused", "connection refused");
            assertCause(gateway, sink, "slow", "no answer within PT0.3S");
        }
    }

    private static void assertCause(GatewayUnderTest gateway, RecordingSink sink, String source, String cause)
            throws Exception {
        assertEquals(
                202,
                gateway.pushEvent(source, "evt-" + source, "dev.tributary.test", "{}")
                        .statusCode());
        RecordingSink.Request dead = sink.next("/dead", 10);
        assertEquals("evt-" + source, dead.header("ce-id"));
        assertNull(dead.header("ce-knativeerrorcode"), "the sink never answered");
        String data =
                new String(Base64.getDecoder().decode(dead.header("ce-knativeerrordata")), StandardCharsets.UTF_8);
        assertTrue(data.startsWith(cause), source + ": " + data);
    }
}
