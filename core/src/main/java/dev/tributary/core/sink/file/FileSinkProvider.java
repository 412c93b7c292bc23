package dev.tributary.core.sink.file;

import static dev.tributary.core.mapping.OptionKind.POSITIVE_INTEGER;
import static dev.tributary.core.mapping.OptionKind.STRING;

import dev.tributary.core.mapping.ComponentType;
import dev.tributary.core.mapping.OptionSpec;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.provider.GatewayServices;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkProvider;
import java.io.IOException;
import java.nio.file.Path;

/** Provides sink type {@code file}: JSON lines, fsynced, rotated by size. */
public final class FileSinkProvider implements SinkProvider {

    static final int DEFAULT_MAX_BYTES = 100 * 1024 * 1024;
    static final int DEFAULT_MAX_FILES = 10;

    private static final ComponentType DECLARATION = ComponentType.of(
            "file",
            "Appends each event as one line of the CloudEvents JSON format to a file, forced to disk before the "
                    + "delivery counts; a dead-letter sink or an archive that tributary replay can re-inject.",
            OptionSpec.required(
                    "path", STRING, "JSON-lines file each event is appended to (rotated to PATH.1, PATH.2, ...)."),
            OptionSpec.optional("maxBytes", POSITIVE_INTEGER, "Rotate once the file reaches this size, bytes.")
                    .withDefault(DEFAULT_MAX_BYTES),
            OptionSpec.optional("maxFiles", POSITIVE_INTEGER, "Rotated files kept; the oldest is deleted.")
                    .withDefault(DEFAULT_MAX_FILES));

    @Override
    public ComponentType declaration() {
        return DECLARATION;
    }

    @Override
    public EventSink create(SinkConfig config, GatewayServices services) {
        Path path = Path.of(config.options().string("path").orElseThrow());
        try {
            JsonLinesFile file = new JsonLinesFile(
                    path,
                    config.options().integer("maxBytes", DEFAULT_MAX_BYTES),
                    config.options().integer("maxFiles", DEFAULT_MAX_FILES));
            return new FileSink(config.name(), file, "file:" + path);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "sink '" + config.name() + "': cannot open " + path + " for appending: " + e, e);
        }
    }
}
