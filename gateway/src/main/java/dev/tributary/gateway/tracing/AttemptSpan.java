package dev.tributary.gateway.tracing;

import dev.tributary.core.delivery.SinkResponse;
import dev.tributary.core.sink.SinkReply;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Locale;
import org.apache.camel.Exchange;

/**
 * The span of one delivery attempt, {@code deliver SINK} (kind producer), child of the context the
 * delivery started in (the ingress span, or the dead-lettering span for an attempt on a
 * dead-letter sink), so every attempt of a delivery, retries included, shares one parent.
 * Attributes: {@code tributary.route}, {@code tributary.sink}, {@code tributary.retry} (0 for the
 * first attempt), {@code tributary.outcome} ({@code accepted}, {@code retriable}, {@code rejected}
 * or {@code error}) and, when the sink answered, {@code http.response.status_code}; status error
 * unless accepted.
 */
final class AttemptSpan implements DeliveryAttempt {

    /** Exchange property: the {@link Context} the delivery's attempts are children of. */
    static final String PARENT = "tributary.traceParent";

    private final Span span;
    private final Context context;

    private AttemptSpan(Span span, Context context) {
        this.span = span;
        this.context = context;
    }

    static AttemptSpan start(Tracer tracer, Exchange exchange, String route, String sink, int attempt) {
        Context parent = Tracing.parentOf(exchange);
        Span span = tracer.spanBuilder("deliver " + sink)
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("tributary.route", route)
                .setAttribute("tributary.sink", sink)
                .setAttribute("tributary.retry", attempt)
                .startSpan();
        return new AttemptSpan(span, parent.with(span));
    }

    @Override
    public CloudEvent stamp(CloudEvent event) {
        span.setAttribute("cloudevents.event_id", event.getId());
        return TraceContexts.stamp(event, context);
    }

    @Override
    public Scope makeCurrent() {
        return context.makeCurrent();
    }

    @Override
    public void end(SinkReply reply, Throwable error) {
        String outcome;
        if (reply == null) {
            outcome = "error";
            if (error != null) {
                span.recordException(error);
            }
        } else {
            span.setAttribute("http.response.status_code", reply.status());
            outcome = reply.functionError()
                    ? "error"
                    : SinkResponse.classify(reply.status()).name().toLowerCase(Locale.ROOT);
        }
        span.setAttribute("tributary.outcome", outcome);
        if (!outcome.equals("accepted")) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }
}
