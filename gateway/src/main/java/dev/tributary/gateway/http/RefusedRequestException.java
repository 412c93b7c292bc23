package dev.tributary.gateway.http;

/** A request the {@link StrictRequestDecoder} refuses; the message says why, in the client's terms. */
final class RefusedRequestException extends IllegalArgumentException {

    RefusedRequestException(String message) {
        super(message);
    }
}
