package dev.tributary.adapters.aws.lambda;

import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkReply;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Sink type {@code aws-lambda}: one {@code Invoke} call per delivery attempt, with the AWS SDK v2.
 *
 * <p>Outcomes map to the gateway's delivery rules: a function error ({@code FunctionError} /
 * {@code X-Amz-Function-Error}) is a failed, retriable delivery reported with the Invoke call's
 * status (200) and the error payload; a service error carries its HTTP status (429 throttling and
 * 5xx are retried, other 4xx dead-lettered); a transport error fails the stage. The SDK's own
 * retries are off, so Camel's redelivery policy is the only one. A structured CloudEvent returned
 * by a {@code RequestResponse} function is the reply (Knative reply semantics).
 *
 * <p>The SDK client is synchronous; calls run on this sink's own bounded pool, never on the
 * gateway's event loop or Camel threads. Thread-safe.
 */
final class LambdaSink implements EventSink {

    private static final JsonFormat JSON = new JsonFormat();

    private final LambdaClient client;
    private final ExecutorService calls;
    private final LambdaSinkSettings settings;

    LambdaSink(LambdaClient client, ExecutorService calls, LambdaSinkSettings settings) {
        this.client = client;
        this.calls = calls;
        this.settings = settings;
    }

    @Override
    public CompletionStage<SinkReply> send(CloudEvent event, Duration timeout) {
        SdkBytes payload = SdkBytes.fromByteArray(settings.dataOnly()
                ? (event.getData() == null ? new byte[0] : event.getData().toBytes())
                : JSON.serialize(event));
        return CompletableFuture.supplyAsync(() -> invoke(payload, timeout), calls);
    }

    private SinkReply invoke(SdkBytes payload, Duration timeout) {
        try {
            InvokeResponse response = client.invoke(request -> request
                    .functionName(settings.function())
                    .invocationType(settings.asynchronous() ? InvocationType.EVENT : InvocationType.REQUEST_RESPONSE)
                    .payload(payload)
                    .overrideConfiguration(c -> c.apiCallTimeout(timeout)));
            byte[] body = response.payload() == null ? new byte[0] : response.payload().asByteArray();
            boolean functionError = response.functionError() != null;
            Optional<CloudEvent> reply = functionError || settings.asynchronous() ? Optional.empty() : LambdaReplies.parse(body);
            return new SinkReply(response.statusCode(), truncated(body), Optional.empty(), functionError, reply);
        } catch (AwsServiceException e) {
            byte[] body = String.valueOf(e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return new SinkReply(e.statusCode(), truncated(body), Optional.empty(), false, Optional.empty());
        }
    }

    private static byte[] truncated(byte[] body) {
        return body.length > SinkReply.MAX_BODY ? Arrays.copyOf(body, SinkReply.MAX_BODY) : body;
    }

    @Override
    public String destination() {
        return settings.function();
    }

    @Override
    public void close() {
        calls.shutdown();
        client.close();
    }
}
