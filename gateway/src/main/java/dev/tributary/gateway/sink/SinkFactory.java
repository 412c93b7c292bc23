package dev.tributary.gateway.sink;

import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkProvider;

import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.gateway.sink.credentials.SinkCredentials;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Builds the {@link EventSink} of each sink in the mappings. HTTP-based sinks share one
 * {@link PooledHttpClient}, so connections are pooled across routes, and carry the credentials of
 * their {@code headers:} and {@code auth:} options ({@link SinkCredentials}).
 */
@Singleton
public class SinkFactory {

    /** Where a {@code knative-broker} sink with {@code namespace} and {@code name} posts: {@value}. */
    static final String BROKER_INGRESS = "http://broker-ingress.knative-eventing.svc.cluster.local/%s/%s";

    private final PooledHttpClient client;
    private final String kSink;
    private final Map<String, SinkProvider> providers;

    private final SinkCredentials credentials;

    private final Path sinkBindingToken;

    /**
     * @param kSink Knative's {@code K_SINK}, empty outside a SinkBinding
     * @param sinkBindingToken where a SinkBinding with OIDC enabled mounts the sink's token
     */
    public SinkFactory(PooledHttpClient client, @Value("${k.sink:}") String kSink, SinkCredentials credentials,
            @Value("${tributary.knative.oidc-token:/oidc/token}") String sinkBindingToken) {
        this.client = client;
        this.credentials = credentials;
        this.sinkBindingToken = Path.of(sinkBindingToken);
        this.kSink = kSink;
        this.providers = ServiceLoader.load(SinkProvider.class).stream().map(ServiceLoader.Provider::get)
                .collect(Collectors.toMap(SinkProvider::type, p -> p));
    }

    /**
     * @throws IllegalArgumentException naming the sink when it cannot be built here
     */
    public EventSink create(SinkConfig sink) {
        switch (sink.type()) {
            case "http":
                return new HttpSink(client, uri(sink, sink.options().string("url").orElseThrow()), mode(sink),
                        credentials.of(sink));
            case "knative-broker":
                boolean toKSink = !sink.options().has("url") && !sink.options().has("namespace");
                return new HttpSink(client, brokerUrl(sink), HttpSink.Mode.BINARY,
                        toKSink ? credentials.ofKnativeSink(sink, sinkBindingToken) : credentials.of(sink));
            case "log":
                return new LogSink(sink.name());
            default:
                SinkProvider provider = providers.get(sink.type());
                if (provider == null) {
                    throw new IllegalArgumentException("sink '" + sink.name() + "': type '" + sink.type()
                            + "' is not available in this build of the gateway");
                }
                return provider.create(sink);
        }
    }

    private URI brokerUrl(SinkConfig sink) {
        var options = sink.options();
        if (options.has("url")) {
            return uri(sink, options.string("url").orElseThrow());
        }
        if (options.has("namespace") || options.has("name")) {
            String namespace = options.string("namespace").orElseThrow(() -> new IllegalArgumentException(
                    "sink '" + sink.name() + "': 'name' needs 'namespace' too"));
            String name = options.string("name").orElseThrow(() -> new IllegalArgumentException(
                    "sink '" + sink.name() + "': 'namespace' needs 'name' too"));
            return uri(sink, String.format(BROKER_INGRESS, namespace, name));
        }
        if (kSink.isEmpty()) {
            throw new IllegalArgumentException("sink '" + sink.name()
                    + "': no url, namespace/name, and K_SINK is not set (is the gateway under a SinkBinding?)");
        }
        return uri(sink, kSink);
    }

    /** The content mode; the loader has already checked the value. */
    private static HttpSink.Mode mode(SinkConfig sink) {
        return HttpSink.Mode.valueOf(sink.options().string("mode").orElse("binary").toUpperCase(Locale.ROOT));
    }

    private static URI uri(SinkConfig sink, String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sink '" + sink.name() + "': invalid URL '" + value + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("sink '" + sink.name() + "': URL must be http(s)://host/..., was '" + value + "'");
        }
        return uri;
    }
}
