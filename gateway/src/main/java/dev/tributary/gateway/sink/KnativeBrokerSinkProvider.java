package dev.tributary.gateway.sink;

import dev.tributary.core.mapping.ComponentType;
import dev.tributary.core.mapping.OptionKind;
import dev.tributary.core.mapping.OptionSpec;
import dev.tributary.core.mapping.Options;
import dev.tributary.core.mapping.OutboundAuthOptions;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.provider.GatewayServices;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkProvider;
import dev.tributary.gateway.sink.credentials.SinkCredentials;
import java.net.URI;
import java.util.Optional;

/**
 * Provides sink type {@code knative-broker}: binary-mode HTTP to {@code url}, else to the cluster
 * broker ingress of {@code namespace}/{@code name}, else to {@code K_SINK} (offered by the gateway
 * as a {@link KnativeSinkBinding}). Requests carry the sink's {@code headers:} and {@code auth:}
 * ({@link OutboundAuthOptions}); to {@code K_SINK} without {@code auth:}, the OIDC token the
 * SinkBinding mounts, when there is one.
 */
public final class KnativeBrokerSinkProvider implements SinkProvider {

    /** Where a sink with {@code namespace} and {@code name} posts: {@value}. */
    static final String BROKER_INGRESS = "http://broker-ingress.knative-eventing.svc.cluster.local/%s/%s";

    private static final ComponentType DECLARATION = OutboundAuthOptions.addTo(ComponentType.of(
            "knative-broker",
            "POSTs each event in binary mode to a Knative broker: url, else namespace/name, else K_SINK.",
            OptionSpec.optional("url", OptionKind.STRING, "Broker ingress URL."),
            OptionSpec.optional("namespace", OptionKind.STRING, "Knative broker namespace (with name)."),
            OptionSpec.optional("name", OptionKind.STRING, "Knative broker name (with namespace).")));

    @Override
    public ComponentType declaration() {
        return DECLARATION;
    }

    @Override
    public EventSink create(SinkConfig config, GatewayServices services) {
        SinkCredentials credentials = SinkUrls.credentials(services);
        Options options = config.options();
        Optional<KnativeSinkBinding> binding = options.has("url") || options.has("namespace") || options.has("name")
                ? Optional.empty()
                : services.service(KnativeSinkBinding.class);
        return new HttpSink(
                SinkUrls.client(services),
                brokerUrl(config, services),
                HttpSink.Mode.BINARY,
                binding.isPresent()
                        ? credentials.ofKnativeSink(config, binding.get().oidcToken())
                        : credentials.of(config));
    }

    private static URI brokerUrl(SinkConfig sink, GatewayServices services) {
        Options options = sink.options();
        if (options.has("url")) {
            return SinkUrls.parse(sink, options.string("url").orElseThrow());
        }
        if (options.has("namespace") || options.has("name")) {
            String namespace = options.string("namespace")
                    .orElseThrow(() ->
                            new IllegalArgumentException("sink '" + sink.name() + "': 'name' needs 'namespace' too"));
            String name = options.string("name")
                    .orElseThrow(() ->
                            new IllegalArgumentException("sink '" + sink.name() + "': 'namespace' needs 'name' too"));
            return SinkUrls.parse(sink, String.format(BROKER_INGRESS, namespace, name));
        }
        String kSink = services.service(KnativeSinkBinding.class)
                .map(KnativeSinkBinding::url)
                .orElse("");
        if (kSink.isEmpty()) {
            throw new IllegalArgumentException("sink '" + sink.name()
                    + "': no url, namespace/name, and K_SINK is not set (is the gateway under a SinkBinding?)");
        }
        return SinkUrls.parse(sink, kSink);
    }
}
