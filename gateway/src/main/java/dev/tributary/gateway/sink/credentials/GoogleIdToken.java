package dev.tributary.gateway.sink.credentials;

import com.google.auth.RequestMetadataCallback;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.IdTokenCredentials;
import com.google.auth.oauth2.IdTokenProvider;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * A Google-signed ID token for {@code audience} ({@code type: google-id-token}), as Cloud Run,
 * Cloud Functions and IAP-protected services require, from Application Default Credentials
 * (metadata server, service-account key, workload identity, impersonation).
 *
 * <p>google-auth-library's {@link IdTokenCredentials} caches the token and refreshes it before it
 * expires, asynchronously on {@code executor}: no request waits on the token endpoint once the
 * first token is had, and none fetches its own.
 */
final class GoogleIdToken implements Credentials {

    private final IdTokenCredentials credentials;
    private final Executor executor;

    /**
     * @throws IllegalArgumentException when the credentials cannot mint ID tokens (user
     *     credentials from {@code gcloud auth application-default login} cannot)
     */
    GoogleIdToken(GoogleCredentials source, String audience, Executor executor) {
        if (!(source instanceof IdTokenProvider provider)) {
            throw new IllegalArgumentException(
                    "the Application Default Credentials (" + source.getClass().getSimpleName()
                            + ") cannot mint ID tokens: use a service account (key, metadata server or impersonation)");
        }
        this.credentials = IdTokenCredentials.newBuilder()
                .setIdTokenProvider(provider)
                .setTargetAudience(audience)
                .setOptions(List.of(IdTokenProvider.Option.FORMAT_FULL))
                .build();
        this.executor = executor;
    }

    @Override
    public CompletionStage<Void> apply(URI url, String method, HttpHeaders headers, byte[] body) {
        CompletableFuture<Void> added = new CompletableFuture<>();
        credentials.getRequestMetadata(url, executor, new RequestMetadataCallback() {
            @Override
            public void onSuccess(Map<String, List<String>> metadata) {
                metadata.forEach(headers::set);
                added.complete(null);
            }

            @Override
            public void onFailure(Throwable failure) {
                added.completeExceptionally(new IllegalStateException(
                        "cannot get a Google ID token: " + failure.getClass().getSimpleName(), failure));
            }
        });
        return added;
    }
}
