package dev.tributary.adapters.azure.eventgrid;

import dev.tributary.core.delivery.RetryAfter;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkReply;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Sink type {@code azure-eventgrid}: publishes each event to an Event Grid topic whose input schema
 * is CloudEvents 1.0, with the documented REST call the Azure SDK's publisher makes: {@code POST}
 * to the topic endpoint, {@code Content-Type: application/cloudevents-batch+json; charset=utf-8},
 * a JSON array holding the event in the structured JSON format, the topic key in
 * {@code aeg-sas-key}. One event per request, so a refusal is that event's alone.
 *
 * <p>Event Grid's answer is the reply: 200 is delivered; 429 and 5xx are retried with the route's
 * backoff (a {@code Retry-After} is honoured); 401/403 (wrong key, no permission), 400 and 413
 * are dead-lettered at once. A transport error or no answer within the attempt's timeout fails the
 * attempt. Calls are asynchronous on the JDK HTTP client. Thread-safe.
 *
 * @see <a href="https://learn.microsoft.com/azure/event-grid/post-to-custom-topic">Post to custom topic</a>
 */
final class EventGridSink implements EventSink {

    private static final JsonFormat JSON = new JsonFormat();
    private static final String CONTENT_TYPE = "application/cloudevents-batch+json; charset=utf-8";

    private final HttpClient client;
    private final EventGridSinkSettings settings;

    EventGridSink(HttpClient client, EventGridSinkSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    @Override
    public CompletionStage<SinkReply> send(CloudEvent event, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(settings.endpoint())
                .timeout(timeout)
                .header("Content-Type", CONTENT_TYPE)
                .header("aeg-sas-key", settings.key())
                .POST(HttpRequest.BodyPublishers.ofByteArray(batchOf(event)))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(EventGridSink::reply);
    }

    private static byte[] batchOf(CloudEvent event) {
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        batch.write('[');
        batch.writeBytes(JSON.serialize(event));
        batch.write(']');
        return batch.toByteArray();
    }

    private static SinkReply reply(HttpResponse<byte[]> response) {
        byte[] body = response.body();
        Optional<Duration> retryAfter =
                response.headers().firstValue("Retry-After").flatMap(value -> RetryAfter.parse(value, Instant.now()));
        return new SinkReply(
                response.statusCode(),
                body.length > SinkReply.MAX_BODY ? Arrays.copyOf(body, SinkReply.MAX_BODY) : body,
                retryAfter,
                false,
                Optional.empty());
    }

    @Override
    public String destination() {
        return settings.endpoint().toString();
    }
}
