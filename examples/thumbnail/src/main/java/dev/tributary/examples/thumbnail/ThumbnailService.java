package dev.tributary.examples.thumbnail;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.cloudevents.CloudEvent;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The function itself, shared by both faces: a storage CloudEvent in, an {@link Outcome} out.
 * For an object-created event it reads the object, makes its thumbnail and stores it under
 * {@code thumbnails/<key>} in the same bucket with the source's content type. Everything that
 * retrying cannot fix (other event types, thumbnails, deleted objects, empty, huge or non-image
 * content) is a {@link Outcome.Skipped}, so senders do not retry it forever.
 *
 * <p>Logs exactly one line per event, starting with the CloudEvent id, so an upload can be
 * followed through the system. Writing the same thumbnail twice is harmless, so redelivered events
 * are safe. Thread-safe when its {@link ObjectStore} is.
 */
public final class ThumbnailService {

    private static final Logger LOG = LoggerFactory.getLogger(ThumbnailService.class);

    private final ObjectStore store;
    private final Thumbnails thumbnails;

    public ThumbnailService(ObjectStore store, Thumbnails thumbnails) {
        this.store = store;
        this.thumbnails = thumbnails;
    }

    /** The service for {@code settings}, over S3. */
    public static ThumbnailService create(Settings settings) {
        return new ThumbnailService(
                new S3ObjectStore(S3ObjectStore.client(settings), settings.maxObjectBytes()),
                new Thumbnails(settings.maxPixels()));
    }

    /**
     * Handles one event.
     *
     * @throws MalformedEventException if an object-created event lacks its bucket or key
     * @throws StorageUnavailableException if the store failed: the event should be retried
     */
    public Outcome handle(CloudEvent event) {
        long start = System.nanoTime();
        Optional<ObjectRef> object;
        try {
            object = StorageEvents.createdObject(event);
        } catch (MalformedEventException e) {
            LOG.warn(
                    "id={} type={} outcome=malformed detail={}",
                    quote(event.getId()),
                    quote(event.getType()),
                    quote(e.getMessage()));
            throw e;
        }
        if (object.isEmpty()) {
            Outcome.Skipped skipped = new Outcome.Skipped(
                    SkipReason.IGNORED_EVENT_TYPE, "events of type " + event.getType() + " are not handled");
            LOG.info(
                    "id={} type={} outcome=skipped reason={}",
                    quote(event.getId()),
                    quote(event.getType()),
                    skipped.reason().code());
            return skipped;
        }
        ObjectRef source = object.get();
        String prefix =
                "id=" + quote(event.getId()) + " bucket=" + quote(source.bucket()) + " key=" + quote(source.key());
        try {
            Outcome outcome = process(source);
            LOG.info(
                    "{} {} ms={}", prefix, describe(outcome), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            return outcome;
        } catch (StorageUnavailableException e) {
            LOG.warn("{} outcome=retry detail={}", prefix, quote(e.getMessage()));
            throw e;
        }
    }

    private Outcome process(ObjectRef source) {
        if (source.isThumbnail()) {
            return new Outcome.Skipped(
                    SkipReason.ALREADY_A_THUMBNAIL,
                    "keys under " + ObjectRef.THUMBNAIL_PREFIX + " are thumbnails themselves");
        }
        try {
            Thumbnail thumbnail = thumbnails.create(store.get(source));
            ObjectRef target = source.thumbnail();
            store.put(target, thumbnail.bytes(), thumbnail.format().mediaType());
            return new Outcome.Written(target, thumbnail.bytes().length, thumbnail.width(), thumbnail.height());
        } catch (UnusableObjectException e) {
            return new Outcome.Skipped(e.reason(), e.getMessage());
        }
    }

    private static String describe(Outcome outcome) {
        if (outcome instanceof Outcome.Written written) {
            return "outcome=written thumbnail=" + quote(written.thumbnail().key()) + " size=" + written.size()
                    + " dimensions=" + written.width() + "x" + written.height();
        }
        Outcome.Skipped skipped = (Outcome.Skipped) outcome;
        return "outcome=skipped reason=" + skipped.reason().code() + " detail=" + quote(skipped.detail());
    }

    /** Keys and messages are user data: quoted and escaped so one event stays one log line. */
    private static String quote(String value) {
        return value == null
                ? "null"
                : "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
    }
}
