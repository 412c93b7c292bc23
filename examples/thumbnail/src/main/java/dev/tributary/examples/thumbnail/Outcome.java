package dev.tributary.examples.thumbnail;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What handling one event did: a thumbnail was written, or the event was skipped for good. */
public sealed interface Outcome {

    /** The answer body for the event {@code eventId}, as both faces return it. */
    ObjectNode toJson(String eventId);

    private static ObjectNode answer(String eventId, String outcome) {
        return JsonNodeFactory.instance.objectNode().put("id", eventId).put("outcome", outcome);
    }

    /**
     * A thumbnail was stored.
     *
     * @param thumbnail where it was stored
     * @param size its size in bytes
     * @param width its width in pixels
     * @param height its height in pixels
     */
    record Written(ObjectRef thumbnail, long size, int width, int height) implements Outcome {
        @Override
        public ObjectNode toJson(String eventId) {
            return answer(eventId, "written")
                    .put("bucket", thumbnail.bucket())
                    .put("thumbnail", thumbnail.key())
                    .put("size", size)
                    .put("width", width)
                    .put("height", height);
        }
    }

    /**
     * Nothing was written, and retrying would not change that.
     *
     * @param reason why
     * @param detail a human-readable explanation
     */
    record Skipped(SkipReason reason, String detail) implements Outcome {
        @Override
        public ObjectNode toJson(String eventId) {
            return answer(eventId, "skipped").put("reason", reason.code()).put("detail", detail);
        }
    }
}
