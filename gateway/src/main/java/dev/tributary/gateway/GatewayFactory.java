package dev.tributary.gateway;

import dev.tributary.core.mapping.Mappings;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.source.SourceContext;
import dev.tributary.core.storage.NeutralStorageEvents;
import dev.tributary.gateway.camel.CamelDelivery;
import dev.tributary.gateway.dispatch.Dispatcher;
import dev.tributary.gateway.ingress.Sources;
import dev.tributary.gateway.metrics.GatewayMetrics;
import dev.tributary.gateway.sink.CeOverrides;
import dev.tributary.gateway.sink.SinkFactory;
import dev.tributary.core.sink.EventSink;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import io.micronaut.core.io.buffer.ByteBufferFactory;
import io.micronaut.http.body.ByteBodyFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wires the data plane from the loaded mappings. Everything here is built once, at start-up. */
@Factory
public class GatewayFactory {

    @Singleton
    Mappings mappings(MappingsSource source) {
        return source.load();
    }

    @Singleton
    CeOverrides ceOverrides(@Value("${k.ce.overrides:}") String overrides) {
        return CeOverrides.parse(overrides);
    }

    @Singleton
    ByteBodyFactory byteBodies(ByteBufferFactory<?, ?> buffers) {
        return ByteBodyFactory.createDefault(buffers);
    }

    @Context
    @Bean(preDestroy = "close")
    CamelDelivery camelDelivery(Mappings mappings, SinkFactory sinkFactory, CeOverrides overrides, GatewayMetrics metrics)
            throws Exception {
        Map<String, EventSink> sinks = new LinkedHashMap<>();
        for (SinkConfig sink : mappings.sinks().values()) {
            sinks.put(sink.name(), sinkFactory.create(sink));
        }
        return new CamelDelivery(mappings, sinks, overrides, metrics);
    }

    @Singleton
    Dispatcher dispatcher(Mappings mappings, CamelDelivery delivery, GatewayMetrics metrics) {
        return new Dispatcher(mappings, delivery, metrics, NeutralStorageEvents.installed());
    }

    /** Every source, built at start-up; pull sources start consuming once delivery is ready. */
    @Context
    @Bean(preDestroy = "close")
    Sources sources(Mappings mappings, Dispatcher dispatcher, CamelDelivery delivery) throws Exception {
        Sources sources = new Sources(mappings, SourceContext.of(dispatcher::dispatch, delivery.camelContext()),
                Sources.installedProviders());
        sources.startPullSources();
        return sources;
    }
}
