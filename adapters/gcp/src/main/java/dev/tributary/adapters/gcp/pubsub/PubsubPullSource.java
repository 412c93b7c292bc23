package dev.tributary.adapters.gcp.pubsub;

import com.google.api.core.ApiService;
import com.google.api.gax.batching.FlowControlSettings;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.cloud.pubsub.v1.SubscriberShutdownSettings;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.common.util.concurrent.MoreExecutors;
import dev.tributary.core.source.EventDispatch;
import dev.tributary.core.source.PullSource;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Source type {@code gcp-pubsub}: consumes a subscription with the client library's StreamingPull
 * {@link Subscriber} and hands each message to {@link PulledMessageHandler}.
 *
 * <p>Flow control bounds the messages (and bytes) received but not yet acked or nacked, so a slow
 * sink slows the pull instead of filling memory. Ack deadlines are extended for up to {@value
 * #MAX_ACK_EXTENSION_MINUTES} minutes while a message's delivery is still being retried, each extension
 * lasting at most {@code ackDeadlineSeconds} when that option is set (so a replica that dies without
 * nacking holds its messages no longer than that; by default the client's 60 s). When the
 * {@code topic} option is absent, the topic (needed for the events' {@code source}) is read once
 * from the subscription at {@link #start()}. {@link #close()} waits up to {@value
 * #SHUTDOWN_GRACE_SECONDS} seconds for deliveries under way; messages still unsettled then are
 * redelivered later. {@code start} and {@code close} are called once each, from one thread.
 */
final class PubsubPullSource implements PullSource {

    static final int MAX_ACK_EXTENSION_MINUTES = 60;
    static final int SHUTDOWN_GRACE_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(PubsubPullSource.class);

    private final PullSettings settings;
    private final EventDispatch dispatch;
    private PubsubTransport transport;
    private volatile Subscriber subscriber;

    PubsubPullSource(PullSettings settings, EventDispatch dispatch) {
        this.settings = settings;
        this.dispatch = dispatch;
    }

    /**
     * Opens the streams.
     *
     * @throws IllegalStateException when the topic cannot be looked up or the subscriber fails to start
     */
    @Override
    public void start() throws IOException {
        transport = PubsubTransport.of(settings.endpoint());
        try {
            String topic = settings.topic().isPresent() ? settings.topic().get() : lookUpTopic();
            subscriber = subscriber(topic);
            subscriber.startAsync().awaitRunning();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The subscriber's failure once it stopped for good (e.g. its subscription was deleted). */
    @Override
    public Optional<String> problem() {
        Subscriber current = subscriber;
        return current != null && current.state() == ApiService.State.FAILED
                ? Optional.of("StreamingPull failed: " + current.failureCause().getMessage())
                : Optional.empty();
    }

    private Subscriber subscriber(String topic) {
        Subscriber.Builder builder = transport
                .configure(Subscriber.newBuilder(
                        settings.subscription(),
                        new PulledMessageHandler(settings.sourceName(), settings.subscription(), topic, dispatch)))
                .setFlowControlSettings(FlowControlSettings.newBuilder()
                        .setMaxOutstandingElementCount(settings.maxOutstandingMessages())
                        .setMaxOutstandingRequestBytes(settings.maxOutstandingBytes())
                        .build())
                .setParallelPullCount(settings.parallelPullCount())
                .setMaxAckExtensionPeriodDuration(Duration.ofMinutes(MAX_ACK_EXTENSION_MINUTES))
                .setSubscriberShutdownSettings(SubscriberShutdownSettings.newBuilder()
                        .setMode(SubscriberShutdownSettings.ShutdownMode.WAIT_FOR_PROCESSING)
                        .setTimeout(Duration.ofSeconds(SHUTDOWN_GRACE_SECONDS))
                        .build());
        // the client sends this as the stream's ack deadline and extends leases by at most this much,
        // so what a dead replica held expires within it
        settings.ackDeadlineSeconds()
                .ifPresent(seconds -> builder.setMaxDurationPerAckExtensionDuration(Duration.ofSeconds(seconds)));
        Subscriber built = builder.build();
        built.addListener(
                new ApiService.Listener() {
                    @Override
                    public void failed(ApiService.State from, Throwable failure) {
                        LOG.error(
                                "source '{}': pulling {} stopped: {}",
                                settings.sourceName(),
                                settings.subscription(),
                                failure.toString());
                    }
                },
                MoreExecutors.directExecutor());
        return built;
    }

    private String lookUpTopic() throws IOException {
        try (SubscriptionAdminClient admin = SubscriptionAdminClient.create(transport.adminSettings())) {
            return admin.getSubscription(settings.subscription()).getTopic();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "source '" + settings.sourceName() + "': cannot read the topic of " + settings.subscription() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    @Override
    public void close() {
        if (subscriber != null) {
            try {
                subscriber.stopAsync().awaitTerminated(SHUTDOWN_GRACE_SECONDS + 5, TimeUnit.SECONDS);
            } catch (TimeoutException | IllegalStateException e) {
                LOG.warn("source '{}': subscriber did not stop cleanly: {}", settings.sourceName(), e.toString());
            }
        }
        if (transport != null) {
            transport.close();
        }
    }
}
