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
import dev.tributary.gateway.sink.PooledHttpClient;
import io.micronaut.http.netty.channel.DefaultEventLoopGroupFactory;
import io.micronaut.http.netty.channel.EventLoopGroupConfiguration;
import io.micronaut.http.netty.channel.EventLoopGroupRegistry;
import io.micronaut.http.netty.channel.NettyChannelType;
import io.netty.channel.Channel;
import java.time.Duration;
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

    /** Largest sink answer read (a reply event travels in it): {@value} bytes, as for pushed requests. */
    static final int MAX_SINK_ANSWER = 4 * 1024 * 1024;

    /** The one HTTP client of every HTTP-based sink, on the server's event loops. */
    @Singleton
    @Bean(preDestroy = "close")
    PooledHttpClient sinkHttpClient(EventLoopGroupRegistry loops, DefaultEventLoopGroupFactory transports,
            @Value("${tributary.sinks.connect-timeout:5s}") Duration connectTimeout,
            @Value("${tributary.sinks.idle-timeout:60s}") Duration idleTimeout) {
        Class<? extends Channel> channelType = transports.channelClass(NettyChannelType.CLIENT_SOCKET,
                loops.getEventLoopGroupConfiguration(EventLoopGroupConfiguration.DEFAULT).orElse(null));
        return new PooledHttpClient(loops.getDefaultEventLoopGroup(), channelType, connectTimeout, idleTimeout,
                MAX_SINK_ANSWER);
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
