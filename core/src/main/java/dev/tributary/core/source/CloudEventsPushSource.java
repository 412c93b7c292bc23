package dev.tributary.core.source;

import dev.tributary.core.decode.CloudEventsHttpDecoder;

/**
 * Source type {@code cloudevents}: CloudEvents over HTTP in binary, structured or batched mode.
 * Accepts {@code POST} only; answers 202 once the events are safe, 400 naming a missing or
 * invalid attribute, 415 for an unsupported event format.
 */
public final class CloudEventsPushSource implements PushSource {

    /** What every source of this type decodes with (stateless). */
    static final CloudEventsHttpDecoder DECODER = new CloudEventsHttpDecoder();

    private final CloudEventsHttpDecoder decoder = DECODER;

    @Override
    public PushDecision accept(PushRequest request) {
        if (!request.method().equals("POST")) {
            return PushDecision.Respond.error(405, "use POST to send CloudEvents");
        }
        return PushDecision.decode(decoder, request.payload(), 202);
    }
}
