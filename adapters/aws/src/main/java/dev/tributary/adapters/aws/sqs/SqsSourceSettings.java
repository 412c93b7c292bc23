package dev.tributary.adapters.aws.sqs;

import dev.tributary.adapters.aws.AwsRegions;
import dev.tributary.core.mapping.Options;
import dev.tributary.core.mapping.SourceConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * The options of an {@code aws-sqs} source.
 *
 * @param name the source name
 * @param queue {@code queueUrl}
 * @param region {@code region}, else the region named by the queue URL's or endpoint's host; empty
 *     leaves it to the SDK's default region provider chain
 * @param endpoint {@code endpoint}: an emulator or VPC endpoint URL
 * @param concurrency {@code concurrency}: concurrent pollers (default {@value #DEFAULT_CONCURRENCY})
 * @param waitTimeSeconds {@code waitTimeSeconds}: long-polling wait, at most 20 (default {@value #DEFAULT_WAIT_TIME_SECONDS})
 * @param visibilityTimeout {@code visibilityTimeout}: seconds a received message stays hidden; renewed
 *     while its events are being delivered; a failed message reappears after it (default
 *     {@value #DEFAULT_VISIBILITY_TIMEOUT}, SQS's own default)
 * @param forwardTestEvents {@code forwardTestEvents}: forward {@code s3:TestEvent}
 */
public record SqsSourceSettings(
        String name,
        QueueAddress queue,
        Optional<String> region,
        Optional<URI> endpoint,
        int concurrency,
        int waitTimeSeconds,
        int visibilityTimeout,
        boolean forwardTestEvents) {

    public static final int DEFAULT_CONCURRENCY = 1;
    public static final int DEFAULT_WAIT_TIME_SECONDS = 20;
    public static final int DEFAULT_VISIBILITY_TIMEOUT = 30;
    static final int MAX_WAIT_TIME_SECONDS = 20;
    static final int MAX_VISIBILITY_TIMEOUT = 43_200;

    /** @throws IllegalArgumentException naming the source and option that cannot work */
    public static SqsSourceSettings from(SourceConfig config) {
        Options options = config.options();
        String prefix = "source '" + config.name() + "': ";
        QueueAddress queue;
        try {
            queue = QueueAddress.parse(
                    options.string("queueUrl").orElseThrow(() -> new IllegalArgumentException("missing")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix + "queueUrl: " + e.getMessage(), e);
        }
        Optional<URI> endpoint = options.string("endpoint").map(value -> endpoint(prefix, value));
        Optional<String> region = options.string("region");
        if (region.isPresent() && !AwsRegions.isRegion(region.get())) {
            throw new IllegalArgumentException(
                    prefix + "region '" + region.get() + "' is not a region name such as eu-west-1");
        }
        return new SqsSourceSettings(
                config.name(),
                queue,
                region.or(queue::hostRegion).or(() -> endpoint.flatMap(uri -> AwsRegions.inHost(uri.getHost()))),
                endpoint,
                options.integer("concurrency", DEFAULT_CONCURRENCY),
                options.integer("waitTimeSeconds", DEFAULT_WAIT_TIME_SECONDS),
                options.integer("visibilityTimeout", DEFAULT_VISIBILITY_TIMEOUT),
                options.bool("forwardTestEvents", false));
    }

    private static URI endpoint(String prefix, String value) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() != null && List.of("http", "https").contains(uri.getScheme())) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below, with the same message as any other non-URL
        }
        throw new IllegalArgumentException(
                prefix + "endpoint '" + value + "' is not an http(s) URL such as http://127.0.0.1:9324");
    }
}
