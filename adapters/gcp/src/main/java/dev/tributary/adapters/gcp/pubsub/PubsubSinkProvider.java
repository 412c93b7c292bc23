package dev.tributary.adapters.gcp.pubsub;

import static dev.tributary.core.mapping.OptionKind.STRING;

import com.google.api.gax.batching.BatchingSettings;
import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.pubsub.v1.Publisher;
import dev.tributary.core.mapping.ComponentType;
import dev.tributary.core.mapping.OptionSpec;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.provider.GatewayServices;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Provides sink type {@code gcp-pubsub}: a {@link Publisher} per sink (Application Default
 * Credentials, or an emulator's plaintext channel; see {@link PubsubTransport}) with message
 * ordering enabled, one attempt per publish (no client retries), batches of up to 100 messages
 * sent within {@value #BATCH_DELAY_MILLIS} ms; no event key.
 */
public final class PubsubSinkProvider implements SinkProvider {

    /** How long the publisher waits to fill a batch. */
    static final long BATCH_DELAY_MILLIS = 5;

    static final ComponentType DECLARATION = ComponentType.of(
            "gcp-pubsub",
            "Publishes each event to a Pub/Sub topic per the CloudEvents Pub/Sub binding; published is delivered.",
            OptionSpec.required("topic", STRING, "Pub/Sub topic (projects/P/topics/T) to publish to."),
            OptionSpec.optional("endpoint", STRING, "Endpoint override as host:port (e.g. the Pub/Sub emulator)."),
            OptionSpec.oneOf(
                            "mode",
                            "binary (ce- attributes, the data as message data) or structured (the CloudEvent JSON).",
                            "binary",
                            "structured")
                    .withDefault("binary"));

    @Override
    public ComponentType declaration() {
        return DECLARATION;
    }

    @Override
    public EventSink create(SinkConfig config, GatewayServices services) {
        PubsubSinkSettings settings = PubsubSinkSettings.of(config);
        PubsubTransport transport = PubsubTransport.of(settings.emulator());
        try {
            Publisher publisher = transport
                    .configure(Publisher.newBuilder(settings.topic()))
                    .setEnableMessageOrdering(true)
                    .setRetrySettings(RetrySettings.newBuilder()
                            .setMaxAttempts(1)
                            .setTotalTimeoutDuration(Duration.ofMinutes(1))
                            .setInitialRpcTimeoutDuration(Duration.ofMinutes(1))
                            .setMaxRpcTimeoutDuration(Duration.ofMinutes(1))
                            .setRpcTimeoutMultiplier(1)
                            .build())
                    .setBatchingSettings(BatchingSettings.newBuilder()
                            .setElementCountThreshold(100L)
                            .setRequestByteThreshold(1_000_000L)
                            .setDelayThresholdDuration(Duration.ofMillis(BATCH_DELAY_MILLIS))
                            .build())
                    .build();
            return new PubsubSink(publisher, transport, settings);
        } catch (IOException e) {
            transport.close();
            throw new UncheckedIOException("sink '" + config.name() + "': cannot create the Pub/Sub publisher", e);
        }
    }
}
