package dev.tributary.gateway.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.netty.NettyHttpRequest;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The body of the errors Micronaut answers itself (unknown path, wrong method, body too large,
 * unreadable request, unexpected failure): the status's reason phrase as plain text, plus what was
 * wrong when the {@link StrictRequestDecoder} refused the request. Never the request URI (its query
 * may carry a secret such as {@code ?code=}) nor an exception's message, which can name our classes.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class PlainErrorResponses implements ErrorResponseProcessor<String> {

    @Override
    public MutableHttpResponse<String> processResponse(ErrorContext error, MutableHttpResponse<?> response) {
        String reason = response.reason();
        String detail = refusal(error).map(message -> ": " + message).orElse("");
        return response.contentType(MediaType.TEXT_PLAIN_TYPE).body(reason + detail);
    }

    /**
     * Why the {@link StrictRequestDecoder} refused the request. Micronaut answers a request that
     * failed to decode without passing on the cause, so it is read from the Netty request's decoder
     * result; other paths carry it as the error's cause.
     */
    private static Optional<String> refusal(ErrorContext error) {
        Optional<Throwable> cause = error.getRootCause();
        if (cause.isEmpty() && error.getRequest() instanceof NettyHttpRequest<?> request) {
            cause = Optional.ofNullable(
                    request.getNativeRequest().decoderResult().cause());
        }
        return cause.filter(RefusedRequestException.class::isInstance).map(Throwable::getMessage);
    }
}
