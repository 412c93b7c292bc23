package dev.tributary.bench.jmh;

import dev.tributary.core.sink.SinkReply;
import dev.tributary.core.source.DispatchResult;
import dev.tributary.core.source.EventDispatch;
import dev.tributary.gateway.tracing.DeliveryAttempt;
import dev.tributary.gateway.tracing.Tracing;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of the tracing hooks with tracing off ({@link Tracing#OFF}, no {@code OTEL_*} endpoint):
 * {@code hooksOff} runs, per event, every call the gateway makes on the push and delivery path
 * (the dispatch through {@link Tracing#ingress} with the request's headers, {@code CamelDelivery}'s
 * {@link Tracing#startDelivery}, the attempt hook of
 * {@code SinkProcessor} with its scope, stamp and end, and the {@code traceparent} injection of
 * {@code HttpSink}) around the same work as {@code baseline}, which is that work alone (dispatch,
 * set the request's headers, hand on the event). Off, {@link Tracing#ingress} returns the
 * dispatcher itself (checked in setup), so the headers only cost a default method's hop. Run with
 * {@code -prof gc} to see bytes allocated per operation.
 */
public class TracingOffBenchmark extends BenchmarkDefaults {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private final Tracing tracing = Tracing.OFF;
    private final HttpHeaders headers = new DefaultHttpHeaders();
    private final SinkReply reply = SinkReply.of(202);
    private Map<String, String> requestHeaders;
    private EventDispatch dispatch;
    private EventDispatch ingress;
    private List<CloudEvent> events;
    private Exchange exchange;
    private CloudEvent event;

    @Setup
    public void setUp() {
        CompletableFuture<DispatchResult> done =
                CompletableFuture.completedFuture(new DispatchResult(1, 1, List.of(), Optional.empty()));
        dispatch = (source, events) -> done;
        ingress = tracing.ingress(dispatch);
        if (ingress != dispatch) {
            throw new IllegalStateException("tracing off must not wrap the dispatcher");
        }
        requestHeaders = Map.of(
                "content-type",
                "application/json",
                "ce-id",
                "1",
                "traceparent",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        exchange = new DefaultExchange(new DefaultCamelContext());
        event = CloudEventBuilder.v1()
                .withId("1")
                .withSource(URI.create("/bench"))
                .withType("bench")
                .build();
        events = List.of(event);
    }

    @Benchmark
    public void baseline(Blackhole hole) {
        hole.consume(dispatch.dispatch("source", events));
        headers.set("host", "127.0.0.1");
        hole.consume(event);
        hole.consume(reply);
    }

    @Benchmark
    public void hooksOff(Blackhole hole) {
        hole.consume(ingress.dispatch("source", events, requestHeaders));
        tracing.startDelivery(exchange);
        DeliveryAttempt traced = tracing.attempt(exchange, "route", "sink", 0);
        try (Scope attempt = traced.makeCurrent()) {
            headers.set("host", "127.0.0.1");
            W3C.inject(Context.current(), headers, HttpHeaders::set);
            hole.consume(traced.stamp(event));
        }
        traced.end(reply, null);
        hole.consume(reply);
    }
}
