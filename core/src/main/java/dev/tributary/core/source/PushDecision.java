package dev.tributary.core.source;

import dev.tributary.core.decode.DecodeException;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.decode.NotificationDecoder;
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

        /**
         * The answer to a payload that can never be decoded, the one place decode failures become
         * HTTP statuses: 415 for {@link DecodeException.Reason#UNSUPPORTED_FORMAT}, else 400;
         * the body is the exception's message, which names what is wrong.
         */
        public static Respond undecodable(DecodeException failure) {
            int status = failure.reason() == DecodeException.Reason.UNSUPPORTED_FORMAT ? 415 : 400;
            return error(status, failure.getMessage());
        }
    }

    /**
     * Route the events; answer {@code successStatus} once every one is delivered or dead-lettered.
     *
     * @param events the decoded events, possibly none
     * @param successStatus the 2xx the sender expects on success
     */
    record Route(List<CloudEvent> events, int successStatus) implements PushDecision {}

    /**
     * Decodes {@code payload}: a {@link Route} of its events answered {@code successStatus}, or,
     * when it can never be decoded, {@link Respond#undecodable}.
     */
    static PushDecision decode(NotificationDecoder<InboundPayload> decoder, InboundPayload payload, int successStatus) {
        try {
            return new Route(List.copyOf(decoder.decode(payload)), successStatus);
        } catch (DecodeException e) {
            return Respond.undecodable(e);
        }
    }
}
