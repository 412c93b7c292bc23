package dev.tributary.gateway.camel;

import dev.tributary.core.sink.SinkReply;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Why the last delivery attempt to a sink failed: what dead-lettering records in the
 * {@code knativeerror*} extensions and what the push answer reports.
 *
 * @param sink the sink's name
 * @param destination its URL or function
 * @param reply its answer; null for a transport error
 * @param reason a short human description
 */
record SinkFailure(String sink, String destination, SinkReply reply, String reason) {

    /** The status a transform failure is dead-lettered with ({@code knativeerrorcode}): {@value}, Unprocessable Content. */
    static final int UNTRANSFORMABLE = 422;

    /**
     * A route's transform failed on an event: {@code knativeerrordest} names the transform,
     * {@code knativeerrorcode} is {@value #UNTRANSFORMABLE} and {@code knativeerrordata} the reason.
     */
    static SinkFailure untransformed(String route, String reason) {
        byte[] body = reason.getBytes(StandardCharsets.UTF_8);
        byte[] kept = Arrays.copyOf(body, Math.min(body.length, SinkReply.MAX_BODY));
        return new SinkFailure(
                "transform",
                "jsonata of route '" + route + "'",
                new SinkReply(UNTRANSFORMABLE, kept, Optional.empty(), false, Optional.empty()),
                reason);
    }

    /** {@code knativeerrordest}: the sink's name and where it points. */
    String errorDestination() {
        return sink + " (" + destination + ")";
    }

    String describe() {
        return "sink '" + sink + "' (" + destination + "): " + reason;
    }
}
