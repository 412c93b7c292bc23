package dev.tributary.adapters.aws.sqs;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/** Builds the SQS client of a source: the given HTTP client, endpoint override and region from the settings. */
public final class SqsClients {

    private SqsClients() {}

    /**
     * @param credentials where credentials come from: the SDK's default chain in production, static ones in tests
     * @param http the HTTP client, closed with the SQS client
     */
    public static SqsClient build(SqsSourceSettings settings, AwsCredentialsProvider credentials, SdkHttpClient http) {
        SqsClientBuilder builder = SqsClient.builder().httpClient(http).credentialsProvider(credentials);
        settings.region().map(Region::of).ifPresent(builder::region);
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
