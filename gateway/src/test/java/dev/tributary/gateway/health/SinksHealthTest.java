package dev.tributary.gateway.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinksHealthTest {

    private final SinksHealth health = new SinksHealth(List.of("primary", "dead-letters"));

    @Test
    void sinksNeverTriedAreIdleAndTheGatewayReady() {
        long now = System.currentTimeMillis();
        assertTrue(health.ready(now));
        assertEquals(Map.of("state", "IDLE"), health.details(now).get("primary"));
    }

    @Test
    void aSinkIsFailingAfterFiveFailedAttemptsInARow() {
        SinkHealth primary = health.of("primary");
        for (int attempt = 1; attempt < SinksHealth.FAILING_AFTER; attempt++) {
            primary.failed("answered 503");
        }
        long now = System.currentTimeMillis();
        assertEquals(SinkHealth.State.DELIVERING, primary.state(now));
        assertTrue(health.ready(now), "four failures are retries, not an outage");

        primary.failed("timed out after PT1S");
        now = System.currentTimeMillis();
        assertEquals(SinkHealth.State.FAILING, primary.state(now));
        assertFalse(health.ready(now), "the only sink tried fails");
        Map<?, ?> details = (Map<?, ?>) health.details(now).get("primary");
        assertEquals("FAILING", details.get("state"));
        assertEquals(5, details.get("consecutiveFailures"));
        assertEquals("timed out after PT1S", details.get("lastFailure"));
        assertFalse(details.containsKey("lastSuccess"), "never succeeded");
    }

    @Test
    void anAnswerEndsTheFailures() {
        SinkHealth primary = health.of("primary");
        for (int attempt = 0; attempt < 7; attempt++) {
            primary.failed("answered 503");
        }
        primary.answered();
        long now = System.currentTimeMillis();
        assertTrue(health.ready(now));
        Map<?, ?> details = (Map<?, ?>) health.details(now).get("primary");
        assertEquals("DELIVERING", details.get("state"));
        assertTrue(details.containsKey("lastSuccess"));
        assertFalse(details.containsKey("consecutiveFailures"));
    }

    @Test
    void aFailingSinkBesideADeliveringOneOnlyShowsInTheDetails() {
        for (int attempt = 0; attempt < SinksHealth.FAILING_AFTER; attempt++) {
            health.of("primary").failed("answered 500");
        }
        health.of("dead-letters").answered();
        long now = System.currentTimeMillis();
        assertTrue(health.ready(now), "events still reach a sink (here: dead-lettered), so the replica is useful");
        assertEquals("FAILING", ((Map<?, ?>) health.details(now).get("primary")).get("state"));
    }

    @Test
    void failingEndsByItselfAfterTheWindowWithoutAttempts() {
        for (int attempt = 0; attempt < SinksHealth.FAILING_AFTER; attempt++) {
            health.of("primary").failed("answered 500");
        }
        long later = System.currentTimeMillis() + SinksHealth.WINDOW.toMillis() + 1;
        assertEquals(SinkHealth.State.IDLE, health.of("primary").state(later));
        assertTrue(health.ready(later), "ready again, to get traffic and try the sink anew");
    }

    @Test
    void anUnknownSinkIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> health.of("elsewhere"));
    }
}
