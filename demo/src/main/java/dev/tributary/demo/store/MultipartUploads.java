package dev.tributary.demo.store;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Multipart uploads in progress: created, given parts, then completed into one object or aborted.
 * The completed object's ETag is S3's: the MD5 of the concatenated binary MD5s of the parts, hex,
 * then {@code -} and the number of parts. Thread-safe.
 */
final class MultipartUploads {

    /** Why a multipart request fails: S3's error code and HTTP status. */
    static final class MultipartException extends Exception {
        final int status;
        final String code;

        MultipartException(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    /** A completed upload: the object's bytes, its multipart ETag (quoted) and the size of each part, in order. */
    record Completed(byte[] bytes, String contentType, String etag, List<Integer> partSizes) {}

    record Upload(String bucket, String key, String contentType, Map<Integer, byte[]> parts) {}

    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();

    /** Starts an upload; its id. */
    String create(String bucket, String key, String contentType) {
        String id = UUID.randomUUID().toString().replace("-", "");
        uploads.put(id, new Upload(bucket, key, contentType, new ConcurrentSkipListMap<>()));
        return id;
    }

    /** Stores a part (replacing one of the same number); its ETag, quoted. */
    String putPart(String uploadId, String bucket, String key, int partNumber, byte[] bytes) throws MultipartException {
        if (partNumber < 1 || partNumber > 10_000) {
            throw new MultipartException(
                    400, "InvalidArgument", "Part number must be an integer between 1 and 10000, inclusive");
        }
        require(uploadId, bucket, key).parts().put(partNumber, bytes);
        return "\"" + HexFormat.of().formatHex(md5(bytes)) + "\"";
    }

    /**
     * Completes an upload from the listed parts, in ascending order, each with its ETag as given by {@link #putPart}.
     *
     * @param listed part number to ETag, in the order of the request
     */
    Completed complete(String uploadId, String bucket, String key, List<Map.Entry<Integer, String>> listed)
            throws MultipartException {
        Upload upload = require(uploadId, bucket, key);
        if (listed.isEmpty()) {
            throw new MultipartException(400, "MalformedXML", "You must specify at least one part");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteArrayOutputStream digests = new ByteArrayOutputStream();
        List<Integer> sizes = new ArrayList<>();
        int previous = 0;
        for (Map.Entry<Integer, String> part : listed) {
            if (part.getKey() <= previous) {
                throw new MultipartException(400, "InvalidPartOrder", "The list of parts was not in ascending order");
            }
            previous = part.getKey();
            byte[] data = upload.parts().get(part.getKey());
            byte[] digest = data == null ? null : md5(data);
            if (digest == null
                    || !part.getValue()
                            .replace("\"", "")
                            .equalsIgnoreCase(HexFormat.of().formatHex(digest))) {
                throw new MultipartException(
                        400, "InvalidPart", "part " + part.getKey() + " was not uploaded, or its ETag differs");
            }
            bytes.writeBytes(data);
            digests.writeBytes(digest);
            sizes.add(data.length);
        }
        uploads.remove(uploadId);
        String etag = "\"" + HexFormat.of().formatHex(md5(digests.toByteArray())) + "-" + listed.size() + "\"";
        return new Completed(bytes.toByteArray(), upload.contentType(), etag, List.copyOf(sizes));
    }

    /** Drops an upload and its parts. */
    void abort(String uploadId) {
        uploads.remove(uploadId);
    }

    /**
     * The upload in progress with this id, for this object.
     *
     * @throws MultipartException {@code NoSuchUpload} (404) when there is none: never started, completed or aborted
     */
    Upload require(String uploadId, String bucket, String key) throws MultipartException {
        Upload upload = Optional.ofNullable(uploadId).map(uploads::get).orElse(null);
        if (upload == null || !upload.bucket().equals(bucket) || !upload.key().equals(key)) {
            throw new MultipartException(
                    404,
                    "NoSuchUpload",
                    "The specified upload does not exist. "
                            + "The upload ID may be invalid, or the upload may have been aborted or completed.");
        }
        return upload;
    }

    static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no MD5", e);
        }
    }
}
