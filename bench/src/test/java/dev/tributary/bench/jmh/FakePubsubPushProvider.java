package dev.tributary.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.core.mapping.ComponentType;
import dev.tributary.core.mapping.OptionSpec;
import dev.tributary.core.mapping.SourceConfig;
import dev.tributary.core.source.PushDecision;
import dev.tributary.core.source.PushSource;
import dev.tributary.core.source.Source;
import dev.tributary.core.source.SourceContext;
import dev.tributary.core.source.SourceProvider;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Stands in for the GCP adapter on the test class path (registered in META-INF/services), so the
 * benchmark's SPI lookup can be tested: one event per push, id {@code message.messageId}; a body
 * without one is answered 400, as a real push source answers bad input.
 */
public final class FakePubsubPushProvider implements SourceProvider {

    private static final ComponentType DECLARATION = ComponentType.push(
            "gcp-pubsub-push", "Test stand-in.", OptionSpec.oneOf("auth", "Must be 'none'.", "none"));

    @Override
    public ComponentType declaration() {
        return DECLARATION;
    }

    @Override
    public Source create(SourceConfig config, SourceContext context) {
        if (!config.options().string("auth").equals(java.util.Optional.of("none"))) {
            throw new IllegalArgumentException("source '" + config.name() + "': test provider needs auth: none");
        }
        ObjectMapper mapper = new ObjectMapper();
        return (PushSource) request -> {
            try {
                JsonNode id = mapper.readTree(request.payload().body()).at("/message/messageId");
                if (id.isMissingNode()) {
                    return PushDecision.Respond.error(400, "message.messageId is missing");
                }
                return new PushDecision.Route(
                        List.of(CloudEventBuilder.v1()
                                .withId(id.asText())
                                .withSource(URI.create("//pubsub.googleapis.com/test"))
                                .withType("test")
                                .build()),
                        204);
            } catch (IOException e) {
                return PushDecision.Respond.error(400, "not JSON");
            }
        };
    }
}
