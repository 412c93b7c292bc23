package dev.tributary.adapters.aws.sqs;

import static dev.tributary.core.mapping.OptionKind.BOOLEAN;
import static dev.tributary.core.mapping.OptionKind.POSITIVE_INTEGER;
import static dev.tributary.core.mapping.OptionKind.STRING;

import dev.tributary.adapters.aws.envelope.InnerDocuments;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.decode.NotificationDecoder;
import dev.tributary.core.mapping.ComponentType;
import dev.tributary.core.mapping.OptionSpec;
import dev.tributary.core.mapping.SourceConfig;
import dev.tributary.core.source.Source;
import dev.tributary.core.source.SourceContext;
import dev.tributary.core.source.SourceProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Provides source type {@code aws-sqs}; credentials come from the SDK's default provider chain. */
public final class SqsSourceProvider implements SourceProvider {

    /** The region of the queue ARN of saved messages when the source names none: {@value}. */
    static final String ARN_REGION = "us-east-1";

    static final ComponentType DECLARATION = ComponentType.of(
            "aws-sqs",
            "Polls an SQS queue (S3 notifications direct or via SNS/EventBridge, or any message); "
                    + "a message is deleted once its events are delivered or dead-lettered.",
            OptionSpec.required("queueUrl", STRING, "SQS queue URL to poll."),
            OptionSpec.optional("region", STRING, "AWS region (default: the standard provider chain)."),
            OptionSpec.optional("endpoint", STRING, "Endpoint override URL (emulators, VPC endpoints)."),
            OptionSpec.optional("concurrency", POSITIVE_INTEGER, "Parallel SQS pollers.")
                    .withDefault(SqsSourceSettings.DEFAULT_CONCURRENCY),
            OptionSpec.optional("waitTimeSeconds", POSITIVE_INTEGER, "SQS long-polling wait, seconds.")
                    .between(1, SqsSourceSettings.MAX_WAIT_TIME_SECONDS)
                    .withDefault(SqsSourceSettings.DEFAULT_WAIT_TIME_SECONDS),
            OptionSpec.optional(
                            "visibilityTimeout",
                            POSITIVE_INTEGER,
                            "SQS visibility timeout, seconds; renewed while a message's events are being delivered.")
                    .between(1, SqsSourceSettings.MAX_VISIBILITY_TIMEOUT)
                    .withDefault(SqsSourceSettings.DEFAULT_VISIBILITY_TIMEOUT),
            OptionSpec.optional(
                            "forwardTestEvents",
                            BOOLEAN,
                            "Forward S3 s3:TestEvent messages as com.amazonaws.s3.TestEvent instead of dropping them.")
                    .withDefault(false));

    @Override
    public ComponentType declaration() {
        return DECLARATION;
    }

    @Override
    public Source create(SourceConfig config, SourceContext context) {
        SqsSourceSettings settings = SqsSourceSettings.from(config);
        StoppablePolls polls = new StoppablePolls(UrlConnectionHttpClient.create());
        SqsClient client;
        try {
            client = SqsClients.build(
                    settings, DefaultCredentialsProvider.builder().build(), polls);
        } catch (SdkClientException e) {
            throw new IllegalArgumentException(
                    "source '" + config.name() + "': cannot build the SQS client (set region, "
                            + "or AWS_REGION, when the queue URL names none): " + e.getMessage(),
                    e);
        }
        return new SqsPullSource(settings, client, polls, context);
    }

    /** Decodes a saved message body as the source would; the queue ARN is in the source's region, else {@value #ARN_REGION}. */
    @Override
    public NotificationDecoder<InboundPayload> decoder(SourceConfig config) {
        SqsSourceSettings settings = SqsSourceSettings.from(config);
        return new SqsPayloadDecoder(
                new SqsMessageDecoder(new InnerDocuments(settings.forwardTestEvents())),
                settings.queue().arn(settings.region().orElse(ARN_REGION)));
    }
}
