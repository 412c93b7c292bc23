package dev.tributary.adapters.gcp.pubsub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.util.Timestamps;
import com.google.pubsub.v1.PubsubMessage;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.TreeMap;

/**
 * Builds {@code google.cloud.pubsub.topic.v1.messagePublished} events, as Eventarc does.
 *
 * <p>{@code source} is {@code //pubsub.googleapis.com/} + topic, there is no {@code subject}, and
 * {@code data} is {@code MessagePublishedData} JSON: {@code {"message":{"data","attributes",
 * "messageId","publishTime","orderingKey"?},"subscription"?}}. The message data is base64 whatever
 * its content, and every attribute is kept, so nothing of the message is lost. {@code publishTime}
 * is written in the form Pub/Sub's own JSON uses (UTC, 0, 3, 6 or 9 fractional digits), so pulled
 * and pushed copies of a message give byte-identical data. Stateless and thread-safe.
 *
 * @see <a href="https://github.com/googleapis/google-cloudevents/blob/main/proto/google/events/cloud/pubsub/v1/data.proto">MessagePublishedData</a>
 */
final class MessagePublishedEvents {

    static final String TYPE = "google.cloud.pubsub.topic.v1.messagePublished";
    private static final String SOURCE_PREFIX = "//pubsub.googleapis.com/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MessagePublishedEvents() {}

    static CloudEvent toEvent(PubsubEnvelope envelope) {
        PubsubMessage message = envelope.message();
        CloudEventBuilder builder = PubsubMessages.eventBuilder(message);
        ObjectNode data = JSON.createObjectNode();
        data.set("message", messageJson(message));
        if (envelope.subscription() != null) {
            data.put("subscription", envelope.subscription());
        }
        return builder.withType(TYPE)
                .withSource(PubsubMessages.sourceUri(SOURCE_PREFIX + envelope.topic(), "topic"))
                .withDataContentType("application/json")
                .withData(data.toString().getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private static ObjectNode messageJson(PubsubMessage message) {
        ObjectNode json = JSON.createObjectNode();
        json.put("data", Base64.getEncoder().encodeToString(message.getData().toByteArray()));
        ObjectNode attributes = json.putObject("attributes");
        new TreeMap<>(message.getAttributesMap()).forEach(attributes::put);
        json.put("messageId", message.getMessageId());
        json.put("publishTime", Timestamps.toString(message.getPublishTime()));
        if (!message.getOrderingKey().isEmpty()) {
            json.put("orderingKey", message.getOrderingKey());
        }
        return json;
    }
}
