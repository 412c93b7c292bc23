package dev.tributary.adapters.gcp.pubsub;

import static dev.tributary.core.mapping.OptionKind.STRING;

import dev.tributary.core.auth.IngressAuthenticators;
import dev.tributary.core.mapping.ComponentType;
import dev.tributary.core.mapping.IngressAuthOptions;
import dev.tributary.core.mapping.IngressAuthOptions.Profile;
import dev.tributary.core.mapping.OptionSpec;
import dev.tributary.core.mapping.SourceConfig;
import dev.tributary.core.source.Source;
import dev.tributary.core.source.SourceContext;
import dev.tributary.core.source.SourceProvider;

/**
 * Provides source type {@code gcp-pubsub-push}.
 *
 * <p>Options: {@code topic} (required, {@code projects/P/topics/T}) and the push sources'
 * authentication vocabulary ({@link IngressAuthenticators}): Pub/Sub's OIDC token with {@code
 * audience} (the audience set on the push subscription) and {@code serviceAccount} (its service
 * account e-mail, checked with {@code email_verified}: Google signs tokens with this audience for
 * any project's push subscription), {@code jwksUrl} and {@code issuer} defaulting to Google's; or a
 * {@code secret}; or {@code auth: none}.
 *
 * @see <a href="https://cloud.google.com/pubsub/docs/authenticate-push-subscriptions">Authenticate push subscriptions</a>
 */
public final class PubsubPushSourceProvider implements SourceProvider {

    static final ComponentType DECLARATION = IngressAuthOptions.addTo(
            ComponentType.push(
                    "gcp-pubsub-push",
                    "Receives Pub/Sub push deliveries (wrapped or unwrapped), verifying their OIDC token or a shared secret.",
                    OptionSpec.required(
                            "topic", STRING, "Pub/Sub topic (projects/P/topics/T), used as the event source.")),
            Profile.PUBSUB_PUSH);

    @Override
    public ComponentType declaration() {
        return DECLARATION;
    }

    /** @throws IllegalArgumentException naming the source and option when the options cannot work together */
    @Override
    public Source create(SourceConfig config, SourceContext context) {
        return new PubsubPushSource(decoder(config), IngressAuthenticators.from(config, Profile.PUBSUB_PUSH));
    }

    /** Decodes a saved push body as the source would once its token is verified (not verified here). */
    @Override
    public PushDecoder decoder(SourceConfig config) {
        return new PushDecoder(
                PubsubNames.topic(config, config.options().string("topic").orElse(null)));
    }
}
