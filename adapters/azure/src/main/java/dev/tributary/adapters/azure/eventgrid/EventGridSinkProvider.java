package dev.tributary.adapters.azure.eventgrid;

import dev.tributary.core.mapping.SinkConfig;
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

    @Override
    public String type() {
        return "azure-eventgrid";
    }

    @Override
    public EventSink create(SinkConfig config) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        return new EventGridSink(client, EventGridSinkSettings.of(config));
    }
}
