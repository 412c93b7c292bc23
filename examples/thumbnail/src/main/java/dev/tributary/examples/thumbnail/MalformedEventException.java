package dev.tributary.examples.thumbnail;

/**
 * The request is not a readable CloudEvent, or a storage event lacks a field this function needs.
 * The message names the header, attribute or field that is wrong. Retrying cannot help: the HTTP
 * face answers 400, the Lambda face fails the invocation.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
