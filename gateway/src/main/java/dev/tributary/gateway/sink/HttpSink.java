package dev.tributary.gateway.sink;

import dev.tributary.core.decode.CloudEventsHttpDecoder;
import dev.tributary.core.decode.DecodeException;
import dev.tributary.core.decode.HeaderValueCodec;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.delivery.RetryAfter;
import dev.tributary.core.delivery.SinkResponse;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkReply;
import dev.tributary.gateway.sink.credentials.Credentials;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.MessageWriter;
import io.cloudevents.http.HttpMessageFactory;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers CloudEvents over HTTP POST, in binary mode ({@code ce-*} headers, percent-encoded per
 * the HTTP binding) or structured mode ({@code application/cloudevents+json}; text data as a
 * {@code data} string, see {@link StructuredJson}).
 *
 * <p>Sends through the gateway's shared {@link PooledHttpClient} (pooled keep-alive connections on
 * the server's event loops, redirects never followed: a 3xx is a failed delivery), with the sink's
 * {@link Credentials} added to each request. An attempt that
 * outlives its timeout fails with a {@link java.util.concurrent.TimeoutException} and its
 * connection is closed. When a delivery attempt is traced (its span is current, see
 * {@link dev.tributary.gateway.tracing.DeliveryAttempt}), the request carries its W3C
 * {@code traceparent} (and {@code tracestate}) header; otherwise no trace header is added.
 * Thread-safe.
 */
public final class HttpSink implements EventSink {

    /** How events are encoded on the wire. */
    public enum Mode {
        BINARY,
        STRUCTURED
    }

    private static final CloudEventsHttpDecoder REPLY_DECODER = new CloudEventsHttpDecoder();
    private static final Logger LOG = LoggerFactory.getLogger(HttpSink.class);

    private final PooledHttpClient client;
    private final URI url;
    private final Mode mode;
    private final String target;
    private final String host;
    private final Credentials credentials;

    /** @param credentials what each request carries so that the destination lets it in */
    public HttpSink(PooledHttpClient client, URI url, Mode mode, Credentials credentials) {
        this.client = client;
        this.url = url;
        this.mode = mode;
        this.credentials = credentials;
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        this.target = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        this.host = url.getPort() >= 0 ? url.getHost() + ":" + url.getPort() : url.getHost();
    }

    @Override
    public CompletionStage<SinkReply> send(CloudEvent event, Duration timeout) {
        HttpHeaders headers = new DefaultHttpHeaders();
        byte[][] body = new byte[1][];
        MessageWriter<?, ?> writer = HttpMessageFactory.createWriter(
                (name, value) -> headers.add(name, name.startsWith("ce-") ? HeaderValueCodec.encode(value) : value),
                bytes -> body[0] = bytes);
        if (mode == Mode.STRUCTURED) {
            writer.writeStructured(event, StructuredJson.formatFor(event));
        } else {
            writer.writeBinary(event);
        }
        byte[] content = body[0] == null ? new byte[0] : body[0];
        headers.set(HttpHeaderNames.HOST, host).setInt(HttpHeaderNames.CONTENT_LENGTH, content.length);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, HttpHeaders::set);
        return credentials
                .apply(url, "POST", headers, content)
                .thenCompose(added -> client.send(
                        url,
                        new DefaultFullHttpRequest(
                                HttpVersion.HTTP_1_1,
                                HttpMethod.POST,
                                target,
                                Unpooled.wrappedBuffer(content),
                                headers,
                                EmptyHttpHeaders.INSTANCE),
                        timeout))
                .thenApply(HttpSink::toReply);
    }

    private static SinkReply toReply(PooledHttpClient.Response response) {
        int status = response.status();
        byte[] body = response.body();
        Optional<CloudEvent> event = SinkResponse.classify(status) == SinkResponse.ACCEPTED && body.length > 0
                ? replyEvent(response.headers(), body)
                : Optional.empty();
        return new SinkReply(
                status,
                body.length > SinkReply.MAX_BODY ? Arrays.copyOf(body, SinkReply.MAX_BODY) : body,
                RetryAfter.parse(response.headers().get(HttpHeaderNames.RETRY_AFTER), Instant.now()),
                false,
                event);
    }

    /**
     * The CloudEvent a sink answered with, in binary or structured mode (Knative reply semantics);
     * empty when the answer is not a CloudEvent or is not a valid one.
     */
    private static Optional<CloudEvent> replyEvent(HttpHeaders headers, byte[] body) {
        String contentType = headers.get(HttpHeaderNames.CONTENT_TYPE);
        if (headers.get("ce-specversion") == null
                && (contentType == null || !contentType.startsWith("application/cloudevents"))) {
            return Optional.empty();
        }
        Map<String, String> copy = new HashMap<>();
        headers.forEach(header -> copy.putIfAbsent(header.getKey(), header.getValue()));
        try {
            List<CloudEvent> events = REPLY_DECODER.decode(new InboundPayload(copy, body));
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
