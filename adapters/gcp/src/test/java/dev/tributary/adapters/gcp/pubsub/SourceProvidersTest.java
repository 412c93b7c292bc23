package dev.tributary.adapters.gcp.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.adapters.gcp.storage.GcsStorageEventMapper;
import dev.tributary.core.mapping.SourceConfig;
import dev.tributary.core.source.PullSource;
import dev.tributary.core.source.PushSource;
import dev.tributary.core.source.SourceProvider;
import dev.tributary.core.storage.StorageEventMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Provider registration and the option checks that make a source refuse to start. */
class SourceProvidersTest {

    private static final String TOPIC = "projects/demo-project/topics/orders";
    private static final String SUBSCRIPTION = "projects/demo-project/subscriptions/orders-pull";

    @Test
    void providersAndMapperAreRegisteredForTheGateway() {
        Map<String, SourceProvider> providers = ServiceLoader.load(SourceProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toMap(SourceProvider::type, provider -> provider));
        assertInstanceOf(PubsubPullSourceProvider.class, providers.get("gcp-pubsub"));
        assertInstanceOf(PubsubPushSourceProvider.class, providers.get("gcp-pubsub-push"));
        assertTrue(ServiceLoader.load(StorageEventMapper.class).stream()
                .anyMatch(provider -> provider.type() == GcsStorageEventMapper.class));
    }

    /** How the authentication options combine is the loader's check (core's IngressAuthOptionsTest). */
    @Test
    void aPushSourceChecksItsTopic() {
        assertInstanceOf(
                PushSource.class, create(new PubsubPushSourceProvider(), push(Map.of("topic", TOPIC, "auth", "none"))));
        assertRefused("topic 'orders' is not a full topic name", push(Map.of("topic", "orders", "auth", "none")));
    }

    @Test
    void aPullSourceChecksItsNames() {
        assertRefused(
                "subscription 'orders-pull' is not a full subscription name",
                pull(Map.of("subscription", "orders-pull")));
        assertRefused(
                "topic 'projects/p/subscriptions/s' is not a full topic name",
                pull(Map.of("subscription", SUBSCRIPTION, "topic", "projects/p/subscriptions/s")));
        assertRefused(
                "endpoint 'http://localhost:8085' is not host:port",
                pull(Map.of("subscription", SUBSCRIPTION, "endpoint", "http://localhost:8085")));
        assertRefused(
                "endpoint 'localhost' is not host:port",
                pull(Map.of("subscription", SUBSCRIPTION, "endpoint", "localhost")));
        assertInstanceOf(
                PullSource.class, create(new PubsubPullSourceProvider(), pull(Map.of("subscription", SUBSCRIPTION))));
    }

    @Test
    void pullSettingsHaveDefaultsAndTakeOverrides() {
        PullSettings defaults = PullSettings.from(pull(Map.of("subscription", SUBSCRIPTION)));
        assertEquals(
                new PullSettings(
                        "uploads",
                        SUBSCRIPTION,
                        Optional.empty(),
                        Optional.empty(),
                        1000,
                        100 * 1024 * 1024,
                        1,
                        OptionalInt.empty()),
                defaults);
        PullSettings tuned = PullSettings.from(pull(Map.of(
                "subscription",
                SUBSCRIPTION,
                "topic",
                TOPIC,
                "endpoint",
                "127.0.0.1:8085",
                "maxOutstandingMessages",
                10,
                "maxOutstandingBytes",
                4096,
                "parallelPullCount",
                2,
                "ackDeadlineSeconds",
                10)));
        assertEquals(
                new PullSettings(
                        "uploads",
                        SUBSCRIPTION,
                        Optional.of(TOPIC),
                        Optional.of("127.0.0.1:8085"),
                        10,
                        4096,
                        2,
                        OptionalInt.of(10)),
                tuned);
    }

    private static SourceConfig push(Map<String, Object> options) {
        return TestSources.config("gcp-pubsub-push", new HashMap<>(options));
    }

    private static SourceConfig pull(Map<String, Object> options) {
        return TestSources.config("gcp-pubsub", new HashMap<>(options));
    }

    private static Object create(SourceProvider provider, SourceConfig config) {
        return provider.create(config, TestSources.context(null));
    }

    private static void assertRefused(String mention, SourceConfig config) {
        SourceProvider provider =
                config.type().equals("gcp-pubsub") ? new PubsubPullSourceProvider() : new PubsubPushSourceProvider();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> create(provider, config));
        assertTrue(refused.getMessage().startsWith("source 'uploads' (" + config.type() + "): "), refused.getMessage());
        assertTrue(refused.getMessage().contains(mention), refused.getMessage());
    }
}
