package dev.tributary.core.source;

import dev.tributary.core.auth.IngressAuthenticators;
import dev.tributary.core.mapping.IngressAuthOptions.Profile;
import dev.tributary.core.mapping.SourceConfig;

/** Provides source type {@code cloudevents}, authenticated as its options say ({@link IngressAuthenticators}). */
public final class CloudEventsSourceProvider implements SourceProvider {

    @Override
    public String type() {
        return "cloudevents";
    }

    @Override
    public Source create(SourceConfig config, SourceContext context) {
        return new CloudEventsPushSource(IngressAuthenticators.from(config, Profile.CLOUDEVENTS));
    }
}
