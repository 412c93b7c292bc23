package dev.tributary.core.source;

import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.Map;

/** What a push source decided about a request: answer it directly, or route the events it carries. */
public sealed interface PushDecision {

    /**
     * Answer without routing anything: handshakes, authentication failures, bad input.
     *
     * @param status the HTTP status
     * @param headers extra response headers
     * @param body the response body (JSON or a plain message), possibly empty
     */
    record Respond(int status, Map<String, String> headers, String body) implements PushDecision {

        /** A plain-text error answer. */
        public static Respond error(int status, String message) {
            return new Respond(status, Map.of("Content-Type", "text/plain; charset=utf-8"), message);
        }
    }

    /**
     * Route the events; answer {@code successStatus} once every one is delivered or dead-lettered.
     *
     * @param events the decoded events, possibly none
     * @param successStatus the 2xx the sender expects on success
     */
    record Route(List<CloudEvent> events, int successStatus) implements PushDecision {
    }
}
