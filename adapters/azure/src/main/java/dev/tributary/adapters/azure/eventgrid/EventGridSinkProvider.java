package dev.tributary.adapters.azure.eventgrid;

import static dev.tributary.core.mapping.OptionKind.STRING;

import dev.tributary.core.mapping.ComponentType;
import dev.tributary.core.mapping.OptionSpec;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.provider.GatewayServices;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkProvider;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Provides sink type {@code azure-eventgrid}: a JDK {@link HttpClient} per sink (HTTP/1.1, no
 * redirects followed, 10 s to connect) and the topic key from the {@code key} option. Microsoft
 * Entra tokens are not supported yet: the key is the only credential.
 */
public final class EventGridSinkProvider implements SinkProvider {

    static final ComponentType DECLARATION = ComponentType.of(
            "azure-eventgrid",
            "Publishes each event to an Event Grid topic whose input schema is CloudEvents 1.0.",
            OptionSpec.required(
                    "endpoint", STRING, "Topic endpoint URL (api-version=2018-01-01 added when it names none)."),
            OptionSpec.required("key", STRING, "Topic access key, sent as aeg-sas-key; write it as ${ENV_VAR}.")
                    .asSecret());

    @Override
    public ComponentType declaration() {
        return DECLARATION;
    }

    @Override
    public EventSink create(SinkConfig config, GatewayServices services) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        return new EventGridSink(client, EventGridSinkSettings.of(config));
    }
}
