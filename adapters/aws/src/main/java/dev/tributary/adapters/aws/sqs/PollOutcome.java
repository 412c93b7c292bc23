package dev.tributary.adapters.aws.sqs;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;

/**
 * The SQS consumer's poll strategy that remembers how the last poll ended: {@link #problem()} is
 * the failure of the last poll (queue deleted, access denied, endpoint unreachable), empty once a
 * poll succeeds again. Camel's own handling of the failure (logging, error backoff) is unchanged.
 * Thread-safe.
 */
final class PollOutcome implements PollingConsumerPollStrategy {

    private final AtomicReference<String> problem = new AtomicReference<>();

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        problem.set(null);
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        problem.set("polling failed: " + cause.getMessage());
        return false;
    }

    Optional<String> problem() {
        return Optional.ofNullable(problem.get());
    }
}
