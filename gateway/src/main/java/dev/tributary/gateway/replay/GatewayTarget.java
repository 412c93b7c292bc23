package dev.tributary.gateway.replay;

import dev.tributary.core.mapping.Mappings;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.sink.EventSink;
import dev.tributary.gateway.GatewayFactory;
import dev.tributary.gateway.camel.CamelDelivery;
import dev.tributary.gateway.camel.DeliveryOutcome;
import dev.tributary.gateway.metrics.GatewayMetrics;
import dev.tributary.gateway.sink.CeOverrides;
import dev.tributary.gateway.sink.PooledHttpClient;
import dev.tributary.gateway.sink.SinkFactory;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.util.LinkedHashMap;
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
    private final CamelDelivery delivery;

    /** @throws Exception naming the sink that cannot be built */
    public GatewayTarget(Mappings mappings) throws Exception {
        loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        client = new PooledHttpClient(loops, NioSocketChannel.class, Duration.ofSeconds(5), Duration.ofSeconds(60),
                GatewayFactory.MAX_SINK_ANSWER);
        try {
            SinkFactory factory = new SinkFactory(client, Objects.requireNonNullElse(System.getenv("K_SINK"), ""));
            Map<String, EventSink> sinks = new LinkedHashMap<>();
            for (SinkConfig sink : mappings.sinks().values()) {
                sinks.put(sink.name(), factory.create(sink));
            }
            delivery = new CamelDelivery(mappings, sinks,
                    CeOverrides.parse(Objects.requireNonNullElse(System.getenv("K_CE_OVERRIDES"), "")),
                    new GatewayMetrics(new SimpleMeterRegistry()));
        } catch (Exception | Error e) {
            client.close();
            loops.shutdownGracefully();
            throw e;
        }
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deliver(int route, int sink, CloudEvent event) {
        return delivery.deliver(route, sink, event);
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deadLetterUntransformed(int route, CloudEvent event, String reason) {
        return delivery.deadLetterUntransformed(route, event, reason);
    }

    @Override
    public void close() {
        delivery.close();
        client.close();
        loops.shutdownGracefully();
    }
}
