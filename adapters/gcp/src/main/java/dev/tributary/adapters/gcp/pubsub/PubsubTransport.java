package dev.tributary.adapters.gcp.pubsub;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How the Pub/Sub clients of one source or sink reach Pub/Sub: Google's endpoint with Application Default
 * Credentials, or an emulator's {@code host:port} over one plaintext gRPC channel without
 * credentials (the {@code PUBSUB_EMULATOR_HOST} convention). Owns that channel; {@link #close()}
 * shuts it down. Thread-safe.
 */
final class PubsubTransport implements AutoCloseable {

    private final ManagedChannel channel;

    private PubsubTransport(ManagedChannel channel) {
        this.channel = channel;
    }

    static PubsubTransport of(Optional<String> emulatorEndpoint) {
        return new PubsubTransport(emulatorEndpoint
                .map(target ->
                        ManagedChannelBuilder.forTarget(target).usePlaintext().build())
                .orElse(null));
    }

    Subscriber.Builder configure(Subscriber.Builder builder) {
        if (channel != null) {
            builder.setChannelProvider(channelProvider()).setCredentialsProvider(NoCredentialsProvider.create());
        }
        return builder;
    }

    Publisher.Builder configure(Publisher.Builder builder) {
        if (channel != null) {
            builder.setChannelProvider(channelProvider()).setCredentialsProvider(NoCredentialsProvider.create());
        }
        return builder;
    }

    SubscriptionAdminSettings adminSettings() throws IOException {
        SubscriptionAdminSettings.Builder builder = SubscriptionAdminSettings.newBuilder();
        if (channel != null) {
            builder.setTransportChannelProvider(channelProvider())
                    .setCredentialsProvider(NoCredentialsProvider.create());
        }
        return builder.build();
    }

    private FixedTransportChannelProvider channelProvider() {
        return FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.shutdown();
            try {
                channel.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
