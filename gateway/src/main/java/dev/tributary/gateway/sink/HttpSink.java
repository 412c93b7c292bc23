package dev.tributary.gateway.sink;

import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkReply;

import dev.tributary.core.decode.HeaderValueCodec;
import dev.tributary.core.delivery.RetryAfter;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.MessageWriter;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;

/**
 * Delivers CloudEvents over HTTP POST, in binary mode ({@code ce-*} headers, percent-encoded per
 * the HTTP binding) or structured mode ({@code application/cloudevents+json}).
 *
 * <p>Uses the gateway's shared {@link HttpClient}: asynchronous, pooled keep-alive connections,
 * HTTP/1.1, redirects never followed (a 3xx is a failed delivery). Thread-safe.
 */
public final class HttpSink implements EventSink {

    /** How events are encoded on the wire. */
    public enum Mode { BINARY, STRUCTURED }

    private static final JsonFormat JSON = new JsonFormat();

    private final HttpClient client;
    private final URI url;
    private final Mode mode;

    public HttpSink(HttpClient client, URI url, Mode mode) {
        this.client = client;
        this.url = url;
        this.mode = mode;
    }

    @Override
    public CompletionStage<SinkReply> send(CloudEvent event, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout);
        byte[][] body = new byte[1][];
        MessageWriter<?, ?> writer = HttpMessageFactory.createWriter(
                (name, value) -> request.header(name, name.startsWith("ce-") ? HeaderValueCodec.encode(value) : value),
                bytes -> body[0] = bytes);
        if (mode == Mode.STRUCTURED) {
            writer.writeStructured(event, JSON);
        } else {
            writer.writeBinary(event);
        }
        request.POST(body[0] == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body[0]));
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).thenApply(HttpSink::reply);
    }

    private static SinkReply reply(HttpResponse<byte[]> response) {
        byte[] body = response.body();
        if (body.length > SinkReply.MAX_BODY) {
            body = Arrays.copyOf(body, SinkReply.MAX_BODY);
        }
        return new SinkReply(response.statusCode(), body,
                RetryAfter.parse(response.headers().firstValue("retry-after").orElse(null), Instant.now()), false);
    }

    @Override
    public String destination() {
        return url.toString();
    }
}
