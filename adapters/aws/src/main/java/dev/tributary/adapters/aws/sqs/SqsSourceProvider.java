package dev.tributary.adapters.aws.sqs;

import dev.tributary.adapters.aws.envelope.InnerDocuments;
import dev.tributary.core.decode.NotificationDecoder;
import dev.tributary.core.mapping.SourceConfig;
import dev.tributary.core.source.Source;
import dev.tributary.core.source.SourceContext;
import dev.tributary.core.source.SourceProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Provides source type {@code aws-sqs}; credentials come from the SDK's default provider chain. */
public final class SqsSourceProvider implements SourceProvider {

    /** The region of the queue ARN of saved messages when the source names none: {@value}. */
    static final String ARN_REGION = "us-east-1";

    @Override
    public String type() {
        return "aws-sqs";
    }

    @Override
    public Source create(SourceConfig config, SourceContext context) {
        SqsSourceSettings settings = SqsSourceSettings.from(config);
        SqsClient client;
        try {
            client = SqsClients.build(settings, DefaultCredentialsProvider.builder().build());
        } catch (SdkClientException e) {
            throw new IllegalArgumentException("source '" + config.name() + "': cannot build the SQS client (set region, "
                    + "or AWS_REGION, when the queue URL names none): " + e.getMessage(), e);
        }
        return new SqsPullSource(settings, client, context);
    }

    /** Decodes a saved message body as the source would; the queue ARN is in the source's region, else {@value #ARN_REGION}. */
    @Override
    public NotificationDecoder decoder(SourceConfig config) {
        SqsSourceSettings settings = SqsSourceSettings.from(config);
        return new SqsPayloadDecoder(new SqsMessageDecoder(new InnerDocuments(settings.forwardTestEvents())),
                settings.queue().arn(settings.region().orElse(ARN_REGION)));
    }
}
