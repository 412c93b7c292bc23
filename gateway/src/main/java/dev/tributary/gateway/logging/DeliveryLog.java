package dev.tributary.gateway.logging;

import org.slf4j.Logger;

/**
 * The log lines of a delivery's final outcome, with the event id, route, sink and outcome as
 * key-value pairs besides the message (fields of their own in JSON logs, {@link ConsoleLogging}).
 * Delivered events are logged at DEBUG, dead-lettered and failed ones at WARN; a disabled level
 * costs no more than the plain {@code Logger} call did.
 */
public final class DeliveryLog {

    private final Logger log;

    /** Logs through {@code log}, so the lines keep the name of the class that delivers. */
    public DeliveryLog(Logger log) {
        this.log = log;
    }

    public void delivered(String route, String sink, String eventId) {
        if (log.isDebugEnabled()) {
            log.atDebug()
                    .addKeyValue("event", eventId)
                    .addKeyValue("route", route)
                    .addKeyValue("sink", sink)
                    .addKeyValue("outcome", "delivered")
                    .log("route '{}': event {} delivered to sink '{}'", route, eventId, sink);
        }
    }

    /** @param cause why the sink's delivery failed (its answer, or why it never answered) */
    public void deadLettered(String route, String sink, String eventId, String cause) {
        log.atWarn()
                .addKeyValue("event", eventId)
                .addKeyValue("route", route)
                .addKeyValue("sink", sink)
                .addKeyValue("outcome", "deadlettered")
                .log("route '{}': event {} dead-lettered after failing at sink '{}': {}", route, eventId, sink, cause);
    }

    public void failed(String route, String sink, String eventId, String failure) {
        log.atWarn()
                .addKeyValue("event", eventId)
                .addKeyValue("route", route)
                .addKeyValue("sink", sink)
                .addKeyValue("outcome", "failed")
                .log("route '{}': event {} not delivered: {}", route, eventId, failure);
    }
}
