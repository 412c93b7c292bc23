package dev.tributary.gateway.health;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The health of every sink of one pipeline, fed by each delivery attempt ({@link SinkHealth}) and
 * read by {@link SinksHealthIndicator} for {@code /health/readiness}.
 *
 * <p>A sink is {@link SinkHealth.State#FAILING} when its last {@value #FAILING_AFTER} attempts
 * failed and the latest is within the {@link #WINDOW}; a sink with no attempt in that window is
 * {@link SinkHealth.State#IDLE}. The gateway is not ready when at least one sink is failing and no
 * sink is delivering: it can take no event safely (a route with a working dead-letter sink still
 * can, so one failing sink among working ones only shows in the details). Failing ends by itself
 * after the window without attempts, so a replica taken out of a Service for it gets traffic again
 * and tries the sink anew. Thread-safe; the set of sinks is fixed at construction.
 */
public final class SinksHealth {

    /** Consecutive failed attempts after which a sink is failing. */
    public static final int FAILING_AFTER = 5;

    /** How long a sink's last attempt counts. */
    public static final Duration WINDOW = Duration.ofSeconds(30);

    private final Map<String, SinkHealth> sinks = new LinkedHashMap<>();

    public SinksHealth(Collection<String> sinkNames) {
        sinkNames.forEach(name -> sinks.put(name, new SinkHealth()));
    }

    /**
     * The health of one sink.
     *
     * @throws IllegalArgumentException for a sink this pipeline does not have
     */
    public SinkHealth of(String sink) {
        SinkHealth health = sinks.get(sink);
        if (health == null) {
            throw new IllegalArgumentException("no sink '" + sink + "' in this pipeline");
        }
        return health;
    }

    /** Whether the gateway can deliver: false when some sink is failing and none is delivering. */
    boolean ready(long nowMillis) {
        boolean failing = false;
        for (SinkHealth sink : sinks.values()) {
            SinkHealth.State state = sink.state(nowMillis);
            if (state == SinkHealth.State.DELIVERING) {
                return true;
            }
            failing |= state == SinkHealth.State.FAILING;
        }
        return !failing;
    }

    /** Each sink's details, by name. */
    Map<String, Object> details(long nowMillis) {
        Map<String, Object> details = new LinkedHashMap<>();
        sinks.forEach((name, sink) -> details.put(name, sink.details(nowMillis)));
        return details;
    }
}
