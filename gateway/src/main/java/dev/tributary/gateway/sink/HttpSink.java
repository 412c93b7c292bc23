package dev.tributary.gateway.sink;

import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkReply;

import dev.tributary.core.decode.CloudEventsHttpDecoder;
import dev.tributary.core.decode.DecodeException;
import dev.tributary.core.decode.HeaderValueCodec;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.delivery.SinkResponse;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private static final CloudEventsHttpDecoder REPLY_DECODER = new CloudEventsHttpDecoder();
    private static final Logger LOG = LoggerFactory.getLogger(HttpSink.class);

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
        Optional<CloudEvent> event = SinkResponse.classify(response.statusCode()) == SinkResponse.ACCEPTED
                ? replyEvent(response) : Optional.empty();
        return new SinkReply(response.statusCode(), body.length > SinkReply.MAX_BODY ? Arrays.copyOf(body, SinkReply.MAX_BODY) : body,
                RetryAfter.parse(response.headers().firstValue("retry-after").orElse(null), Instant.now()), false, event);
    }

    /**
     * The CloudEvent a sink answered with, in binary or structured mode (Knative reply semantics);
     * empty when the answer is not a CloudEvent or is not a valid one.
     */
    private static Optional<CloudEvent> replyEvent(HttpResponse<byte[]> response) {
        Map<String, String> headers = new HashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name, values.get(0)));
        InboundPayload payload = new InboundPayload(headers, response.body());
        if (payload.header("ce-specversion") == null && !payload.mediaType().startsWith("application/cloudevents")) {
            return Optional.empty();
        }
        try {
            List<CloudEvent> events = REPLY_DECODER.decode(payload);
            return events.size() == 1 ? Optional.of(events.get(0)) : Optional.empty();
        } catch (DecodeException e) {
            LOG.warn("ignoring an invalid CloudEvent reply: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public String destination() {
        return url.toString();
    }
}
