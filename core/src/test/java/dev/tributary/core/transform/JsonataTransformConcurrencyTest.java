package dev.tributary.core.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Transforms are compiled on the loading thread and evaluated on delivery threads, several at
 * once: two transforms with their own variables, compiled one after the other, must each keep
 * their own bindings however their evaluations interleave.
 */
class JsonataTransformConcurrencyTest {

    @Test
    void transformsCompiledTogetherKeepTheirOwnBindingsAcrossThreads() throws Exception {
        JsonataTransform small = new JsonataTransform(
                "($tag := 'small'; $merge([$, {'sizeclass': $tag, 'n': data.n}]))", Duration.ofSeconds(1));
        JsonataTransform large = new JsonataTransform(
                "($tag := 'large'; $merge([$, {'sizeclass': $tag, 'n': data.n * 2}]))", Duration.ofSeconds(1));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i;
                JsonataTransform transform = i % 2 == 0 ? small : large;
                results.add(threads.submit(() -> {
                    CloudEvent out = transform.apply(event(n));
                    return out.getExtension("sizeclass") + ":" + out.getExtension("n");
                }));
            }
            for (int i = 0; i < results.size(); i++) {
                String expected = i % 2 == 0 ? "small:" + i : "large:" + (2 * i);
                assertEquals(expected, results.get(i).get(), "evaluation " + i);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static CloudEvent event(int n) {
        return CloudEventBuilder.v1()
                .withId("e-" + n)
                .withSource(URI.create("/tests"))
                .withType("com.example.test")
                .withData("application/json", ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
