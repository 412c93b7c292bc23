package dev.tributary.gateway.sink;

import dev.tributary.core.mapping.ComponentType;
import dev.tributary.core.mapping.OptionKind;
import dev.tributary.core.mapping.OptionSpec;
import dev.tributary.core.mapping.OutboundAuthOptions;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.provider.GatewayServices;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkProvider;
import java.util.Locale;

/**
 * Provides sink type {@code http}: an {@link HttpSink} on the gateway's shared {@link PooledHttpClient},
 * carrying the credentials of its {@code headers:} and {@code auth:} ({@link OutboundAuthOptions}).
 */
public final class HttpSinkProvider implements SinkProvider {

    private static final ComponentType DECLARATION = OutboundAuthOptions.addTo(ComponentType.of(
            "http",
            "POSTs each event to a URL with the CloudEvents HTTP binding; a 2xx answer is a delivery, and a "
                    + "CloudEvent in the answer is routed as a reply.",
            OptionSpec.required("url", OptionKind.STRING, "Destination URL (http or https)."),
            OptionSpec.oneOf("mode", "CloudEvents HTTP content mode.", "binary", "structured")
                    .withDefault("binary")));

    @Override
    public ComponentType declaration() {
        return DECLARATION;
    }

    @Override
    public EventSink create(SinkConfig config, GatewayServices services) {
        HttpSink.Mode mode = HttpSink.Mode.valueOf(
                config.options().string("mode").orElse("binary").toUpperCase(Locale.ROOT));
        return new HttpSink(
                SinkUrls.client(services),
                SinkUrls.parse(config, config.options().string("url").orElseThrow()),
                mode,
                SinkUrls.credentials(services).of(config));
    }
}
