package dev.tributary.adapters.gcp.pubsub;

import com.google.api.core.ApiFuture;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PushConfig;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.TopicName;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The test's side of a running {@link PubsubEmulator}, in one project: topics, pull subscriptions
 * and publishing, over one plaintext gRPC channel without credentials. {@link #close()} closes the
 * clients and the channel, not the emulator. Thread-safe as the client library's clients are.
 */
public final class EmulatorTopics implements AutoCloseable {

    private final String project;
    private final ManagedChannel channel;
    private final TopicAdminClient topics;
    private final SubscriptionAdminClient subscriptions;

    public EmulatorTopics(PubsubEmulator emulator, String project) throws IOException {
        this.project = project;
        channel = ManagedChannelBuilder.forTarget(emulator.endpoint())
                .usePlaintext()
                .build();
        topics = TopicAdminClient.create(TopicAdminSettings.newBuilder()
                .setTransportChannelProvider(channelProvider())
                .setCredentialsProvider(NoCredentialsProvider.create())
                .build());
        subscriptions = SubscriptionAdminClient.create(SubscriptionAdminSettings.newBuilder()
                .setTransportChannelProvider(channelProvider())
                .setCredentialsProvider(NoCredentialsProvider.create())
                .build());
    }

    /** The full name {@code projects/P/topics/topicId}. */
    public String topic(String topicId) {
        return "projects/" + project + "/topics/" + topicId;
    }

    /** The full name {@code projects/P/subscriptions/subscriptionId}. */
    public String subscription(String subscriptionId) {
        return "projects/" + project + "/subscriptions/" + subscriptionId;
    }

    /**
     * Creates topic {@code topicId} and a pull subscription {@code topicId + "-pull"} on it with the
     * given ack deadline, with or without message ordering; returns the subscription's full name.
     * (With ordering, the emulator redelivers many messages of an unordered backlog that two clients
     * share, duplicates a test of competing consumers would count.)
     */
    public String subscribe(String topicId, int ackDeadlineSeconds, boolean ordered) {
        topics.createTopic(topic(topicId));
        String subscription = subscription(topicId + "-pull");
        subscriptions.createSubscription(Subscription.newBuilder()
                .setName(subscription)
                .setTopic(topic(topicId))
                .setPushConfig(PushConfig.getDefaultInstance())
                .setAckDeadlineSeconds(ackDeadlineSeconds)
                .setEnableMessageOrdering(ordered)
                .build());
        return subscription;
    }

    /** Publishes the messages at once and returns their message ids, in order, once all are stored. */
    public List<String> publish(String topicId, List<PubsubMessage> messages) throws Exception {
        Publisher publisher = Publisher.newBuilder(TopicName.parse(topic(topicId)))
                .setChannelProvider(channelProvider())
                .setCredentialsProvider(NoCredentialsProvider.create())
                .build();
        try {
            List<ApiFuture<String>> futures = new ArrayList<>();
            messages.forEach(message -> futures.add(publisher.publish(message)));
            List<String> ids = new ArrayList<>();
            for (ApiFuture<String> future : futures) {
                ids.add(future.get(30, TimeUnit.SECONDS));
            }
            return ids;
        } finally {
            publisher.shutdown();
            publisher.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** The admin client, for what {@link #subscribe} does not cover. */
    public TopicAdminClient topics() {
        return topics;
    }

    /** The admin client, for what {@link #subscribe} does not cover (e.g. a synchronous pull). */
    public SubscriptionAdminClient subscriptions() {
        return subscriptions;
    }

    /** The channel, for a client the test builds itself (e.g. an ordering publisher). */
    public TransportChannelProvider channelProvider() {
        return FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
    }

    @Override
    public void close() throws InterruptedException {
        subscriptions.close();
        topics.close();
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
