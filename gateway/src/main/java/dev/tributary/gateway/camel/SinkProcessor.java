package dev.tributary.gateway.camel;

import dev.tributary.core.delivery.DeliveryPolicy;
import dev.tributary.core.delivery.SinkResponse;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkReply;
import dev.tributary.gateway.health.SinkHealth;
import dev.tributary.gateway.metrics.GatewayMetrics;
import dev.tributary.gateway.sink.CeOverrides;
import dev.tributary.gateway.tracing.DeliveryAttempt;
import dev.tributary.gateway.tracing.Tracing;
import io.cloudevents.CloudEvent;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * One delivery attempt of the exchange's {@link CloudEvent} to one sink, asynchronously: the
 * calling thread returns at once and the callback runs when the sink answers. A failed attempt
 * sets a {@link DeliveryFailedException} for the route's error handler to retry or dead-letter.
 * Each attempt is traced by {@link Tracing#attempt}.
 * Thread-safe.
 */
public final class SinkProcessor extends AsyncProcessorSupport {

    private final String routeName;
    private final String sinkName;
    private final EventSink sink;
    private final DeliveryPolicy policy;
    private final CeOverrides overrides;
    private final GatewayMetrics.SinkMeters meters;
    private final SinkHealth health;
    private final Tracing tracing;

    public SinkProcessor(
            String routeName,
            String sinkName,
            EventSink sink,
            DeliveryPolicy policy,
            CeOverrides overrides,
            GatewayMetrics.SinkMeters meters,
            SinkHealth health,
            Tracing tracing) {
        this.routeName = routeName;
        this.sinkName = sinkName;
        this.sink = sink;
        this.policy = policy;
        this.overrides = overrides;
        this.meters = meters;
        this.health = health;
        this.tracing = tracing;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CloudEvent event = exchange.getIn().getBody(CloudEvent.class);
        int attempt = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        exchange.getIn().removeHeader(Exchange.REDELIVERY_DELAY);
        if (attempt > 0) {
            meters.retried().increment();
        }
        CompletionStage<SinkReply> reply;
        DeliveryAttempt traced = tracing.attempt(exchange, routeName, sinkName, attempt);
        try (Scope ignored = traced.makeCurrent()) {
            reply = sink.send(traced.stamp(overrides.apply(event)), policy.timeout());
        } catch (RuntimeException e) {
            traced.end(null, e);
            fail(
                    exchange,
                    new SinkFailure(
                            sinkName,
                            sink.destination(),
                            null,
                            "cannot encode event " + event.getId() + ": " + e.getMessage()),
                    false,
                    e);
            callback.done(true);
            return true;
        }
        reply.whenComplete((answer, error) -> {
            traced.end(answer, error);
            try {
                complete(exchange, attempt, answer, error);
            } finally {
                callback.done(false);
            }
        });
        return false;
    }

    private void complete(Exchange exchange, int attempt, SinkReply reply, Throwable error) {
        if (error != null) {
            Throwable cause =
                    error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            String reason = TransportFailure.describe(cause, policy.timeout());
            health.failed(reason);
            retriable(exchange, attempt, Optional.empty());
            fail(exchange, new SinkFailure(sinkName, sink.destination(), null, reason), true, cause);
            return;
        }
        if (reply.functionError()) {
            health.failed("function error");
            retriable(exchange, attempt, Optional.empty());
            fail(exchange, new SinkFailure(sinkName, sink.destination(), reply, "function error"), true, null);
            return;
        }
        SinkResponse outcome = SinkResponse.classify(reply.status());
        recordHealth(outcome, reply.status());
        if (outcome == SinkResponse.ACCEPTED) {
            reply.event().ifPresent(DeliveryRecord.of(exchange)::replied);
            return;
        }
        boolean retriable = outcome == SinkResponse.RETRIABLE;
        if (retriable) {
            retriable(exchange, attempt, reply.retryAfter());
        }
        fail(
                exchange,
                new SinkFailure(sinkName, sink.destination(), reply, "answered " + reply.status()),
                retriable,
                null);
    }

    /**
     * A sink that accepts, or refuses the event itself (a 4xx other than 401/403), is answering;
     * a retriable status, a redirect (never followed) or refused credentials count against it.
     */
    private void recordHealth(SinkResponse outcome, int status) {
        boolean refusedTheEvent =
                outcome == SinkResponse.REJECTED && status >= 400 && status < 500 && status != 401 && status != 403;
        if (outcome == SinkResponse.ACCEPTED || refusedTheEvent) {
            health.answered();
        } else {
            health.failed("answered " + status);
        }
    }

    /**
     * Tells Camel's redelivery how long to wait before the next attempt, when there is one:
     * {@link DeliveryPolicy#delayBeforeRetry}, as the {@link Exchange#REDELIVERY_DELAY} header
     * that Camel prefers over its own calculation.
     */
    private void retriable(Exchange exchange, int attempt, Optional<Duration> retryAfter) {
        if (attempt < policy.retry()) {
            exchange.getIn()
                    .setHeader(
                            Exchange.REDELIVERY_DELAY,
                            policy.delayBeforeRetry(attempt + 1, retryAfter).toMillis());
        }
    }

    private static void fail(Exchange exchange, SinkFailure failure, boolean retriable, Throwable cause) {
        DeliveryRecord.of(exchange).failed(failure);
        exchange.setException(new DeliveryFailedException(failure.describe(), retriable, failure.reply(), cause));
    }
}
