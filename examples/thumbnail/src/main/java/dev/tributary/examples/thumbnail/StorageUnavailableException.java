package dev.tributary.examples.thumbnail;

/**
 * The object store could not be read or written (connection refused, timeout, S3 5xx, throttling,
 * denied access). Retrying later may help: the HTTP face answers 503 so the sender retries, the
 * Lambda face fails the invocation.
 */
public class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
