package dev.tributary.gateway.sink.credentials;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.google.auth.oauth2.GoogleCredentials;
import dev.tributary.core.mapping.OutboundAuthOptions;
import dev.tributary.core.mapping.SinkConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Builds the {@link Credentials} of an HTTP-based sink from its {@code headers:} and {@code auth:}
 * options (checked by the loader, see {@link OutboundAuthOptions}). Where each comes from:
 * {@code google-id-token}: Application Default Credentials; {@code azure-entra}: azure-identity's
 * {@code DefaultAzureCredential}; {@code aws-sigv4}: the AWS SDK's default
 * credentials chain; {@code bearer}: the option; {@code token-file}: the file.
 */
public final class SinkCredentials {

    /** Where token refreshes run: never the event loop. */
    private static final Executor REFRESHES = ForkJoinPool.commonPool();

    private final GoogleSource google;
    private final Supplier<TokenCredential> azure;

    /** Application Default Credentials, looked up when a google-id-token sink is built. */
    @FunctionalInterface
    public interface GoogleSource {
        GoogleCredentials get() throws IOException;
    }

    /** Application Default Credentials for Google, {@code DefaultAzureCredential} for Azure. */
    public SinkCredentials() {
        this(GoogleCredentials::getApplicationDefault, () -> new DefaultAzureCredentialBuilder().build());
    }

    /**
     * @param google where Google credentials come from (tests point them at a local token endpoint)
     * @param azure where Azure credentials come from (likewise)
     */
    public SinkCredentials(GoogleSource google, Supplier<TokenCredential> azure) {
        this.google = google;
        this.azure = azure;
    }

    /**
     * @throws IllegalArgumentException naming the sink when its credentials cannot be set up here
     */
    public Credentials of(SinkConfig sink) {
        Map<String, String> headers = sink.options().stringMap(OutboundAuthOptions.HEADERS);
        Credentials credentials = headers.isEmpty() ? Credentials.NONE : new StaticHeaders(headers);
        Map<String, String> auth = sink.options().stringMap(OutboundAuthOptions.AUTH);
        return auth.isEmpty() ? credentials : credentials.andThen(auth(sink, auth));
    }

    /**
     * The credentials of a sink delivering to {@code K_SINK}: its own, or, when it has no {@code auth:}
     * and Knative's SinkBinding has mounted an OIDC token for the sink's audience (Knative's sender
     * identity: a Secret with key {@code token} projected at {@code /oidc}, renewed by the SinkBinding
     * controller before it expires), that token as {@code Authorization: Bearer}, re-read as it rotates.
     *
     * @param sinkBindingToken where SinkBinding mounts the token ({@code /oidc/token})
     */
    public Credentials ofKnativeSink(SinkConfig sink, Path sinkBindingToken) {
        Credentials own = of(sink);
        if (sink.options().has(OutboundAuthOptions.AUTH) || !Files.isReadable(sinkBindingToken)) {
            return own;
        }
        return own.andThen(new BearerToken(new TokenFile(sinkBindingToken)));
    }

    private Credentials auth(SinkConfig sink, Map<String, String> auth) {
        String type = auth.get(OutboundAuthOptions.TYPE);
        switch (type) {
            case "bearer":
                String token = auth.get("token");
                return new BearerToken(() -> token);
            case "token-file":
                return new BearerToken(new TokenFile(Path.of(auth.get("path"))));
            case "azure-entra":
                return new AzureEntraToken(azure.get(), auth.get("scope"));
            case "aws-sigv4":
                return new AwsSigV4(
                        DefaultCredentialsProvider.builder().build(), auth.get("service"), auth.get("region"));
            case "google-id-token":
                try {
                    return new GoogleIdToken(google.get(), auth.get("audience"), REFRESHES);
                } catch (IOException | IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "sink '" + sink.name() + "': auth: google-id-token: " + e.getMessage(), e);
                }
            default:
                throw new IllegalArgumentException(
                        "sink '" + sink.name() + "': auth: type '" + type + "' is not available");
        }
    }
}
