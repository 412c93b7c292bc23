package dev.tributary.gateway.sink.credentials;

import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What an HTTP sink adds to each request so that its destination lets it in: a bearer token, a
 * signature, static headers. Implementations never fetch a token per request: they serve a cached
 * one, refreshed before it expires (the cloud libraries' own caches, or Caffeine). Thread-safe;
 * never log the credentials they add.
 */
public interface Credentials {

    /** Adds nothing. */
    Credentials NONE = (url, method, headers, body) -> CompletableFuture.completedFuture(null);

    /**
     * Adds the credentials to a request about to be sent.
     *
     * @param url the destination
     * @param method the HTTP method
     * @param headers the request's headers, to add to (Host and Content-Length already set)
     * @param body the request body, for signatures that cover it
     * @return completes once the headers are added; fails when no credential can be had now (the
     *     delivery attempt fails and is retried under the route's policy)
     */
    CompletionStage<Void> apply(URI url, String method, HttpHeaders headers, byte[] body);

    /** These credentials, then {@code next}. */
    default Credentials andThen(Credentials next) {
        return (url, method, headers, body) ->
                apply(url, method, headers, body).thenCompose(ignored -> next.apply(url, method, headers, body));
    }
}
