package dev.tributary.adapters.aws.s3;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Typed reads of one record of an S3 event notification, straight from its JSON tree: the fields
 * the decoders need, addressed by dotted path ({@code s3.bucket.name}), as documented in
 * <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html">the
 * event message structure</a>. Reading the tree the caller already parsed avoids the second parse
 * and re-serialization an SDK model would need (measured in {@code bench/}). Immutable.
 *
 * @param json the record as S3 wrote it
 */
record S3Record(JsonNode json) {

    /** The string at {@code path}, when present and non-empty. */
    Optional<String> text(String path) {
        JsonNode node = at(path);
        return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }

    /** The number at {@code path}, when present and integral. */
    Optional<Long> number(String path) {
        JsonNode node = at(path);
        return node.canConvertToExactIntegral() ? Optional.of(node.asLong()) : Optional.empty();
    }

    /** The node at a dotted path; a missing node when any step is absent. */
    private JsonNode at(String path) {
        JsonNode node = json;
        for (String field : path.split("\\.")) {
            node = node.path(field);
        }
        return node;
    }

    /**
     * The object key as S3 names it: S3 sends keys form-URL-encoded ({@code +} for a space).
     *
     * @throws IllegalArgumentException when the key is not URL-encoded correctly
     */
    static String decodeKey(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}
