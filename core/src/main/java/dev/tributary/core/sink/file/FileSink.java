package dev.tributary.core.sink.file;

import dev.tributary.core.format.EventJson;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkReply;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sink type {@code file}: each event becomes one line of the CloudEvents JSON format in a
 * {@link JsonLinesFile} (rotated by size, forced to the device before the delivery counts as
 * done), so the file can be a {@code deadLetterSink} or an archive, and be read back by
 * {@code tributary replay}. Writes happen one at a time on the sink's own thread; the caller never
 * blocks. A write that fails (disk full, permissions) fails the attempt, which the route retries.
 */
public final class FileSink implements EventSink {

    private static final Logger LOG = LoggerFactory.getLogger(FileSink.class);

    private final String destination;
    private final JsonLinesFile file;
    private final ExecutorService writer;

    FileSink(String name, JsonLinesFile file, String destination) {
        this.file = file;
        this.destination = destination;
        this.writer = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "file-sink-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public CompletionStage<SinkReply> send(CloudEvent event, Duration timeout) {
        byte[] line = EventJson.line(event).getBytes(StandardCharsets.UTF_8);
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        file.append(line);
                        return SinkReply.of(200);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot append to " + destination + ": " + e.getMessage(), e);
                    }
                },
                writer);
    }

    @Override
    public String destination() {
        return destination;
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            file.close();
        } catch (IOException e) {
            LOG.warn("closing {} failed: {}", destination, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
