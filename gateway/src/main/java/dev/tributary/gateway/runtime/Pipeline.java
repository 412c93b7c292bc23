package dev.tributary.gateway.runtime;

import dev.tributary.core.mapping.Mappings;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.source.SourceContext;
import dev.tributary.core.storage.NeutralStorageEvents;
import dev.tributary.gateway.camel.CamelDelivery;
import dev.tributary.gateway.dispatch.Dispatcher;
import dev.tributary.gateway.ingress.Sources;
import dev.tributary.gateway.metrics.GatewayMetrics;
import dev.tributary.gateway.sink.CeOverrides;
import dev.tributary.gateway.sink.SinkFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything one mappings file builds: its sinks, its Camel delivery routes, the dispatcher and
 * the sources, pull sources consuming. Immutable once started; {@link #close()} stops the sources
 * first, then delivery (Camel waits for the deliveries in flight).
 */
public final class Pipeline implements AutoCloseable {

    private final Mappings mappings;
    private final CamelDelivery delivery;
    private final Dispatcher dispatcher;
    private final Sources sources;

    private Pipeline(Mappings mappings, CamelDelivery delivery, Dispatcher dispatcher, Sources sources) {
        this.mappings = mappings;
        this.delivery = delivery;
        this.dispatcher = dispatcher;
        this.sources = sources;
    }

    /**
     * Builds and starts the pipeline of {@code mappings}; on failure, whatever was started is stopped.
     *
     * @throws Exception naming the sink or source that cannot be built or started
     */
    public static Pipeline start(Mappings mappings, SinkFactory sinkFactory, CeOverrides overrides,
            GatewayMetrics metrics) throws Exception {
        Map<String, EventSink> sinks = new LinkedHashMap<>();
        for (SinkConfig sink : mappings.sinks().values()) {
            sinks.put(sink.name(), sinkFactory.create(sink));
        }
        CamelDelivery delivery = new CamelDelivery(mappings, sinks, overrides, metrics);
        Sources sources = null;
        try {
            Dispatcher dispatcher = new Dispatcher(mappings, delivery, metrics, NeutralStorageEvents.installed());
            sources = new Sources(mappings, SourceContext.of(dispatcher::dispatch, delivery.camelContext()),
                    Sources.installedProviders());
            sources.startPullSources();
            return new Pipeline(mappings, delivery, dispatcher, sources);
        } catch (Exception | Error e) {
            if (sources != null) {
                sources.close();
            }
            delivery.close();
            throw e;
        }
    }

    public Mappings mappings() {
        return mappings;
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    public Sources sources() {
        return sources;
    }

    @Override
    public void close() throws Exception {
        sources.close();
        delivery.close();
    }
}
