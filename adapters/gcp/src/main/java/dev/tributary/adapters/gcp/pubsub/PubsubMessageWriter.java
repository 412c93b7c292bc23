package dev.tributary.adapters.gcp.pubsub;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import dev.tributary.core.binding.AttributeBinding;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;

/**
 * Writes a CloudEvent as a Pub/Sub message per the CloudEvents Google Cloud Pub/Sub protocol
 * binding, the inverse of {@link PubsubCloudEventsBinding}.
 *
 * <p>Binary mode: the attributes of {@link AttributeBinding#write} ({@code ce-} attributes in
 * canonical string form, {@code content-type}); the message data is the event data. Structured mode: {@code content-type: application/cloudevents+json} and the
 * event in the JSON format as data. Pure and thread-safe.
 *
 * @see <a href="https://github.com/cloudevents/spec/blob/main/cloudevents/bindings/pubsub-protocol-binding.md">Pub/Sub protocol binding</a>
 */
final class PubsubMessageWriter {

    private static final JsonFormat JSON = new JsonFormat();

    private PubsubMessageWriter() {}

    static PubsubMessage binary(CloudEvent event) {
        PubsubMessage.Builder message = PubsubMessage.newBuilder().putAllAttributes(AttributeBinding.write(event));
        if (event.getData() != null) {
            message.setData(ByteString.copyFrom(event.getData().toBytes()));
        }
        return message.build();
    }

    static PubsubMessage structured(CloudEvent event) {
        return PubsubMessage.newBuilder()
                .putAttributes(AttributeBinding.CONTENT_TYPE, JSON.serializedContentType())
                .setData(ByteString.copyFrom(JSON.serialize(event)))
                .build();
    }
}
