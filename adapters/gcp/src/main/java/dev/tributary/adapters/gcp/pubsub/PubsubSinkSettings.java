package dev.tributary.adapters.gcp.pubsub;

import com.google.pubsub.v1.TopicName;
import dev.tributary.core.mapping.SinkConfig;
import java.util.Optional;

/**
 * The options of a {@code gcp-pubsub} sink.
 *
 * @param topic {@code topic}: {@code projects/PROJECT/topics/TOPIC}
 * @param emulator {@code endpoint}: an emulator's {@code host:port}; absent, Google's endpoint with
 *     Application Default Credentials
 * @param structured {@code mode: structured}; the default is binary ({@code ce-} attributes), the
 *     binding's mode that lets Pub/Sub filters and Eventarc match on attributes
 */
record PubsubSinkSettings(TopicName topic, Optional<String> emulator, boolean structured) {

    /** @throws IllegalArgumentException naming the sink when the topic is not a full topic name */
    static PubsubSinkSettings of(SinkConfig config) {
        String topic = config.options().string("topic").orElseThrow();
        if (!TopicName.isParsableFrom(topic)) {
            throw new IllegalArgumentException("sink '" + config.name() + "': topic '" + topic
                    + "' is not a topic name like projects/my-project/topics/my-topic");
        }
        return new PubsubSinkSettings(
                TopicName.parse(topic),
                config.options().string("endpoint"),
                config.options().string("mode").orElse("binary").equals("structured"));
    }
}
