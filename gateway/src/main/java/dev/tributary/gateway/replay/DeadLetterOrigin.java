package dev.tributary.gateway.replay;

import dev.tributary.core.filter.EventAttributes;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a line of a {@code file} sink came from, read from the {@code knativeerrordest} extension
 * the gateway adds when it dead-letters: a route's transform ({@code transform (jsonata of route
 * 'R')}), a sink ({@code S (destination)}), or neither (an archive: the event as it was delivered).
 *
 * @param event the event without its {@code knativeerror*} extensions, as it was before failing
 * @param transformOf the route whose transform failed on it, if that is why it was dead-lettered
 * @param failedSink the sink that refused it, if that is why it was dead-lettered
 */
record DeadLetterOrigin(CloudEvent event, Optional<String> transformOf, Optional<String> failedSink) {

    private static final Pattern TRANSFORM = Pattern.compile("transform \\(jsonata of route '(.+)'\\)");
    private static final Pattern SINK = Pattern.compile("([^ ]+) \\(.*\\)");

    static DeadLetterOrigin of(CloudEvent stored) {
        String destination = EventAttributes.get(stored, "knativeerrordest");
        CloudEvent event = CloudEventBuilder.from(stored)
                .withoutExtension("knativeerrordest")
                .withoutExtension("knativeerrorcode")
                .withoutExtension("knativeerrordata")
                .build();
        if (destination == null) {
            return new DeadLetterOrigin(event, Optional.empty(), Optional.empty());
        }
        Matcher transform = TRANSFORM.matcher(destination);
        if (transform.matches()) {
            return new DeadLetterOrigin(event, Optional.of(transform.group(1)), Optional.empty());
        }
        Matcher sink = SINK.matcher(destination);
        return new DeadLetterOrigin(
                event, Optional.empty(), sink.matches() ? Optional.of(sink.group(1)) : Optional.empty());
    }
}
