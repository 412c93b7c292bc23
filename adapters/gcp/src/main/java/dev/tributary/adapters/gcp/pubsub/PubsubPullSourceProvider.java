package dev.tributary.adapters.gcp.pubsub;

import dev.tributary.core.mapping.SourceConfig;
import dev.tributary.core.source.Source;
import dev.tributary.core.source.SourceContext;
import dev.tributary.core.source.SourceProvider;

/**
 * Provides source type {@code gcp-pubsub} (StreamingPull); its options are described on
 * {@link PullSettings}.
 */
public final class PubsubPullSourceProvider implements SourceProvider {

    @Override
    public String type() {
        return "gcp-pubsub";
    }

    /** @throws IllegalArgumentException naming the source and option when an option is unusable */
    @Override
    public Source create(SourceConfig config, SourceContext context) {
        return new PubsubPullSource(PullSettings.from(config), context.dispatch());
    }
}
