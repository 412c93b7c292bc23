package dev.tributary.gateway.camel;

import dev.tributary.core.sink.SinkReply;

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

    /** {@code knativeerrordest}: the sink's name and where it points. */
    String errorDestination() {
        return sink + " (" + destination + ")";
    }

    String describe() {
        return "sink '" + sink + "' (" + destination + "): " + reason;
    }
}
