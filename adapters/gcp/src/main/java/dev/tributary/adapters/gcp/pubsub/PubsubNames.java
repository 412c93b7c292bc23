package dev.tributary.adapters.gcp.pubsub;

import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.TopicName;
import dev.tributary.core.mapping.SourceConfig;

/** Validation of Pub/Sub resource names in source options. Stateless. */
final class PubsubNames {

    private PubsubNames() {}

    /**
     * A topic option's value, checked to be a full topic name.
     *
     * @throws IllegalArgumentException naming the source when it is not {@code projects/P/topics/T}
     */
    static String topic(SourceConfig config, String topic) {
        if (topic == null || !TopicName.isParsableFrom(topic)) {
            throw invalid(config, "topic '" + topic + "' is not a full topic name (projects/PROJECT/topics/TOPIC)");
        }
        return topic;
    }

    /**
     * A subscription option's value, checked to be a full subscription name.
     *
     * @throws IllegalArgumentException naming the source when it is not {@code projects/P/subscriptions/S}
     */
    static String subscription(SourceConfig config, String subscription) {
        if (subscription == null || !ProjectSubscriptionName.isParsableFrom(subscription)) {
            throw invalid(
                    config,
                    "subscription '" + subscription
                            + "' is not a full subscription name (projects/PROJECT/subscriptions/SUBSCRIPTION)");
        }
        return subscription;
    }

    /** The exception for an unworkable option, naming the source. */
    static IllegalArgumentException invalid(SourceConfig config, String problem) {
        return new IllegalArgumentException("source '" + config.name() + "' (" + config.type() + "): " + problem);
    }
}
