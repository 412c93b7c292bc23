package dev.tributary.gateway.ingress;

import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.source.DispatchResult;
import dev.tributary.core.source.PushDecision;
import dev.tributary.core.source.PushRequest;
import dev.tributary.core.source.PushSource;
import dev.tributary.gateway.metrics.GatewayMetrics;
import dev.tributary.gateway.runtime.LivePipeline;
import dev.tributary.gateway.runtime.Pipeline;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Options;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /sources/{name}} (and {@code OPTIONS}, for webhook handshakes): hands the request to
 * the named push source and, when it carries events, answers only once every event is delivered
 * or dead-lettered — 503 (or 429 with {@code Retry-After}) otherwise, so the sender retries.
 * The request's headers go with the events, for a W3C {@code traceparent} to be continued
 * ({@link dev.tributary.core.source.EventDispatch#dispatch(String, List, Map)}).
 * Runs on the event loop and never blocks it.
 */
@Controller("/sources")
public class SourceController {

    private final LivePipeline pipelines;
    private final GatewayMetrics metrics;

    public SourceController(LivePipeline pipelines, GatewayMetrics metrics) {
        this.pipelines = pipelines;
        this.metrics = metrics;
    }

    @Post(uri = "/{name}", consumes = MediaType.ALL, produces = MediaType.ALL)
    public CompletableFuture<MutableHttpResponse<String>> post(
            @PathVariable String name, HttpRequest<?> request, @Body @Nullable byte[] body) {
        return handle(name, request, body);
    }

    @Options(uri = "/{name}", consumes = MediaType.ALL)
    public CompletableFuture<MutableHttpResponse<String>> options(@PathVariable String name, HttpRequest<?> request) {
        return handle(name, request, null);
    }

    private CompletableFuture<MutableHttpResponse<String>> handle(String name, HttpRequest<?> request, byte[] body) {
        Pipeline pipeline = pipelines.current();
        Optional<PushSource> source = pipeline.sources().push(name);
        if (source.isEmpty()) {
            String why = pipeline.mappings().source(name).isPresent()
                    ? "source '" + name + "' is a pull source; it does not accept pushes"
                    : "no source named '" + name + "'";
            return CompletableFuture.completedFuture(text(HttpResponse.notFound(), why));
        }
        Map<String, String> headers;
        try {
            headers = RequestHeaders.read(request);
        } catch (IllegalArgumentException e) {
            metrics.source(name).rejected().increment();
            return CompletableFuture.completedFuture(text(HttpResponse.badRequest(), e.getMessage()));
        }
        PushDecision decision = source.get().accept(toPushRequest(request, headers, body));
        if (decision instanceof PushDecision.Respond respond) {
            if (respond.status() >= 400) {
                metrics.source(name).rejected().increment();
            }
            MutableHttpResponse<String> response =
                    HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(respond.status()));
            respond.headers().forEach(response::header);
            return CompletableFuture.completedFuture(
                    respond.body().isEmpty() ? response : response.body(respond.body()));
        }
        PushDecision.Route route = (PushDecision.Route) decision;
        return pipeline.ingress()
                .dispatch(name, route.events(), headers)
                .thenApply(result -> answer(result, route.successStatus()));
    }

    private static MutableHttpResponse<String> answer(DispatchResult result, int successStatus) {
        if (result.isSafe()) {
            return HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(successStatus));
        }
        String message = result.failures().size() + " of " + result.deliveries()
                + " deliveries failed; retry later. First: " + result.failures().get(0);
        if (result.retryAfter().isPresent()) {
            long seconds = Math.max(1, (result.retryAfter().get().toMillis() + 999) / 1000);
            return text(HttpResponse.status(io.micronaut.http.HttpStatus.TOO_MANY_REQUESTS), message)
                    .header("Retry-After", Long.toString(seconds));
        }
        return text(HttpResponse.status(io.micronaut.http.HttpStatus.SERVICE_UNAVAILABLE), message);
    }

    private static PushRequest toPushRequest(HttpRequest<?> request, Map<String, String> headers, byte[] body) {
        Map<String, List<String>> query = new HashMap<>();
        request.getParameters().forEach((parameter, values) -> query.put(parameter, List.copyOf(values)));
        return new PushRequest(request.getMethodName(), new InboundPayload(headers, body), query);
    }

    private static MutableHttpResponse<String> text(MutableHttpResponse<String> response, String message) {
        return response.contentType(MediaType.TEXT_PLAIN_TYPE).body(message);
    }
}
