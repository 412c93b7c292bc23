package dev.tributary.gateway.sink;

import dev.tributary.core.mapping.SinkConfig;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Locale;

/**
 * Builds the {@link EventSink} of each sink in the mappings. One {@link HttpClient} serves every
 * HTTP-based sink, so connections are pooled across routes.
 */
@Singleton
public class SinkFactory {

    /** Where a {@code knative-broker} sink with {@code namespace} and {@code name} posts: {@value}. */
    static final String BROKER_INGRESS = "http://broker-ingress.knative-eventing.svc.cluster.local/%s/%s";

    private final HttpClient client;
    private final String kSink;

    public SinkFactory(HttpClient client, @Value("${k.sink:}") String kSink) {
        this.client = client;
        this.kSink = kSink;
    }

    /**
     * @throws IllegalArgumentException naming the sink when it cannot be built here
     */
    public EventSink create(SinkConfig sink) {
        switch (sink.type()) {
            case "http":
                return new HttpSink(client, uri(sink, sink.options().string("url").orElseThrow()), mode(sink));
            case "knative-broker":
                return new HttpSink(client, brokerUrl(sink), HttpSink.Mode.BINARY);
            case "log":
                return new LogSink(sink.name());
            default:
                throw new IllegalArgumentException("sink '" + sink.name() + "': type '" + sink.type()
                        + "' is not available in this build of the gateway");
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

    private static HttpSink.Mode mode(SinkConfig sink) {
        String mode = sink.options().string("mode").orElse("binary");
        try {
            return HttpSink.Mode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sink '" + sink.name() + "': mode must be binary or structured, was '" + mode + "'");
        }
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
