package dev.tributary.adapters.gcp.pubsub;

import com.google.api.gax.batching.BatchingSettings;
import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.pubsub.v1.Publisher;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.sink.EventKey;
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

    @Override
    public String type() {
        return "gcp-pubsub";
    }

    @Override
    public EventSink create(SinkConfig config) {
        PubsubSinkSettings settings = PubsubSinkSettings.of(config);
        PubsubTransport transport = PubsubTransport.of(settings.emulator());
        try {
            Publisher publisher = transport.configure(Publisher.newBuilder(settings.topic()))
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
            return new PubsubSink(publisher, transport, settings, EventKey.NONE);
        } catch (IOException e) {
            transport.close();
            throw new UncheckedIOException("sink '" + config.name() + "': cannot create the Pub/Sub publisher", e);
        }
    }
}
