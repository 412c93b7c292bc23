package dev.tributary.gateway.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.core.mapping.ComponentCatalog;
import dev.tributary.core.mapping.ComponentType;
import dev.tributary.core.mapping.MappingLoader;
import dev.tributary.core.mapping.Mappings;
import dev.tributary.core.mapping.SinkConfig;
import dev.tributary.core.mapping.SourceConfig;
import dev.tributary.core.provider.GatewayServices;
import dev.tributary.core.sink.EventSink;
import dev.tributary.core.sink.SinkProvider;
import dev.tributary.core.sink.SinkReply;
import dev.tributary.core.source.PullSource;
import dev.tributary.core.source.Source;
import dev.tributary.core.source.SourceContext;
import dev.tributary.core.source.SourceProvider;
import dev.tributary.gateway.metrics.GatewayMetrics;
import dev.tributary.gateway.sink.CeOverrides;
import dev.tributary.gateway.sink.SinkFactory;
import dev.tributary.gateway.tracing.Tracing;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link Pipeline} closes everything it built, on a failed start as on a normal close. */
class PipelineTest {

    private static final String MAPPINGS = """
            apiVersion: tributary.dev/v1
            sources:
              first: { type: threaded }
              second: { type: threaded }
              last: { type: broken }
            sinks:
              out: { type: closeable }
              spare: { type: closeable }
            routes:
              - { name: r, from: [first, second, last], to: [out, spare] }
            """;

    /** Sources (each with a running thread, as an SQS or Pub/Sub client has) and sinks, by name. */
    private final Map<String, ExecutorService> sourceThreads = new ConcurrentHashMap<>();

    private final Map<String, Boolean> sinksClosed = new ConcurrentHashMap<>();

    private final SourceProvider threaded = new SourceProvider() {
        @Override
        public ComponentType declaration() {
            return ComponentType.of("threaded", "A pull source holding a thread.");
        }

        @Override
        public Source create(SourceConfig config, SourceContext context) {
            ExecutorService thread = Executors.newSingleThreadExecutor();
            thread.submit(() -> {});
            sourceThreads.put(config.name(), thread);
            return new PullSource() {
                @Override
                public void start() {}

                @Override
                public void close() {
                    thread.shutdownNow();
                }
            };
        }
    };

    private final SourceProvider broken = new SourceProvider() {
        @Override
        public ComponentType declaration() {
            return ComponentType.of("broken", "A source whose options never work.");
        }

        @Override
        public Source create(SourceConfig config, SourceContext context) {
            throw new IllegalArgumentException("source '" + config.name() + "': cannot be built");
        }
    };

    private final SinkProvider closeable = new SinkProvider() {
        @Override
        public ComponentType declaration() {
            return ComponentType.of("closeable", "A sink that records its closing.");
        }

        @Override
        public EventSink create(SinkConfig config, GatewayServices services) {
            sinksClosed.put(config.name(), false);
            return new EventSink() {
                @Override
                public CompletionStage<SinkReply> send(CloudEvent event, Duration timeout) {
                    return CompletableFuture.completedFuture(SinkReply.of(200));
                }

                @Override
                public String destination() {
                    return config.name();
                }

                @Override
                public void close() {
                    sinksClosed.put(config.name(), true);
                }
            };
        }
    };

    @Test
    void aLastSourceThatCannotBeBuiltLeavesEveryEarlierSourceAndSinkClosed() throws Exception {
        Mappings mappings = load(MAPPINGS);
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> start(mappings));
        assertEquals("source 'last': cannot be built", failure.getMessage());

        assertEquals(
                List.of("first", "second"),
                sourceThreads.keySet().stream().sorted().toList());
        for (Map.Entry<String, ExecutorService> source : sourceThreads.entrySet()) {
            assertTrue(
                    source.getValue().awaitTermination(5, TimeUnit.SECONDS),
                    "thread of " + source.getKey() + " stopped");
        }
        assertEquals(Map.of("out", true, "spare", true), sinksClosed);
    }

    @Test
    void closingAStartedPipelineClosesItsSourcesAndSinks() throws Exception {
        Pipeline pipeline = start(load(MAPPINGS.replace("last: { type: broken }", "last: { type: threaded }")));
        assertFalse(sinksClosed.containsValue(true));
        pipeline.close();

        assertEquals(3, sourceThreads.size());
        for (ExecutorService thread : sourceThreads.values()) {
            assertTrue(thread.awaitTermination(5, TimeUnit.SECONDS));
        }
        assertEquals(Map.of("out", true, "spare", true), sinksClosed);
    }

    private Mappings load(String yaml) {
        ComponentCatalog catalog = ComponentCatalog.of(
                List.of(threaded.declaration(), broken.declaration()), List.of(closeable.declaration()));
        return new MappingLoader(catalog, variable -> null).load("pipeline.yaml", yaml);
    }

    private Pipeline start(Mappings mappings) throws Exception {
        return Pipeline.start(
                mappings,
                new SinkFactory(GatewayServices.of(), List.of(closeable)),
                CeOverrides.NONE,
                new GatewayMetrics(new SimpleMeterRegistry()),
                Tracing.OFF,
                List.of(threaded, broken));
    }
}
