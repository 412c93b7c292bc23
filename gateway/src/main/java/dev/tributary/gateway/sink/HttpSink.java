package dev.tributary.gateway.sink;

import dev.tributary.core.decode.CloudEventsHttpDecoder;
import dev.tributary.core.decode.DecodeException;
import dev.tributary.core.decode.HeaderValueCodec;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.delivery.RetryAfter;
import dev.tributary.core.delivery.SinkResponse;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkReply;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.MessageWriter;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import io.micronaut.http.ByteBodyHttpResponse;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.body.ByteBodyFactory;
import io.micronaut.http.client.RawHttpClient;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers CloudEvents over HTTP POST, in binary mode ({@code ce-*} headers, percent-encoded per
 * the HTTP binding) or structured mode ({@code application/cloudevents+json}).
 *
 * <p>Uses the gateway's shared Netty client ({@link RawHttpClient}, pooled keep-alive
 * connections on the server's event loops, redirects never followed: a 3xx is a failed
 * delivery). An attempt that outlives its timeout fails with a {@link java.util.concurrent.TimeoutException}
 * and its request is cancelled. Thread-safe.
 */
public final class HttpSink implements EventSink {

    /** How events are encoded on the wire. */
    public enum Mode { BINARY, STRUCTURED }

    private static final JsonFormat JSON = new JsonFormat();
    private static final CloudEventsHttpDecoder REPLY_DECODER = new CloudEventsHttpDecoder();
    private static final Logger LOG = LoggerFactory.getLogger(HttpSink.class);

    private final RawHttpClient client;
    private final ByteBodyFactory bodies;
    private final URI url;
    private final Mode mode;

    public HttpSink(RawHttpClient client, ByteBodyFactory bodies, URI url, Mode mode) {
        this.client = client;
        this.bodies = bodies;
        this.url = url;
        this.mode = mode;
    }

    @Override
    public CompletionStage<SinkReply> send(CloudEvent event, Duration timeout) {
        MutableHttpRequest<?> request = HttpRequest.POST(url, null);
        byte[][] body = new byte[1][];
        MessageWriter<?, ?> writer = HttpMessageFactory.createWriter(
                (name, value) -> request.header(name, name.startsWith("ce-") ? HeaderValueCodec.encode(value) : value),
                bytes -> body[0] = bytes);
        if (mode == Mode.STRUCTURED) {
            writer.writeStructured(event, JSON);
        } else {
            writer.writeBinary(event);
        }
        Exchange exchange = new Exchange();
        client.exchange(request, body[0] == null ? bodies.createEmpty() : bodies.adapt(body[0]), null).subscribe(exchange);
        exchange.reply.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).whenComplete((reply, error) -> {
            if (error != null) {
                exchange.cancel();
            }
        });
        return exchange.reply;
    }

    /** One request's subscription: completes {@link #reply} with the buffered response. */
    private static final class Exchange implements Subscriber<HttpResponse<?>> {

        final CompletableFuture<SinkReply> reply = new CompletableFuture<>();
        private volatile Subscription subscription;

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(HttpResponse<?> response) {
            ByteBodyHttpResponse<?> raw = (ByteBodyHttpResponse<?>) response;
            raw.byteBody().buffer().whenComplete((body, error) -> {
                try {
                    if (error != null) {
                        reply.completeExceptionally(error);
                    } else {
                        reply.complete(toReply(response, body.toByteArray()));
                        body.close();
                    }
                } finally {
                    raw.close();
                }
            });
        }

        @Override
        public void onError(Throwable error) {
            reply.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            // the single response was handled by onNext
        }

        void cancel() {
            Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }

    private static SinkReply toReply(HttpResponse<?> response, byte[] body) {
        int status = response.code();
        Optional<CloudEvent> event = SinkResponse.classify(status) == SinkResponse.ACCEPTED && body.length > 0
                ? replyEvent(response, body) : Optional.empty();
        return new SinkReply(status, body.length > SinkReply.MAX_BODY ? Arrays.copyOf(body, SinkReply.MAX_BODY) : body,
                RetryAfter.parse(response.getHeaders().get("Retry-After"), Instant.now()), false, event);
    }

    /**
     * The CloudEvent a sink answered with, in binary or structured mode (Knative reply semantics);
     * empty when the answer is not a CloudEvent or is not a valid one.
     */
    private static Optional<CloudEvent> replyEvent(HttpResponse<?> response, byte[] body) {
        var headers = response.getHeaders();
        String contentType = headers.get("Content-Type");
        if (headers.get("ce-specversion") == null && (contentType == null || !contentType.startsWith("application/cloudevents"))) {
            return Optional.empty();
        }
        Map<String, String> copy = new HashMap<>();
        headers.forEach((name, values) -> copy.put(name, values.get(0)));
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
