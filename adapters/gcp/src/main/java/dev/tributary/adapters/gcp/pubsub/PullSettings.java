package dev.tributary.adapters.gcp.pubsub;

import static dev.tributary.adapters.gcp.pubsub.PubsubNames.invalid;

import dev.tributary.core.mapping.Options;
import dev.tributary.core.mapping.SourceConfig;
import java.util.Optional;

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
 */
record PullSettings(
        String sourceName,
        String subscription,
        Optional<String> topic,
        Optional<String> endpoint,
        long maxOutstandingMessages,
        long maxOutstandingBytes,
        int parallelPullCount) {

    static final int DEFAULT_MAX_OUTSTANDING_MESSAGES = 1000;
    static final int DEFAULT_MAX_OUTSTANDING_BYTES = 100 * 1024 * 1024;
    static final int DEFAULT_PARALLEL_PULL_COUNT = 1;

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
                options.integer("parallelPullCount", DEFAULT_PARALLEL_PULL_COUNT));
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
