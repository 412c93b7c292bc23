package dev.tributary.adapters.gcp.pubsub;

import com.google.api.core.ApiFutureCallback;
import com.google.api.core.ApiFutures;
import com.google.api.gax.rpc.ApiException;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.pubsub.v1.PubsubMessage;
import dev.tributary.core.flow.PartitionKey;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkReply;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Sink type {@code gcp-pubsub}: publishes each event with the client library's {@link Publisher}
 * ({@link PubsubMessageWriter} writes the message). Published is delivered: the attempt succeeds
 * once Pub/Sub returned the message id. The publisher batches messages sent together (a batch goes
 * out within {@value PubsubSinkProvider#BATCH_DELAY_MILLIS} ms); each event's attempt still
 * completes on its own outcome. The publisher's own retries are off, so the route's redelivery
 * policy is the only one.
 *
 * <p>A failed publish answers the gRPC status as its HTTP mapping (RESOURCE_EXHAUSTED → 429 and
 * UNAVAILABLE → 503 retried with backoff, PERMISSION_DENIED → 403 and INVALID_ARGUMENT → 400
 * dead-lettered at once); any other failure, or no answer within the attempt's timeout, fails the
 * attempt. An event with an ordering key ({@link PartitionKey}) is published with it as ordering key; after a
 * failure the key is resumed so the route's retry can publish it again. Thread-safe.
 */
final class PubsubSink implements EventSink {

    private final Publisher publisher;
    private final PubsubTransport transport;
    private final PubsubSinkSettings settings;

    PubsubSink(Publisher publisher, PubsubTransport transport, PubsubSinkSettings settings) {
        this.publisher = publisher;
        this.transport = transport;
        this.settings = settings;
    }

    @Override
    public CompletionStage<SinkReply> send(CloudEvent event, Duration timeout) {
        PubsubMessage.Builder message = (settings.structured()
                        ? PubsubMessageWriter.structured(event)
                        : PubsubMessageWriter.binary(event))
                .toBuilder();
        Optional<String> orderingKey = PartitionKey.of(event);
        orderingKey.ifPresent(message::setOrderingKey);
        CompletableFuture<SinkReply> attempt = new CompletableFuture<>();
        ApiFutures.addCallback(
                publisher.publish(message.build()),
                new ApiFutureCallback<>() {
                    @Override
                    public void onSuccess(String messageId) {
                        attempt.complete(SinkReply.of(200));
                    }

                    @Override
                    public void onFailure(Throwable failure) {
                        orderingKey.ifPresent(publisher::resumePublish);
                        if (failure instanceof ApiException api) {
                            attempt.complete(new SinkReply(
                                    api.getStatusCode().getCode().getHttpStatusCode(),
                                    (api.getStatusCode().getCode() + ": " + api.getMessage())
                                            .getBytes(StandardCharsets.UTF_8),
                                    Optional.empty(),
                                    false,
                                    Optional.empty()));
                        } else {
                            attempt.completeExceptionally(failure);
                        }
                    }
                },
                MoreExecutors.directExecutor());
        return attempt.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public String destination() {
        return settings.topic().toString();
    }

    @Override
    public void close() {
        publisher.shutdown();
        try {
            publisher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        transport.close();
    }
}
