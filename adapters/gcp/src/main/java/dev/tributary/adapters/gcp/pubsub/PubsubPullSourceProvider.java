package dev.tributary.adapters.gcp.pubsub;

import static dev.tributary.core.mapping.OptionKind.POSITIVE_INTEGER;
import static dev.tributary.core.mapping.OptionKind.STRING;

import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.decode.NotificationDecoder;
import dev.tributary.core.mapping.ComponentType;
import dev.tributary.core.mapping.OptionSpec;
import dev.tributary.core.mapping.SourceConfig;
import dev.tributary.core.source.Source;
import dev.tributary.core.source.SourceContext;
import dev.tributary.core.source.SourceProvider;

/**
 * Provides source type {@code gcp-pubsub} (StreamingPull); its options are described on
 * {@link PullSettings}.
 */
public final class PubsubPullSourceProvider implements SourceProvider {

    static final ComponentType DECLARATION = ComponentType.of(
            "gcp-pubsub",
            "Pulls a Pub/Sub subscription (StreamingPull); a message is acked once its events are delivered "
                    + "or dead-lettered.",
            OptionSpec.required("subscription", STRING, "Pub/Sub subscription (projects/P/subscriptions/S)."),
            OptionSpec.optional("topic", STRING, "Pub/Sub topic (projects/P/topics/T), used as the event source."),
            OptionSpec.optional("endpoint", STRING, "Endpoint override as host:port (e.g. the Pub/Sub emulator)."),
            OptionSpec.optional("maxOutstandingMessages", POSITIVE_INTEGER, "Pub/Sub flow control: messages in flight.")
                    .withDefault(PullSettings.DEFAULT_MAX_OUTSTANDING_MESSAGES),
            OptionSpec.optional("maxOutstandingBytes", POSITIVE_INTEGER, "Pub/Sub flow control: bytes in flight.")
                    .withDefault(PullSettings.DEFAULT_MAX_OUTSTANDING_BYTES),
            OptionSpec.optional("parallelPullCount", POSITIVE_INTEGER, "Pub/Sub StreamingPull streams.")
                    .withDefault(PullSettings.DEFAULT_PARALLEL_PULL_COUNT),
            OptionSpec.optional(
                            "ackDeadlineSeconds",
                            POSITIVE_INTEGER,
                            "Pub/Sub lease per ack-deadline extension, seconds: a stopped replica's messages are "
                                    + "redelivered within it (default: the client library's 60 s stream deadline).")
                    .between(PullSettings.MIN_ACK_DEADLINE_SECONDS, PullSettings.MAX_ACK_DEADLINE_SECONDS));

    @Override
    public ComponentType declaration() {
        return DECLARATION;
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
    public NotificationDecoder<InboundPayload> decoder(SourceConfig config) {
        String topic = PullSettings.from(config)
                .topic()
                .orElseThrow(
                        () -> new IllegalArgumentException(
                                "source '" + config.name()
                                        + "': set 'topic' to decode saved messages (it is otherwise looked up from the subscription at start)"));
        return new PushDecoder(topic);
    }
}
