package dev.tributary.gateway.sink.credentials;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * {@code Authorization: Bearer TOKEN} from a token source that is cheap to call: a static token
 * ({@code type: bearer}) or a cache ({@code type: token-file}).
 */
final class BearerToken implements Credentials {

    private final Supplier<String> token;

    BearerToken(Supplier<String> token) {
        this.token = token;
    }

    @Override
    public CompletionStage<Void> apply(URI url, String method, HttpHeaders headers, byte[] body) {
        try {
            headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token.get());
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
