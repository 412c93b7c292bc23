package dev.tributary.adapters.gcp.pubsub;

import dev.tributary.core.source.DispatchResult;
import dev.tributary.core.source.EventDispatch;
import io.cloudevents.CloudEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the gateway's delivery in emulator tests: posts each event to one HTTP sink in
 * binary mode, once, after an optional delay; a non-2xx answer makes the result unsafe. Tracks how
 * many dispatches are under way at once.
 */
final class HttpSinkDispatch implements EventDispatch {

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI sink;
    private final Duration delay;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();

    HttpSinkDispatch(String sinkUrl, Duration delay) {
        this.sink = URI.create(sinkUrl);
        this.delay = delay;
    }

    @Override
    public CompletableFuture<DispatchResult> dispatch(String sourceName, List<CloudEvent> events) {
        calls.incrementAndGet();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        CloudEvent event = events.get(0);
        HttpRequest request = HttpRequest.newBuilder(sink)
                .header("ce-specversion", "1.0")
                .header("ce-id", event.getId())
                .header("ce-type", event.getType())
                .header("ce-source", event.getSource().toString())
                .header("content-type", event.getDataContentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(event.getData().toBytes()))
                .build();
        return CompletableFuture.supplyAsync(
                        () -> null, CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS))
                .thenCompose(ignored -> client.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .handle((response, error) -> {
                    inFlight.decrementAndGet();
                    boolean delivered = error == null && response.statusCode() / 100 == 2;
                    List<String> failures = delivered
                            ? List.of()
                            : List.of("sink answered " + (error == null ? response.statusCode() : error.toString()));
                    return new DispatchResult(events.size(), 1, failures, Optional.empty());
                });
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    int calls() {
        return calls.get();
    }
}
