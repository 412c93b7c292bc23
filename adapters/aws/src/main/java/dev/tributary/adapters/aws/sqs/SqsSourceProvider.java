package dev.tributary.adapters.aws.sqs;

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

    @Override
    public String type() {
        return "aws-sqs";
    }

    @Override
    public Source create(SourceConfig config, SourceContext context) {
        SqsSourceSettings settings = SqsSourceSettings.from(config);
        StoppablePolls polls = new StoppablePolls(UrlConnectionHttpClient.create());
        SqsClient client;
        try {
            client = SqsClients.build(settings, DefaultCredentialsProvider.builder().build(), polls);
        } catch (SdkClientException e) {
            throw new IllegalArgumentException("source '" + config.name() + "': cannot build the SQS client (set region, "
                    + "or AWS_REGION, when the queue URL names none): " + e.getMessage(), e);
        }
        return new SqsPullSource(settings, client, polls, context);
    }
}
