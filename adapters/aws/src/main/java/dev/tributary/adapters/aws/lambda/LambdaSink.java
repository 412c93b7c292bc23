package dev.tributary.adapters.aws.lambda;

import dev.tributary.adapters.aws.sink.AwsCalls;
import dev.tributary.adapters.aws.sink.AwsSink;
import dev.tributary.core.sink.SinkReply;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Sink type {@code aws-lambda}: one {@code Invoke} call per delivery attempt, with the AWS SDK v2.
 *
 * <p>Outcomes map to the gateway's delivery rules: a function error ({@code FunctionError} /
 * {@code X-Amz-Function-Error}) is a failed, retriable delivery reported with the Invoke call's
 * status (200) and the error payload; service and transport errors are classified by
 * {@link AwsCalls}. The SDK's own retries are off, so Camel's redelivery policy is the only one. A
 * structured CloudEvent returned by a {@code RequestResponse} function is the reply (Knative reply
 * semantics).
 *
 * <p>The SDK client is synchronous; calls run on the sink's {@link AwsCalls} pool. Thread-safe.
 */
final class LambdaSink implements AwsSink.Call {

    private static final JsonFormat JSON = new JsonFormat();

    private final LambdaClient client;
    private final LambdaSinkSettings settings;

    LambdaSink(LambdaClient client, LambdaSinkSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    @Override
    public Supplier<SinkReply> prepare(CloudEvent event, Duration timeout) {
        SdkBytes payload = SdkBytes.fromByteArray(
                settings.dataOnly()
                        ? (event.getData() == null
                                ? new byte[0]
                                : event.getData().toBytes())
                        : JSON.serialize(event));
        return () -> invoke(payload, timeout);
    }

    private SinkReply invoke(SdkBytes payload, Duration timeout) {
        InvokeResponse response = client.invoke(request -> request.functionName(settings.function())
                .invocationType(settings.asynchronous() ? InvocationType.EVENT : InvocationType.REQUEST_RESPONSE)
                .payload(payload)
                .overrideConfiguration(c -> c.apiCallTimeout(timeout)));
        byte[] body =
                response.payload() == null ? new byte[0] : response.payload().asByteArray();
        boolean functionError = response.functionError() != null;
        Optional<CloudEvent> reply =
                functionError || settings.asynchronous() ? Optional.empty() : LambdaReplies.parse(body);
        return new SinkReply(response.statusCode(), AwsCalls.truncated(body), Optional.empty(), functionError, reply);
    }
}
