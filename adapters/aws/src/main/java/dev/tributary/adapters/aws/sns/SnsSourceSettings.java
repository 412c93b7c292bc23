package dev.tributary.adapters.aws.sns;

import dev.tributary.adapters.aws.AwsRegions;
import dev.tributary.core.mapping.SourceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;

/**
 * The options of an {@code aws-sns} source.
 *
 * @param name the source name
 * @param topicArns topics accepted; empty accepts every topic but confirms no subscription
 * @param autoConfirm whether a subscription to an allowed topic is confirmed automatically (default true)
 * @param signingCertificate a pinned certificate used instead of fetching {@code SigningCertURL}
 * @param region when set, only SNS hosts of this region are trusted
 * @param forwardTestEvents whether {@code s3:TestEvent} is forwarded
 */
public record SnsSourceSettings(
        String name,
        Set<String> topicArns,
        boolean autoConfirm,
        Optional<X509Certificate> signingCertificate,
        Optional<String> region,
        boolean forwardTestEvents) {

    public SnsSourceSettings {
        topicArns = Set.copyOf(topicArns);
    }

    /**
     * @throws IllegalArgumentException naming the source and option when {@code region} is not a
     *     region name or {@code signingCertificate} is not a readable PEM certificate
     */
    public static SnsSourceSettings from(SourceConfig config) {
        var options = config.options();
        Optional<String> region = options.string("region");
        if (region.isPresent() && !AwsRegions.isRegion(region.get())) {
            throw new IllegalArgumentException("source '" + config.name() + "': region '" + region.get()
                    + "' is not an AWS region name such as eu-west-1");
        }
        return new SnsSourceSettings(
                config.name(),
                Set.copyOf(options.stringList("topicArns")),
                options.bool("autoConfirm", true),
                options.string("signingCertificate").map(file -> load(config.name(), Path.of(file))),
                region,
                options.bool("forwardTestEvents", false));
    }

    /** Whether notifications from this topic are accepted. */
    public boolean accepts(String topicArn) {
        return topicArns.isEmpty() || topicArns.contains(topicArn);
    }

    private static X509Certificate load(String source, Path file) {
        try {
            return PemCertificates.parse(Files.readAllBytes(file));
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException(
                    "source '" + source + "': signingCertificate '" + file + "' is not a readable PEM certificate: "
                            + e.getMessage(),
                    e);
        }
    }
}
