package dev.tributary.core.sink.file;

import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkProvider;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Provides sink type {@code file}: {@code path} (required), {@code maxBytes} (rotate once the file
 * reaches this size, default {@value #DEFAULT_MAX_BYTES}) and {@code maxFiles} (rotated files kept,
 * default {@value #DEFAULT_MAX_FILES}).
 */
public final class FileSinkProvider implements SinkProvider {

    static final int DEFAULT_MAX_BYTES = 100 * 1024 * 1024;
    static final int DEFAULT_MAX_FILES = 10;

    @Override
    public String type() {
        return "file";
    }

    @Override
    public EventSink create(SinkConfig config) {
        Path path = Path.of(config.options().string("path").orElseThrow());
        try {
            JsonLinesFile file = new JsonLinesFile(path, config.options().integer("maxBytes", DEFAULT_MAX_BYTES),
                    config.options().integer("maxFiles", DEFAULT_MAX_FILES));
            return new FileSink(config.name(), file, "file:" + path);
        } catch (IOException e) {
            throw new IllegalArgumentException("sink '" + config.name() + "': cannot open " + path + " for appending: " + e, e);
        }
    }
}
