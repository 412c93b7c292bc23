package dev.tributary.adapters.aws.eventbridge;

import dev.tributary.adapters.aws.sink.AwsCalls;
import dev.tributary.adapters.aws.sink.AwsSink;
import dev.tributary.core.sink.SinkReply;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Sink type {@code aws-eventbridge}: one {@code PutEvents} call with one entry
 * ({@link EventBridgeEntries}) per delivery attempt. One entry per call keeps each event's outcome
 * its own: a batch's partial failure never makes a delivered event be sent again, since the
 * only entry retried is the failed one.
 *
 * <p>{@code PutEvents} answers 200 even when its entry failed; the entry's {@code ErrorCode} is
 * then classified: {@code ThrottlingException} → 429 (retried with backoff),
 * {@code InternalFailure}/{@code InternalException} → 500 (retried), {@code AccessDeniedException}
 * and {@code NotAuthorizedForSourceException} → 403 (dead-lettered at once), anything else (a
 * malformed or oversized entry) → 400 (dead-lettered). Service errors of the call itself are
 * classified by {@link AwsCalls}. Thread-safe.
 */
final class EventBridgeSink implements AwsSink.Call {

    private static final Set<String> RETRIED_AS_INTERNAL = Set.of("InternalFailure", "InternalException");
    private static final Set<String> FORBIDDEN = Set.of("AccessDeniedException", "NotAuthorizedForSourceException");

    private final EventBridgeClient client;
    private final EventBridgeSinkSettings settings;

    EventBridgeSink(EventBridgeClient client, EventBridgeSinkSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    @Override
    public Supplier<SinkReply> prepare(CloudEvent event, Duration timeout) {
        PutEventsRequest request = PutEventsRequest.builder()
                .entries(EventBridgeEntries.entry(event, settings.bus()))
                .overrideConfiguration(c -> c.apiCallTimeout(timeout))
                .build();
        return () -> reply(client.putEvents(request));
    }

    static SinkReply reply(PutEventsResponse response) {
        if (response.failedEntryCount() == null || response.failedEntryCount() == 0) {
            return SinkReply.of(200);
        }
        PutEventsResultEntry failed = response.entries().get(0);
        String code = String.valueOf(failed.errorCode());
        int status = code.equals("ThrottlingException")
                ? 429
                : RETRIED_AS_INTERNAL.contains(code) ? 500 : FORBIDDEN.contains(code) ? 403 : 400;
        return AwsCalls.failure(status, code + ": " + failed.errorMessage());
    }
}
