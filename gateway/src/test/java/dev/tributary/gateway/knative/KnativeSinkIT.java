package dev.tributary.gateway.knative;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.core.mapping.MappingLoader;
import dev.tributary.gateway.sink.PooledHttpClient;
import dev.tributary.gateway.sink.SinkFactory;
import dev.tributary.gateway.sink.credentials.SinkCredentials;
import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.RecordingSink;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@code knative-broker} sink and the Knative source contract ({@code K_SINK}, {@code K_CE_OVERRIDES}). */
class KnativeSinkIT {

    /** A broker sink without url (so K_SINK) beside a plain HTTP sink. */
    private static final String K_SINK_MAPPINGS = """
            apiVersion: tributary.dev/v1
            sources: { in: { type: cloudevents, auth: none } }
            sinks:
              broker: { type: knative-broker }
              plain: { type: http, url: SINK/plain }
            routes:
              - { name: r, from: [in], to: [broker, plain] }
            """;

    @Test
    void withoutUrlTheBrokerIsKSinkAndEveryEventGetsTheOverrides() throws Exception {
        try (RecordingSink sink = new RecordingSink();
                GatewayUnderTest gateway = new GatewayUnderTest(
                        K_SINK_MAPPINGS,
                        sink,
                        Map.of(
                                "k.sink",
                                sink.url() + "/broker-ingress/events/default",
                                "k.ce.overrides",
                                "{\"extensions\":{\"gateway\":\"tributary\",\"cluster\":\"eu 1\"}}"))) {
            assertEquals(
                    202,
                    gateway.pushEvent("in", "k-1", "com.example.t", "{\"a\":1}").statusCode());

            RecordingSink.Request atBroker = sink.next("/broker-ingress/events/default", 10);
            assertEquals("k-1", atBroker.header("ce-id"), "binary mode");
            assertEquals("1.0", atBroker.header("ce-specversion"));
            assertEquals("com.example.t", atBroker.header("ce-type"));
            assertEquals("tributary", atBroker.header("ce-gateway"));
            assertEquals("eu%201", atBroker.header("ce-cluster"));
            assertEquals("{\"a\":1}", atBroker.bodyText());
            assertEquals("tributary", sink.next("/plain", 10).header("ce-gateway"), "overrides apply to every sink");
        }
    }

    @Test
    void aSinkBindingOidcTokenIsSentToKSinkOnly(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path token = java.nio.file.Files.writeString(dir.resolve("token"), "eyJ.sinkbinding.token\n");
        try (RecordingSink sink = new RecordingSink();
                GatewayUnderTest gateway = new GatewayUnderTest(
                        K_SINK_MAPPINGS,
                        sink,
                        Map.of(
                                "k.sink",
                                sink.url() + "/broker-ingress/events/default",
                                "tributary.knative.oidc-token",
                                token.toString()))) {
            assertEquals(
                    202, gateway.pushEvent("in", "k-2", "com.example.t", "{}").statusCode());
            assertEquals(
                    "Bearer eyJ.sinkbinding.token",
                    sink.next("/broker-ingress/events/default", 10).header("authorization"));
            assertEquals(null, sink.next("/plain", 10).header("authorization"), "the K_SINK token goes to K_SINK only");
        }
    }

    @Test
    void namespaceAndNameAddressTheClusterBrokerIngress() {
        var sinks = new MappingLoader(v -> null).load("m.yaml", """
                apiVersion: tributary.dev/v1
                sources: { in: { type: cloudevents, auth: none } }
                sinks:
                  named: { type: knative-broker, namespace: events, name: default }
                  explicit: { type: knative-broker, url: "http://broker.example/ns/b" }
                routes: [ { name: r, from: [in], to: [named, explicit] } ]
                """).sinks();
        MultiThreadIoEventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (PooledHttpClient client = new PooledHttpClient(
                loops, NioSocketChannel.class, Duration.ofSeconds(1), Duration.ofSeconds(1), 1024)) {
            SinkFactory factory = new SinkFactory(client, "", new SinkCredentials(), "/oidc/token");
            assertEquals(
                    "http://broker-ingress.knative-eventing.svc.cluster.local/events/default",
                    factory.create(sinks.get("named")).destination());
            assertEquals(
                    "http://broker.example/ns/b",
                    factory.create(sinks.get("explicit")).destination());
        } finally {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}
