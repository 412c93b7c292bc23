package dev.tributary.examples.thumbnail;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A thread-safe in-memory {@link ObjectStore} for tests; buckets can be made to fail like an unreachable store. */
final class InMemoryObjectStore implements ObjectStore {

    /** A stored object. */
    record Stored(byte[] content, String contentType) {}

    private final Map<ObjectRef, Stored> objects = new ConcurrentHashMap<>();
    private final List<ObjectRef> reads = new CopyOnWriteArrayList<>();
    private final Set<String> unavailableBuckets = ConcurrentHashMap.newKeySet();
    private final Set<String> brokenBuckets = ConcurrentHashMap.newKeySet();

    InMemoryObjectStore with(String bucket, String key, byte[] content) {
        objects.put(new ObjectRef(bucket, key), new Stored(content, "application/octet-stream"));
        return this;
    }

    /** From now on every call on {@code bucket} fails with {@link StorageUnavailableException}. */
    void makeUnavailable(String bucket) {
        unavailableBuckets.add(bucket);
    }

    /** From now on every call on {@code bucket} fails with an unexpected exception, like a bug would. */
    void makeBroken(String bucket) {
        brokenBuckets.add(bucket);
    }

    Stored stored(String bucket, String key) {
        return objects.get(new ObjectRef(bucket, key));
    }

    /** The objects read so far, in order. */
    List<ObjectRef> reads() {
        return List.copyOf(reads);
    }

    @Override
    public byte[] get(ObjectRef object) throws UnusableObjectException {
        failIfUnavailable(object);
        reads.add(object);
        Stored stored = objects.get(object);
        if (stored == null) {
            throw new UnusableObjectException(SkipReason.OBJECT_NOT_FOUND, "no object " + object.key());
        }
        return stored.content();
    }

    @Override
    public void put(ObjectRef object, byte[] content, String contentType) {
        failIfUnavailable(object);
        objects.put(object, new Stored(content, contentType));
    }

    private void failIfUnavailable(ObjectRef object) {
        if (unavailableBuckets.contains(object.bucket())) {
            throw new StorageUnavailableException("bucket " + object.bucket() + " switched off by the test", null);
        }
        if (brokenBuckets.contains(object.bucket())) {
            throw new IllegalStateException("bucket " + object.bucket() + " broken by the test");
        }
    }
}
