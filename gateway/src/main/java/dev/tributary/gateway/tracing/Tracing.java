package dev.tributary.gateway.tracing;

import dev.tributary.core.source.EventDispatch;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The gateway's one entry point to OpenTelemetry tracing: a span per ingress ({@link #ingress}),
 * per delivery attempt ({@link #attempt}) and per dead-lettering ({@link #deadLetter}), with the
 * W3C trace context taken from what came in (transport headers or attributes, the CloudEvents
 * distributed-tracing extension) and passed on to sinks.
 *
 * <p>{@link #OFF} is the tracing of a gateway without an OTLP endpoint ({@link OtlpExport#configured}):
 * no SDK is built, {@link #ingress} returns the dispatch it is given, and every other method
 * returns a shared no-op without allocating. Thread-safe.
 */
public final class Tracing implements AutoCloseable {

    /** Tracing off: nothing is recorded, exported or propagated beyond what came in. */
    public static final Tracing OFF = new Tracing(null, null);

    private final OpenTelemetrySdk sdk;
    private final Tracer tracer;

    private Tracing(OpenTelemetrySdk sdk, Tracer tracer) {
        this.sdk = sdk;
        this.tracer = tracer;
    }

    /**
     * Tracing as the {@code OTEL_*} variables in {@code environment} configure it: {@link #OFF}
     * unless {@link OtlpExport#configured} says spans are to be exported.
     */
    public static Tracing fromEnvironment(Map<String, String> environment) {
        if (!OtlpExport.configured(environment)) {
            return OFF;
        }
        OpenTelemetrySdk sdk = OtlpExport.sdk();
        return new Tracing(sdk, sdk.getTracer("dev.tributary.gateway"));
    }

    public boolean enabled() {
        return tracer != null;
    }

    /**
     * {@code dispatch} with an ingress span around each call (see {@link IngressSpans}); off,
     * {@code dispatch} itself.
     */
    public EventDispatch ingress(EventDispatch dispatch) {
        return tracer == null ? dispatch : new IngressSpans(tracer, dispatch);
    }

    /**
     * Starts the span of one delivery attempt of {@code exchange}'s event (see {@link AttemptSpan});
     * off, {@link DeliveryAttempt#NONE}.
     *
     * @param attempt 0 for the first attempt, then the retry number
     */
    public DeliveryAttempt attempt(Exchange exchange, String route, String sink, int attempt) {
        return tracer == null ? DeliveryAttempt.NONE : AttemptSpan.start(tracer, exchange, route, sink, attempt);
    }

    /**
     * The processor recording a dead-lettering span on a dead-letter route (see
     * {@link DeadLetterSpan}); off, empty, and the route has no such step.
     */
    public Optional<Processor> deadLetter(String route, String sink, String deadLetterSink) {
        return tracer == null ? Optional.empty() : Optional.of(new DeadLetterSpan(tracer, route, sink, deadLetterSink));
    }

    /**
     * Keeps the current context (the ingress span, while the dispatch starts its deliveries) on a
     * delivery's new exchange, as the parent of its attempts: Camel may run the first attempt
     * later on the same thread, after the dispatch returned, and retries on its own threads. Off,
     * nothing.
     */
    public void startDelivery(Exchange exchange) {
        if (tracer != null) {
            exchange.setProperty(AttemptSpan.PARENT, Context.current());
        }
    }

    /** The parent of the spans of a delivery: the context kept by {@link #startDelivery}, else the current one. */
    static Context parentOf(Exchange exchange) {
        Context parent = exchange.getProperty(AttemptSpan.PARENT, Context.class);
        return parent == null ? Context.current() : parent;
    }

    /** Exports the spans still buffered and stops the SDK; off, nothing. */
    @Override
    public void close() {
        if (sdk != null) {
            sdk.close();
        }
    }
}
