package dev.tributary.gateway.sink;

import io.micronaut.http.HttpVersion;
import io.micronaut.http.client.HttpVersionSelection;
import io.micronaut.http.client.RawHttpClient;
import io.micronaut.http.client.RawHttpClientRegistry;
import jakarta.inject.Singleton;
import java.net.URI;

/**
 * The HTTP clients of the HTTP-based sinks: Micronaut's Netty client, pooled keep-alive
 * connections, HTTP/1.1, redirects never followed (a 3xx is a failed delivery). One client serves
 * every {@code http://} sink and another every {@code https://} one; each is created when the first
 * sink needing it is built, so a gateway without TLS sinks never sets up a TLS context (with its
 * trust store, about a twentieth of the start-up time). Their settings are the services
 * {@value #PLAINTEXT} and {@value #TLS} of {@code application.yml}; the registry owns and closes
 * them. Thread-safe.
 */
@Singleton
public class SinkHttpClients {

    /** The client configuration ({@code micronaut.http.services.*}) of {@code http://} sinks: {@value}. */
    static final String PLAINTEXT = "tributary-sinks";
    /** The client configuration of {@code https://} sinks: {@value}. */
    static final String TLS = "tributary-sinks-tls";

    private static final HttpVersionSelection HTTP_1_1 = HttpVersionSelection.forLegacyVersion(HttpVersion.HTTP_1_1);

    private final RawHttpClientRegistry registry;

    public SinkHttpClients(RawHttpClientRegistry registry) {
        this.registry = registry;
    }

    /** The client for {@code url}, by its scheme. */
    public RawHttpClient forUrl(URI url) {
        return registry.getRawClient(HTTP_1_1, url.getScheme().equalsIgnoreCase("https") ? TLS : PLAINTEXT, null);
    }
}
