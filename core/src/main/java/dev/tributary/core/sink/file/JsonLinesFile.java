package dev.tributary.core.sink.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of lines, rotated by size: once {@code path} holds {@code maxBytes} or more,
 * it becomes {@code path.1} (an older {@code path.1} becomes {@code path.2}, and so on; beyond
 * {@code maxFiles} rotated files the oldest is deleted) and a new {@code path} is started. Every
 * append is forced to the storage device before it returns; an append that fails throws. Not
 * thread-safe: one writer.
 */
final class JsonLinesFile implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesFile.class);

    private final Path path;
    private final long maxBytes;
    private final int maxFiles;
    private FileChannel channel;

    JsonLinesFile(Path path, long maxBytes, int maxFiles) throws IOException {
        this.path = path;
        this.maxBytes = maxBytes;
        this.maxFiles = maxFiles;
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.channel = open();
    }

    /** Appends one line (a newline is added) and forces it to the device. */
    void append(byte[] line) throws IOException {
        if (channel.size() >= maxBytes) {
            rotate();
        }
        ByteBuffer buffer =
                ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
    }

    /** Rotates; when renaming fails, logs why and goes on appending to the current file rather than refuse events. */
    private void rotate() throws IOException {
        channel.close();
        try {
            Files.deleteIfExists(rotated(maxFiles));
            for (int n = maxFiles - 1; n >= 1; n--) {
                if (Files.exists(rotated(n))) {
                    Files.move(rotated(n), rotated(n + 1), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            Files.move(path, rotated(1), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot rotate {}, appending to it beyond maxBytes: {}", path, e.toString());
        } finally {
            channel = open();
        }
    }

    private Path rotated(int n) {
        return path.resolveSibling(path.getFileName() + "." + n);
    }

    private FileChannel open() throws IOException {
        return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
