package dev.tributary.gateway.sink.credentials;

import com.azure.core.credential.SimpleTokenCache;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A Microsoft Entra ID access token for {@code scope} ({@code type: azure-entra}), as Azure
 * Functions with Entra authentication and Entra-protected APIs require, from azure-identity's
 * {@code DefaultAzureCredential} (environment service principal, workload identity, managed
 * identity, Azure CLI).
 *
 * <p>azure-core's {@link SimpleTokenCache} keeps the token and gets a new one before it expires
 * (five minutes ahead), so no request fetches its own; the credential's fetch does not run on the
 * calling thread.
 */
final class AzureEntraToken implements Credentials {

    private final SimpleTokenCache tokens;

    AzureEntraToken(TokenCredential credential, String scope) {
        TokenRequestContext request = new TokenRequestContext().addScopes(scope);
        this.tokens = new SimpleTokenCache(() -> credential.getToken(request));
    }

    @Override
    public CompletionStage<Void> apply(URI url, String method, HttpHeaders headers, byte[] body) {
        return tokens.getToken()
                .toFuture()
                .thenAccept(token -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token.getToken()))
                .exceptionally(failure -> {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause()
                            : failure;
                    throw new IllegalStateException(
                            "cannot get a Microsoft Entra ID token: "
                                    + cause.getClass().getSimpleName(),
                            cause);
                });
    }
}
