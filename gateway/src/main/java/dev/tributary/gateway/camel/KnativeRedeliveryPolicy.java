package dev.tributary.gateway.camel;

import dev.tributary.core.delivery.DeliveryPolicy;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Predicate;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;

/**
 * Camel's redelivery driven by a route's {@link DeliveryPolicy}: only retriable failures are
 * retried (at most {@code retry} times); a non-retriable failure goes to the dead-letter channel
 * at once. The wait before each retry is not computed here: {@link SinkProcessor} sets it on
 * every retriable failure as the {@link Exchange#REDELIVERY_DELAY} header, which Camel prefers
 * over its own calculation, from {@link DeliveryPolicy#delayBeforeRetry} (backoff or the sink's
 * {@code Retry-After}, whichever is longer). Waits are asynchronous
 * ({@link #setAsyncDelayedRedelivery}): Camel schedules the retry instead of sleeping on the
 * thread that saw the failure, which may be a Netty event loop.
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
        Throwable failure = exchange.getException() != null
                ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return failure instanceof DeliveryFailedException delivery
                && delivery.retriable()
                && redeliveryCounter <= policy.retry();
    }
}
