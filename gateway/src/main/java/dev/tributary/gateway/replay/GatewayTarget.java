package dev.tributary.gateway.replay;

import dev.tributary.core.mapping.CompiledRoute;
import dev.tributary.core.mapping.Mappings;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.sink.EventSink;
import dev.tributary.gateway.GatewayFactory;
import dev.tributary.gateway.camel.CamelDelivery;
import dev.tributary.gateway.camel.DeliveryOutcome;
import dev.tributary.gateway.delivery.SinkDelivery;
import dev.tributary.gateway.metrics.GatewayMetrics;
import dev.tributary.gateway.sink.CeOverrides;
import dev.tributary.gateway.sink.PooledHttpClient;
import dev.tributary.gateway.sink.SinkFactory;
import dev.tributary.gateway.sink.credentials.SinkCredentials;
import dev.tributary.gateway.tracing.Tracing;
import io.cloudevents.CloudEvent;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Replays into real sinks: the mappings' sinks and {@link CamelDelivery} routes as the gateway
 * builds them (retries, backoff, dead-lettering), on an HTTP client of its own; no source is started.
 * {@code K_SINK} and {@code K_CE_OVERRIDES} apply as they do to {@code serve}.
 */
public final class GatewayTarget implements ReplayTarget {

    private final EventLoopGroup loops;
    private final PooledHttpClient client;
    private final Map<String, EventSink> sinks = new LinkedHashMap<>();
    private final CamelDelivery delivery;

    /**
     * @param deliveries every (route, sink) pair of {@code mappings}, with {@code metrics}' meters
     * @throws Exception naming the sink that cannot be built
     */
    public GatewayTarget(Mappings mappings, List<SinkDelivery> deliveries, GatewayMetrics metrics) throws Exception {
        loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        client = new PooledHttpClient(
                loops,
                NioSocketChannel.class,
                Duration.ofSeconds(5),
                Duration.ofSeconds(60),
                GatewayFactory.MAX_SINK_ANSWER);
        try {
            SinkFactory factory = new SinkFactory(
                    client,
                    Objects.requireNonNullElse(System.getenv("K_SINK"), ""),
                    new SinkCredentials(),
                    "/oidc/token");
            for (SinkConfig sink : mappings.sinks().values()) {
                sinks.put(sink.name(), factory.create(sink));
            }
            delivery = new CamelDelivery(
                    deliveries,
                    sinks,
                    CeOverrides.parse(Objects.requireNonNullElse(System.getenv("K_CE_OVERRIDES"), "")),
                    metrics,
                    Tracing.OFF);
        } catch (Exception | Error e) {
            sinks.values().forEach(EventSink::close);
            client.close();
            loops.shutdownGracefully();
            throw e;
        }
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deliver(SinkDelivery pair, CloudEvent event) {
        return delivery.deliver(pair, event);
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deadLetterUntransformed(
            CompiledRoute route, CloudEvent event, String reason) {
        return delivery.deadLetterUntransformed(route, event, reason);
    }

    @Override
    public void close() {
        delivery.close();
        sinks.values().forEach(EventSink::close);
        client.close();
        loops.shutdownGracefully();
    }
}
