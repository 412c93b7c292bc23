package dev.tributary.adapters.aws.sqs;

import dev.tributary.adapters.aws.AwsRegions;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * An SQS queue URL, {@code <scheme>://<host>/<account>/<name>}, and what can be derived from it.
 * The queue ARN is {@code arn:<partition>:sqs:<region>:<account>:<name>} with the account and name
 * taken from the path, so an emulator URL such as {@code http://127.0.0.1:9324/000000000000/q}
 * with region {@code us-east-1} gives {@code arn:aws:sqs:us-east-1:000000000000:q}. Immutable.
 *
 * @param url the queue URL
 * @param account the account id (first path segment)
 * @param name the queue name (second path segment)
 */
public record QueueAddress(URI url, String account, String name) {

    /** @throws IllegalArgumentException when the URL is not {@code http(s)://host/account/name} */
    public static QueueAddress parse(String queueUrl) {
        URI url;
        try {
            url = new URI(queueUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + queueUrl + "' is not a URL: " + e.getReason());
        }
        String path = url.getPath() == null ? "" : url.getPath();
        String[] segments = path.startsWith("/") ? path.substring(1).split("/") : new String[0];
        boolean web = "https".equals(url.getScheme()) || "http".equals(url.getScheme());
        if (!web || url.getHost() == null || segments.length != 2 || segments[0].isEmpty() || segments[1].isEmpty()) {
            throw new IllegalArgumentException("'" + queueUrl + "' is not a queue URL like "
                    + "https://sqs.eu-west-1.amazonaws.com/123456789012/name");
        }
        return new QueueAddress(url, segments[0], segments[1]);
    }

    /** The region named in the host ({@code sqs.<region>.amazonaws.com}, {@code <region>.queue.amazonaws.com}), if any. */
    public Optional<String> hostRegion() {
        return AwsRegions.inHost(url.getHost());
    }

    public String arn(String region) {
        return "arn:" + AwsRegions.partition(region) + ":sqs:" + region + ":" + account + ":" + name;
    }
}
