package dev.tributary.examples.thumbnail;

/**
 * Reads source images and writes thumbnails. Implementations must be thread-safe: the HTTP face
 * calls them from several threads.
 */
public interface ObjectStore {

    /**
     * The content of an object.
     *
     * @throws UnusableObjectException {@link SkipReason#OBJECT_NOT_FOUND} if the object or its bucket
     *     does not exist, {@link SkipReason#OBJECT_TOO_LARGE} if it exceeds the store's size limit
     * @throws StorageUnavailableException if the store cannot be reached or fails
     */
    byte[] get(ObjectRef object) throws UnusableObjectException;

    /**
     * Creates or replaces an object.
     *
     * @throws StorageUnavailableException if the store cannot be reached or fails
     */
    void put(ObjectRef object, byte[] content, String contentType);
}
