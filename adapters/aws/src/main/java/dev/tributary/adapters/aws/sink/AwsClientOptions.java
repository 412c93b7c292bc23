package dev.tributary.adapters.aws.sink;

import dev.tributary.adapters.aws.AwsRegions;
import dev.tributary.core.mapping.OptionKind;
import dev.tributary.core.mapping.OptionSpec;
import dev.tributary.core.mapping.SinkConfig;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The {@code region} and {@code endpoint} options every AWS sink takes, and the client they build:
 * JDK URL-connection HTTP client, credentials from the SDK's default provider chain, SDK retries
 * off (the route's redelivery policy is the only one).
 *
 * @param region the region to call; empty leaves it to the SDK's default region chain
 * @param endpoint an endpoint override (an emulator, a VPC endpoint)
 */
public record AwsClientOptions(Optional<String> region, Optional<URI> endpoint) {

    /** The declaration of {@code endpoint}. */
    public static final OptionSpec ENDPOINT =
            OptionSpec.optional("endpoint", OptionKind.STRING, "Endpoint override URL (emulators, VPC endpoints).");

    /** The declaration of {@code region}, whose default comes from {@code destination} (e.g. "the topic ARN"). */
    public static OptionSpec region(String destination) {
        return OptionSpec.optional(
                "region",
                OptionKind.STRING,
                "AWS region (default: the one in " + destination + ", else the standard provider chain).");
    }

    /**
     * @param regionFallback the region named by the destination itself (an ARN, a queue URL), used
     *     when the {@code region} option is absent
     * @throws IllegalArgumentException naming the sink when {@code region} or {@code endpoint} cannot work
     */
    public static AwsClientOptions of(SinkConfig config, Optional<String> regionFallback) {
        String prefix = "sink '" + config.name() + "': ";
        Optional<String> region = config.options().string("region");
        if (region.isPresent() && !AwsRegions.isRegion(region.get())) {
            throw new IllegalArgumentException(
                    prefix + "region '" + region.get() + "' is not a region name such as eu-west-1");
        }
        Optional<URI> endpoint = config.options().string("endpoint").map(value -> {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException(prefix + "endpoint must be a URL, was '" + value + "'");
            }
            return uri;
        });
        return new AwsClientOptions(region.or(() -> regionFallback), endpoint);
    }

    /** Builds the client with these options, per the class contract. */
    public <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C build(B builder) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));
        region.map(Region::of).ifPresent(builder::region);
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** The region of an ARN ({@code arn:PARTITION:SERVICE:REGION:ACCOUNT:...}), if it names one. */
    public static Optional<String> regionOfArn(String arn) {
        String[] parts = arn.split(":");
        return parts.length >= 6 && parts[0].equals("arn") && AwsRegions.isRegion(parts[3])
                ? Optional.of(parts[3])
                : Optional.empty();
    }
}
