package dev.tributary.gateway.runtime;

import dev.tributary.core.mapping.Mappings;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.source.EventDispatch;
import dev.tributary.core.source.SourceContext;
import dev.tributary.core.source.SourceProvider;
import dev.tributary.core.storage.NeutralStorageEvents;
import dev.tributary.gateway.camel.CamelDelivery;
import dev.tributary.gateway.delivery.SinkDelivery;
import dev.tributary.gateway.dispatch.Dispatcher;
import dev.tributary.gateway.flow.FlowControl;
import dev.tributary.gateway.health.SinksHealth;
import dev.tributary.gateway.ingress.Sources;
import dev.tributary.gateway.metrics.GatewayMetrics;
import dev.tributary.gateway.sink.CeOverrides;
import dev.tributary.gateway.sink.SinkFactory;
import dev.tributary.gateway.tracing.Tracing;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one mappings file builds: its sinks, its Camel delivery routes, the dispatcher and
 * the sources, pull sources consuming. The pipeline owns all of them: a failed {@link #start}
 * closes whatever it had built before rethrowing, and {@link #close()} stops the sources first,
 * then flow control (deliveries still waiting for a sink's limits fail), then delivery (Camel waits
 * for the deliveries in flight), then closes the sinks. Immutable once started.
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final Mappings mappings;
    private final Collection<EventSink> sinks;
    private final CamelDelivery delivery;
    private final FlowControl flow;
    private final EventDispatch ingress;
    private final Sources sources;

    private Pipeline(
            Mappings mappings,
            Collection<EventSink> sinks,
            CamelDelivery delivery,
            FlowControl flow,
            EventDispatch ingress,
            Sources sources) {
        this.mappings = mappings;
        this.sinks = sinks;
        this.delivery = delivery;
        this.flow = flow;
        this.ingress = ingress;
        this.sources = sources;
    }

    /**
     * Builds and starts the pipeline of {@code mappings}; on failure, whatever was built is closed.
     *
     * @throws Exception naming the sink or source that cannot be built or started
     */
    public static Pipeline start(
            Mappings mappings, SinkFactory sinkFactory, CeOverrides overrides, GatewayMetrics metrics, Tracing tracing)
            throws Exception {
        return start(mappings, sinkFactory, overrides, metrics, tracing, Sources.installedProviders());
    }

    /** As {@link #start(Mappings, SinkFactory, CeOverrides, GatewayMetrics, Tracing)}, with these source providers. */
    static Pipeline start(
            Mappings mappings,
            SinkFactory sinkFactory,
            CeOverrides overrides,
            GatewayMetrics metrics,
            Tracing tracing,
            List<SourceProvider> sourceProviders)
            throws Exception {
        Map<String, EventSink> sinks = new LinkedHashMap<>();
        CamelDelivery delivery = null;
        FlowControl flow = null;
        Sources sources = null;
        try {
            for (SinkConfig sink : mappings.sinks().values()) {
                sinks.put(sink.name(), sinkFactory.create(sink));
            }
            List<SinkDelivery> deliveries = SinkDelivery.of(mappings, metrics);
            delivery = new CamelDelivery(deliveries, sinks, overrides, metrics, tracing);
            flow = FlowControl.of(mappings, metrics.flow());
            Dispatcher dispatcher =
                    new Dispatcher(mappings, deliveries, delivery, flow, metrics, NeutralStorageEvents.installed());
            EventDispatch ingress = tracing.ingress(dispatcher::dispatch);
            sources = new Sources(mappings, SourceContext.of(ingress, delivery.camelContext()), sourceProviders);
            sources.startPullSources();
            return new Pipeline(mappings, List.copyOf(sinks.values()), delivery, flow, ingress, sources);
        } catch (Exception | Error e) {
            closeAll(sources, flow, delivery, sinks.values());
            throw e;
        }
    }

    public Mappings mappings() {
        return mappings;
    }

    /** Where sources hand their events: the dispatcher, traced when tracing is on ({@link Tracing#ingress}). */
    public EventDispatch ingress() {
        return ingress;
    }

    public Sources sources() {
        return sources;
    }

    /** The health of this pipeline's sinks, as its delivery attempts find them. */
    public SinksHealth sinksHealth() {
        return delivery.sinksHealth();
    }

    @Override
    public void close() {
        closeAll(sources, flow, delivery, sinks);
    }

    /** Closes what exists, in order; a failure to close one part does not stop the others. */
    private static void closeAll(
            Sources sources, FlowControl flow, CamelDelivery delivery, Collection<EventSink> sinks) {
        if (sources != null) {
            sources.close();
        }
        if (flow != null) {
            flow.close();
        }
        if (delivery != null) {
            try {
                delivery.close();
            } catch (RuntimeException e) {
                LOG.warn("stopping delivery failed", e);
            }
        }
        for (EventSink sink : sinks) {
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.warn("closing sink {} failed", sink.destination(), e);
            }
        }
    }
}
