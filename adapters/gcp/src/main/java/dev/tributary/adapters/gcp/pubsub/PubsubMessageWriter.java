package dev.tributary.adapters.gcp.pubsub;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.CloudEventUtils;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.rw.CloudEventContextWriter;

/**
 * Writes a CloudEvent as a Pub/Sub message per the CloudEvents Google Cloud Pub/Sub protocol
 * binding, the inverse of {@link PubsubCloudEventsBinding}.
 *
 * <p>Binary mode: {@code ce-specversion} and a {@code ce-<name>} attribute per context attribute
 * and extension, in canonical string form (RFC 3339 times, base64 binary values, not
 * percent-encoded); {@code datacontenttype} is the {@code content-type} attribute; the message data
 * is the event data. Structured mode: {@code content-type: application/cloudevents+json} and the
 * event in the JSON format as data. Pure and thread-safe.
 *
 * @see <a href="https://github.com/cloudevents/spec/blob/main/cloudevents/bindings/pubsub-protocol-binding.md">Pub/Sub protocol binding</a>
 */
final class PubsubMessageWriter {

    private static final JsonFormat JSON = new JsonFormat();
    private static final String CONTENT_TYPE = "content-type";

    private PubsubMessageWriter() {
    }

    static PubsubMessage binary(CloudEvent event) {
        PubsubMessage.Builder message = PubsubMessage.newBuilder()
                .putAttributes("ce-specversion", event.getSpecVersion().toString());
        CloudEventUtils.toContextReader(event).readContext(new CloudEventContextWriter() {
            @Override
            public CloudEventContextWriter withContextAttribute(String name, String value) {
                message.putAttributes(name.equals("datacontenttype") ? CONTENT_TYPE : "ce-" + name, value);
                return this;
            }
        });
        if (event.getData() != null) {
            message.setData(ByteString.copyFrom(event.getData().toBytes()));
        }
        return message.build();
    }

    static PubsubMessage structured(CloudEvent event) {
        return PubsubMessage.newBuilder()
                .putAttributes(CONTENT_TYPE, JSON.serializedContentType())
                .setData(ByteString.copyFrom(JSON.serialize(event)))
                .build();
    }
}
