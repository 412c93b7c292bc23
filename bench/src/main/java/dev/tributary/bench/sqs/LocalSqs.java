package dev.tributary.bench.sqs;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SQS clients and queue facts for a local emulator: the same JDK URL-connection HTTP client the
 * gateway's {@code aws-sqs} source uses, a fixed region and placeholder credentials (an emulator
 * checks none).
 */
public final class LocalSqs {

    /** The region every local client and the gateway's source use: {@value}. */
    public static final String REGION = "us-east-1";
    /** ElasticMQ's default account id: {@value}. */
    public static final String ACCOUNT = "000000000000";
    /** The placeholder access key and secret handed to every client: {@value}. */
    public static final String PLACEHOLDER_KEY = "bench";

    private LocalSqs() {}

    /** A client for the emulator at {@code endpoint}; thread-safe, to be closed by the caller. */
    public static SqsClient client(URI endpoint) {
        return SqsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(PLACEHOLDER_KEY, PLACEHOLDER_KEY)))
                .build();
    }

    /** The URL of a queue of the emulator at {@code endpoint}, in the {@code /account/name} form SQS uses. */
    public static String queueUrl(URI endpoint, String queueName) {
        return endpoint + "/" + ACCOUNT + "/" + queueName;
    }

    /** Messages in the queue, visible or in flight. */
    public static long depth(SqsClient client, String queueUrl) {
        Map<QueueAttributeName, String> attributes = client.getQueueAttributes(request -> request.queueUrl(queueUrl)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }
}
