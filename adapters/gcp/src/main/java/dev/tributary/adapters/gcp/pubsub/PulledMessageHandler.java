package dev.tributary.adapters.gcp.pubsub;

import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.pubsub.v1.PubsubMessage;
import dev.tributary.core.decode.DecodeException;
import dev.tributary.core.source.DispatchResult;
import dev.tributary.core.source.EventDispatch;
import io.cloudevents.CloudEvent;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles each pulled message: decode, dispatch, then ack once every event is delivered or
 * dead-lettered ({@link DispatchResult#isSafe()}), nack otherwise so that Pub/Sub redelivers it
 * under the subscription's retry policy. Until then the client library keeps extending the ack
 * deadline, so a sink that is being retried does not cause a redelivery.
 *
 * <p>A message that can never be decoded is nacked too, not acked: with a dead-letter topic on the
 * subscription it ends up there after the configured number of attempts, and nothing is lost
 * silently (without one it is redelivered until its retention expires; each attempt is logged).
 * Thread-safe: the client library calls it from several threads.
 */
final class PulledMessageHandler implements MessageReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(PulledMessageHandler.class);

    private final String sourceName;
    private final String subscription;
    private final String topic;
    private final PubsubMessageDecoder decoder = new PubsubMessageDecoder();
    private final EventDispatch dispatch;

    PulledMessageHandler(String sourceName, String subscription, String topic, EventDispatch dispatch) {
        this.sourceName = sourceName;
        this.subscription = subscription;
        this.topic = topic;
        this.dispatch = dispatch;
    }

    @Override
    public void receiveMessage(PubsubMessage message, AckReplyConsumer reply) {
        List<CloudEvent> events;
        try {
            events = decoder.decode(new PubsubEnvelope(topic, subscription, message));
        } catch (DecodeException e) {
            LOG.warn(
                    "source '{}': message {} can never be decoded, nacked for the dead-letter policy: {}",
                    sourceName,
                    message.getMessageId(),
                    e.getMessage());
            reply.nack();
            return;
        }
        try {
            dispatch.dispatch(sourceName, events, message.getAttributesMap())
                    .whenComplete((result, error) -> settle(message, reply, result, error));
        } catch (RuntimeException e) {
            settle(message, reply, null, e);
        }
    }

    private void settle(PubsubMessage message, AckReplyConsumer reply, DispatchResult result, Throwable error) {
        if (error == null && result != null && result.isSafe()) {
            reply.ack();
            return;
        }
        LOG.debug(
                "source '{}': message {} not delivered, nacked for redelivery: {}",
                sourceName,
                message.getMessageId(),
                error != null ? error.toString() : String.valueOf(result));
        reply.nack();
    }
}
