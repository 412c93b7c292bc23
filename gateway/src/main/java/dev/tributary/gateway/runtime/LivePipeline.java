package dev.tributary.gateway.runtime;

import dev.tributary.gateway.MappingsSource;
import dev.tributary.gateway.metrics.GatewayMetrics;
import dev.tributary.gateway.sink.CeOverrides;
import dev.tributary.gateway.sink.SinkFactory;
import dev.tributary.gateway.tracing.Tracing;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's current {@link Pipeline}, replaced as a whole when the mappings are reloaded. A
 * reload builds and starts the new pipeline before switching to it, so a file that does not
 * validate, or whose sinks or sources cannot start, leaves the running mappings in place. The
 * replaced pipeline is closed in the background: requests already in it finish there. The first
 * load happens at start-up and, failing, fails the start-up. Once {@link #close()} began, nothing is
 * reloaded: a stopping gateway starts no pipeline. Thread-safe.
 */
@Context
public class LivePipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LivePipeline.class);

    private final MappingsSource source;
    private final SinkFactory sinkFactory;
    private final CeOverrides overrides;
    private final GatewayMetrics metrics;
    private final Tracing tracing;
    private final AtomicReference<Pipeline> current = new AtomicReference<>();
    /** The content last loaded, or tried: read before loading, so a change racing a load is seen next time. */
    private Optional<String> loaded;

    private boolean closed;

    public LivePipeline(
            MappingsSource source,
            SinkFactory sinkFactory,
            CeOverrides overrides,
            GatewayMetrics metrics,
            Tracing tracing)
            throws Exception {
        this.source = source;
        this.sinkFactory = sinkFactory;
        this.overrides = overrides;
        this.metrics = metrics;
        this.tracing = tracing;
        this.loaded = source.fingerprint();
        current.set(Pipeline.start(source.load(), sinkFactory, overrides, metrics, tracing));
    }

    public Pipeline current() {
        return current.get();
    }

    /**
     * Loads the mappings again and makes them current when the file's content differs from the
     * content last loaded or tried (a file that failed is not tried again until it changes).
     * Nothing happens on the built-in default, nor once {@link #close()} was called.
     *
     * @return false when nothing changed, or, with the error logged, when the running mappings were kept
     */
    public synchronized boolean reloadIfChanged() {
        if (closed) {
            return false;
        }
        Optional<String> now = source.fingerprint();
        if (now.isEmpty() || now.equals(loaded)) {
            return false;
        }
        loaded = now;
        Pipeline next;
        try {
            next = Pipeline.start(source.load(), sinkFactory, overrides, metrics, tracing);
        } catch (Exception e) {
            LOG.error("Reloading the mappings failed; the running mappings stay in force:\n{}", e.getMessage());
            return false;
        }
        Pipeline previous = current.getAndSet(next);
        LOG.info("Reloaded mappings: now serving {}", next.mappings().summary());
        Thread retire = new Thread(() -> closeQuietly(previous), "tributary-retire-mappings");
        retire.setDaemon(true);
        retire.start();
        return true;
    }

    private static void closeQuietly(Pipeline pipeline) {
        try {
            pipeline.close();
        } catch (Exception e) {
            LOG.warn("closing the replaced mappings' pipeline failed", e);
        }
    }

    @Override
    @PreDestroy
    public synchronized void close() throws Exception {
        closed = true;
        current.get().close();
    }
}
