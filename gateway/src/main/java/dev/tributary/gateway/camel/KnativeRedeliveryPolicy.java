package dev.tributary.gateway.camel;

import dev.tributary.core.delivery.DeliveryPolicy;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Predicate;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;

/**
 * Camel's redelivery driven by a route's {@link DeliveryPolicy}: only retriable failures are
 * retried (at most {@code retry} times) and the k-th retry waits {@link DeliveryPolicy#backoff(int)}.
 * A non-retriable failure goes to the dead-letter channel at once. A sink's {@code Retry-After}
 * reaches Camel as the {@link Exchange#REDELIVERY_DELAY} header, which Camel prefers over this
 * policy's delay; {@link SinkProcessor} sets it to the longer of the two.
 *
 * <p>Every wait is asynchronous: the retry is scheduled on the error handler's scheduled executor
 * and no thread sleeps meanwhile. A synchronous wait would sleep on the event loop that completed
 * the failed attempt, stalling every route's ingress, all sink I/O, the health probe and the
 * per-attempt timeout timers on that loop.
 */
public class KnativeRedeliveryPolicy extends RedeliveryPolicy {

    private final transient DeliveryPolicy policy;

    public KnativeRedeliveryPolicy(DeliveryPolicy policy) {
        this.policy = policy;
        setMaximumRedeliveries(policy.retry());
        setRedeliveryDelay(policy.backoffDelay().toMillis());
        setMaximumRedeliveryDelay(Long.MAX_VALUE);
        setAsyncDelayedRedelivery(true);
        setLogStackTrace(false);
        setLogRetryStackTrace(false);
        setRetryAttemptedLogLevel(LoggingLevel.DEBUG);
        setRetriesExhaustedLogLevel(LoggingLevel.DEBUG);
        setLogExhaustedMessageHistory(false);
        // the Dispatcher logs every final outcome once, with the event id
        setLogExhausted(false);
        setLogRetryAttempted(false);
        setLogExhaustedMessageBody(false);
    }

    @Override
    public boolean shouldRedeliver(Exchange exchange, int redeliveryCounter, Predicate retryWhile) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return failure instanceof DeliveryFailedException delivery
                && delivery.retriable()
                && redeliveryCounter <= policy.retry();
    }

    @Override
    public long calculateRedeliveryDelay(long previousDelay, int redeliveryCounter) {
        return policy.backoff(Math.max(1, redeliveryCounter)).toMillis();
    }
}
