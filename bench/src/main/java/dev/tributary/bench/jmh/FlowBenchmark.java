package dev.tributary.bench.jmh;

import dev.tributary.core.mapping.CompiledRoute;
import dev.tributary.core.mapping.MappingLoader;
import dev.tributary.core.mapping.Mappings;
import dev.tributary.gateway.camel.DeliveryOutcome;
import dev.tributary.gateway.delivery.SinkDelivery;
import dev.tributary.gateway.flow.FlowControl;
import dev.tributary.gateway.metrics.GatewayMetrics;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost flow control adds to one delivery of the dispatch path (docs/flow-control.md): the
 * dispatcher's calls into {@link FlowControl} ({@code route}, then {@code deliver}) around a
 * delivery that completes at once, so only flow control's own work is measured.
 *
 * <ul>
 * <li>{@code direct}: the delivery called straight, as before flow control existed (baseline);</li>
 * <li>{@code off}: a mappings file that uses no flow control feature, the default;</li>
 * <li>{@code limits}: the sink has {@code maxConcurrency} and {@code rateLimit}, never reached;</li>
 * <li>{@code ordered}: the route has {@code orderBy: subject} (one key, never contended);</li>
 * <li>{@code dedupe}: the route has a {@code dedupe} window; every event has a new id.</li>
 * </ul>
 *
 * Run with {@code java -jar bench/target/bench.jar jmh FlowBenchmark -prof gc}.
 */
public class FlowBenchmark extends BenchmarkDefaults {

    @Param({"direct", "off", "limits", "ordered", "dedupe"})
    public String flow;

    private static final CompletableFuture<DeliveryOutcome> DELIVERED = CompletableFuture.completedFuture(
            new DeliveryOutcome(DeliveryOutcome.Status.DELIVERED, null, Optional.empty(), Optional.empty()));
    private static final Function<CloudEvent, CompletableFuture<DeliveryOutcome>> SEND = event -> DELIVERED;

    private FlowControl control;
    private CompiledRoute route;
    private SinkDelivery pair;
    private CloudEvent event;
    private long sequence;

    @Setup
    public void build() {
        String sink = switch (flow) {
            case "limits" -> "{ type: log, maxConcurrency: 1000000, rateLimit: 1000000000, rateBurst: 1000000000 }";
            default -> "{ type: log }";
        };
        String routeFlow = switch (flow) {
            case "ordered" -> "orderBy: subject";
            case "dedupe" -> "dedupe: { window: PT1M, maxEntries: 10000 }";
            default -> "";
        };
        Mappings mappings = new MappingLoader(name -> null).load("bench.yaml", """
                apiVersion: tributary.dev/v1
                sources: { in: { type: cloudevents } }
                sinks: { out: %s }
                routes:
                  - name: r
                    from: [in]
                    to: [out]
                    %s
                """.formatted(sink, routeFlow));
        GatewayMetrics metrics = new GatewayMetrics(new SimpleMeterRegistry());
        control = FlowControl.of(mappings, metrics.flow());
        route = mappings.routes().get(0);
        pair = SinkDelivery.of(mappings, metrics).get(0);
        event = CloudEventBuilder.v1()
                .withId("1")
                .withSource(URI.create("/bench"))
                .withType("t")
                .withSubject("photos/cat.jpg")
                .build();
    }

    @TearDown
    public void close() {
        control.close();
    }

    @Benchmark
    public Object deliver() {
        CloudEvent delivered = flow.equals("dedupe")
                ? CloudEventBuilder.from(event)
                        .withId(Long.toString(sequence++))
                        .build()
                : event;
        if (flow.equals("direct")) {
            return List.of(SEND.apply(delivered));
        }
        return control.route(route, delivered, () -> List.of(control.deliver(pair, delivered, false, SEND)));
    }
}
