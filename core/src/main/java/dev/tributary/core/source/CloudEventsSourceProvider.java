package dev.tributary.core.source;

import dev.tributary.core.auth.IngressAuthenticators;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.decode.NotificationDecoder;
import dev.tributary.core.mapping.ComponentType;
import dev.tributary.core.mapping.IngressAuthOptions;
import dev.tributary.core.mapping.IngressAuthOptions.Profile;
import dev.tributary.core.mapping.SourceConfig;

/** Provides source type {@code cloudevents}, authenticated as its options say ({@link IngressAuthenticators}). */
public final class CloudEventsSourceProvider implements SourceProvider {

    private static final ComponentType DECLARATION = IngressAuthOptions.addTo(
            ComponentType.push("cloudevents", "Receives CloudEvents posted over HTTP (the CloudEvents HTTP binding)."),
            Profile.CLOUDEVENTS);

    @Override
    public ComponentType declaration() {
        return DECLARATION;
    }

    @Override
    public Source create(SourceConfig config, SourceContext context) {
        return new CloudEventsPushSource(IngressAuthenticators.from(config, Profile.CLOUDEVENTS));
    }

    @Override
    public NotificationDecoder<InboundPayload> decoder(SourceConfig config) {
        return CloudEventsPushSource.DECODER;
    }
}
