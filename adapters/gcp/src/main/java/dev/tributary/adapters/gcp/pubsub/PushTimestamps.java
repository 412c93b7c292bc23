package dev.tributary.adapters.gcp.pubsub;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import dev.tributary.core.decode.DecodeException;
import java.text.ParseException;

/** Parses the RFC 3339 publish times that pushes carry. Stateless and thread-safe. */
final class PushTimestamps {

    private PushTimestamps() {}

    /**
     * Parses a publish time.
     *
     * @throws DecodeException naming {@code where} when the text is not an RFC 3339 timestamp
     */
    static Timestamp parse(String text, String where) {
        try {
            return Timestamps.parse(text);
        } catch (ParseException e) {
            throw DecodeException.malformed(where + " '" + text + "' is not an RFC 3339 timestamp");
        }
    }
}
