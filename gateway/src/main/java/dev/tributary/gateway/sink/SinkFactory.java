package dev.tributary.gateway.sink;

import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.provider.GatewayServices;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkProvider;
import dev.tributary.gateway.sink.credentials.SinkCredentials;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Builds the {@link EventSink} of each sink in the mappings with the {@link SinkProvider}
 * registered for its type, built-in or from an adapter alike. Providers are offered the gateway's
 * {@link PooledHttpClient} (so HTTP connections are pooled across routes) and its
 * {@link KnativeSinkBinding}, and the {@link SinkCredentials} that build the credentials of
 * HTTP sinks' {@code headers:} and {@code auth:}. Thread-safe.
 */
@Singleton
public class SinkFactory {

    private final GatewayServices services;
    private final Map<String, SinkProvider> providers;

    /**
     * A factory with the providers registered on the class path ({@code META-INF/services}).
     *
     * @param kSink Knative's {@code K_SINK}, empty outside a SinkBinding
     * @param sinkBindingToken where a SinkBinding with OIDC enabled mounts the sink's token
     */
    @Inject
    public SinkFactory(
            PooledHttpClient client,
            @Value("${k.sink:}") String kSink,
            SinkCredentials credentials,
            @Value("${tributary.knative.oidc-token:/oidc/token}") String sinkBindingToken) {
        this(
                GatewayServices.of(client, new KnativeSinkBinding(kSink, Path.of(sinkBindingToken)), credentials),
                ServiceLoader.load(SinkProvider.class).stream()
                        .map(ServiceLoader.Provider::get)
                        .toList());
    }

    /** A factory with these providers, offered {@code services}. */
    public SinkFactory(GatewayServices services, Collection<SinkProvider> providers) {
        this.services = services;
        this.providers = providers.stream().collect(Collectors.toMap(SinkProvider::type, p -> p));
    }

    /**
     * @throws IllegalArgumentException naming the sink when it cannot be built here
     */
    public EventSink create(SinkConfig sink) {
        SinkProvider provider = providers.get(sink.type());
        if (provider == null) {
            throw new IllegalArgumentException("sink '" + sink.name() + "': type '" + sink.type()
                    + "' is not available in this build of the gateway");
        }
        return provider.create(sink, services);
    }
}
