package dev.tributary.adapters.gcp.pubsub;

import dev.tributary.core.decode.NotificationDecoder;
import dev.tributary.core.mapping.SourceConfig;
import dev.tributary.core.source.Source;
import dev.tributary.core.source.SourceContext;
import dev.tributary.core.source.SourceProvider;

/**
 * Provides source type {@code gcp-pubsub} (StreamingPull); its options are described on
 * {@link PullSettings}.
 */
public final class PubsubPullSourceProvider implements SourceProvider {

    @Override
    public String type() {
        return "gcp-pubsub";
    }

    /** @throws IllegalArgumentException naming the source and option when an option is unusable */
    @Override
    public Source create(SourceConfig config, SourceContext context) {
        return new PubsubPullSource(PullSettings.from(config), context.dispatch());
    }

    /**
     * Decodes a saved message with the decoder pulled messages go through; the message is given in
     * the JSON form of a push request ({@code {"message": {"data": ..., "attributes": ..., "messageId":
     * ..., "publishTime": ...}}}), which holds the same fields, and the source must name its {@code topic}.
     */
    @Override
    public NotificationDecoder decoder(SourceConfig config) {
        String topic = PullSettings.from(config).topic().orElseThrow(() -> new IllegalArgumentException(
                "source '" + config.name() + "': set 'topic' to decode saved messages (it is otherwise looked up from the subscription at start)"));
        return new PushDecoder(topic);
    }
}
