package dev.tributary.adapters.aws.sqs;

import dev.tributary.core.source.DispatchResult;
import dev.tributary.core.source.EventDispatch;
import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A fake gateway dispatch: records every call and answers as told (success, failure, or later). */
final class RecordingDispatch implements EventDispatch {

    record Call(String source, List<CloudEvent> events, boolean safe) {}

    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Function<List<CloudEvent>, CompletableFuture<Boolean>> behaviour;

    /** @param behaviour whether a batch is delivered (true) or fails (false), possibly later */
    RecordingDispatch(Function<List<CloudEvent>, CompletableFuture<Boolean>> behaviour) {
        this.behaviour = behaviour;
    }

    static RecordingDispatch delivering() {
        return new RecordingDispatch(events -> CompletableFuture.completedFuture(true));
    }

    @Override
    public CompletableFuture<DispatchResult> dispatch(String sourceName, List<CloudEvent> events) {
        return behaviour.apply(events).thenApply(safe -> {
            calls.add(new Call(sourceName, events, safe));
            List<String> failures = safe ? List.of() : List.of("sink 'test': HTTP 503");
            return new DispatchResult(events.size(), events.size(), failures, Optional.empty());
        });
    }

    List<CloudEvent> deliveredEvents() {
        return calls.stream()
                .filter(Call::safe)
                .flatMap(call -> call.events().stream())
                .toList();
    }
}
