package dev.tributary.adapters.gcp.pubsub;

import static dev.tributary.adapters.gcp.pubsub.PubsubNames.invalid;

import dev.tributary.core.mapping.Options;
import dev.tributary.core.mapping.SourceConfig;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The validated options of a {@code gcp-pubsub} source.
 *
 * @param sourceName the source's name in the mappings
 * @param subscription the full subscription name, {@code projects/P/subscriptions/S}
 * @param topic the full topic name, or empty to look it up from the subscription at start
 * @param endpoint an emulator's {@code host:port} (plaintext, no credentials, as
 *     {@code PUBSUB_EMULATOR_HOST}), or empty for Google's endpoint with Application Default Credentials
 * @param maxOutstandingMessages flow control: messages received but not yet acked or nacked
 *     (default {@value #DEFAULT_MAX_OUTSTANDING_MESSAGES})
 * @param maxOutstandingBytes flow control: bytes of such messages (default {@value #DEFAULT_MAX_OUTSTANDING_BYTES})
 * @param parallelPullCount StreamingPull streams opened (default {@value #DEFAULT_PARALLEL_PULL_COUNT})
 * @param ackDeadlineSeconds the lease one ack-deadline extension grants, {@value #MIN_ACK_DEADLINE_SECONDS}
 *     to {@value #MAX_ACK_DEADLINE_SECONDS} seconds: the stream's ack deadline and the longest single
 *     extension, hence how long after a replica dies the messages it held are redelivered; empty for
 *     the client library's default (a 60 s stream deadline, extensions sized by processing times)
 */
record PullSettings(
        String sourceName,
        String subscription,
        Optional<String> topic,
        Optional<String> endpoint,
        long maxOutstandingMessages,
        long maxOutstandingBytes,
        int parallelPullCount,
        OptionalInt ackDeadlineSeconds) {

    static final int DEFAULT_MAX_OUTSTANDING_MESSAGES = 1000;
    static final int DEFAULT_MAX_OUTSTANDING_BYTES = 100 * 1024 * 1024;
    static final int DEFAULT_PARALLEL_PULL_COUNT = 1;
    static final int MIN_ACK_DEADLINE_SECONDS = 10;
    static final int MAX_ACK_DEADLINE_SECONDS = 600;

    /** @throws IllegalArgumentException naming the source and option when an option is unusable */
    static PullSettings from(SourceConfig config) {
        Options options = config.options();
        Optional<String> topic = options.string("topic").map(name -> PubsubNames.topic(config, name));
        Optional<String> endpoint = options.string("endpoint").map(target -> hostAndPort(config, target));
        return new PullSettings(
                config.name(),
                PubsubNames.subscription(config, options.string("subscription").orElse(null)),
                topic,
                endpoint,
                options.integer("maxOutstandingMessages", DEFAULT_MAX_OUTSTANDING_MESSAGES),
                options.integer("maxOutstandingBytes", DEFAULT_MAX_OUTSTANDING_BYTES),
                options.integer("parallelPullCount", DEFAULT_PARALLEL_PULL_COUNT),
                ackDeadlineSeconds(config));
    }

    /** Within Pub/Sub's bounds: the loader checks the declared range. */
    private static OptionalInt ackDeadlineSeconds(SourceConfig config) {
        return config.options().has("ackDeadlineSeconds")
                ? OptionalInt.of(config.options().integer("ackDeadlineSeconds", 0))
                : OptionalInt.empty();
    }

    private static String hostAndPort(SourceConfig config, String endpoint) {
        int colon = endpoint.lastIndexOf(':');
        boolean valid = colon > 0 && colon < endpoint.length() - 1 && !endpoint.contains("/");
        if (valid) {
            try {
                int port = Integer.parseInt(endpoint.substring(colon + 1));
                valid = port > 0 && port < 65536;
            } catch (NumberFormatException e) {
                valid = false;
            }
        }
        if (!valid) {
            throw invalid(config, "endpoint '" + endpoint + "' is not host:port (as PUBSUB_EMULATOR_HOST)");
        }
        return endpoint;
    }
}
