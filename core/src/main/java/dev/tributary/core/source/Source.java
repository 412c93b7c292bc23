package dev.tributary.core.source;

/**
 * A running source built from a mapping-file entry: either a {@link PushSource} (the gateway
 * routes {@code /sources/{name}} requests to it) or a {@link PullSource} (it consumes in the
 * background). {@link #close()} releases what it holds; it is called once, at shutdown.
 */
public interface Source extends AutoCloseable {

    @Override
    default void close() {}
}
