package dev.tributary.gateway;

import dev.tributary.gateway.sink.CeOverrides;
import dev.tributary.gateway.sink.PooledHttpClient;
import dev.tributary.gateway.sink.credentials.SinkCredentials;
import dev.tributary.gateway.tracing.Tracing;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.netty.channel.DefaultEventLoopGroupFactory;
import io.micronaut.http.netty.channel.EventLoopGroupConfiguration;
import io.micronaut.http.netty.channel.EventLoopGroupRegistry;
import io.micronaut.http.netty.channel.NettyChannelType;
import io.netty.channel.Channel;
import jakarta.inject.Singleton;
import java.time.Duration;

/** The beans every generation of the data plane shares (see {@link dev.tributary.gateway.runtime.LivePipeline}). */
@Factory
public class GatewayFactory {

    @Singleton
    CeOverrides ceOverrides(@Value("${k.ce.overrides:}") String overrides) {
        return CeOverrides.parse(overrides);
    }

    /** Tracing as the {@code OTEL_*} environment variables configure it: off unless an OTLP endpoint is set. */
    @Singleton
    @Bean(preDestroy = "close")
    Tracing tracing() {
        return Tracing.fromEnvironment(System.getenv());
    }

    /** Outbound credentials of HTTP-based sinks, from Application Default Credentials and the AWS default chain. */
    @Singleton
    SinkCredentials sinkCredentials() {
        return new SinkCredentials();
    }

    /** Largest sink answer read (a reply event travels in it): {@value} bytes, as for pushed requests. */
    public static final int MAX_SINK_ANSWER = 4 * 1024 * 1024;

    /** The one HTTP client of every HTTP-based sink, on the server's event loops. */
    @Singleton
    @Bean(preDestroy = "close")
    PooledHttpClient sinkHttpClient(
            EventLoopGroupRegistry loops,
            DefaultEventLoopGroupFactory transports,
            @Value("${tributary.sinks.connect-timeout:5s}") Duration connectTimeout,
            @Value("${tributary.sinks.idle-timeout:60s}") Duration idleTimeout) {
        Class<? extends Channel> channelType = transports.channelClass(
                NettyChannelType.CLIENT_SOCKET,
                loops.getEventLoopGroupConfiguration(EventLoopGroupConfiguration.DEFAULT)
                        .orElse(null));
        return new PooledHttpClient(
                loops.getDefaultEventLoopGroup(), channelType, connectTimeout, idleTimeout, MAX_SINK_ANSWER);
    }
}
