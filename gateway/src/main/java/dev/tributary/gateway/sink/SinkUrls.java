package dev.tributary.gateway.sink;

import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.provider.GatewayServices;
import dev.tributary.gateway.sink.credentials.SinkCredentials;
import java.net.URI;
import java.util.Locale;

/** Checks the destination URLs of HTTP-based sinks and finds the services they share. Stateless. */
final class SinkUrls {

    private SinkUrls() {}

    /**
     * @throws IllegalArgumentException naming the sink when {@code value} is not an absolute http(s) URL
     */
    static URI parse(SinkConfig sink, String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sink '" + sink.name() + "': invalid URL '" + value + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "sink '" + sink.name() + "': URL must be http(s)://host/..., was '" + value + "'");
        }
        return uri;
    }

    /**
     * What builds the credentials of the sink's {@code headers:} and {@code auth:}: the gateway's, or
     * the platform defaults (Application Default Credentials, DefaultAzureCredential) when it offers none.
     */
    static SinkCredentials credentials(GatewayServices services) {
        return services.service(SinkCredentials.class).orElseGet(SinkCredentials::new);
    }

    /** The gateway's pooled client, which every HTTP-based sink shares. */
    static PooledHttpClient client(GatewayServices services) {
        return services.service(PooledHttpClient.class)
                .orElseThrow(() -> new IllegalStateException("this gateway offers no pooled HTTP client"));
    }
}
