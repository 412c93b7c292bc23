package dev.tributary.gateway.sink.credentials;

import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A sink's {@code headers:}, set on every request (an Azure Functions {@code x-functions-key}, for example). */
final class StaticHeaders implements Credentials {

    private final Map<String, String> headers;

    StaticHeaders(Map<String, String> headers) {
        this.headers = Map.copyOf(headers);
    }

    @Override
    public CompletionStage<Void> apply(URI url, String method, HttpHeaders request, byte[] body) {
        headers.forEach(request::set);
        return CompletableFuture.completedFuture(null);
    }
}
