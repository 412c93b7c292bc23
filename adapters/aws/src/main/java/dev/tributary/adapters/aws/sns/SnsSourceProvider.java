package dev.tributary.adapters.aws.sns;

import static dev.tributary.core.mapping.OptionKind.BOOLEAN;
import static dev.tributary.core.mapping.OptionKind.STRING;

import dev.tributary.core.auth.IngressAuthenticators;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.decode.NotificationDecoder;
import dev.tributary.core.mapping.ComponentType;
import dev.tributary.core.mapping.IngressAuthOptions;
import dev.tributary.core.mapping.IngressAuthOptions.Profile;
import dev.tributary.core.mapping.OptionSpec;
import dev.tributary.core.mapping.SourceConfig;
import dev.tributary.core.source.Source;
import dev.tributary.core.source.SourceContext;
import dev.tributary.core.source.SourceProvider;

/**
 * Provides source type {@code aws-sns}: certificates are fetched from SNS unless {@code
 * signingCertificate} pins one. In the push sources' authentication vocabulary, an SNS sender is
 * authenticated by its message signature (always checked) and its topic: the loader requires
 * {@code topicArns} or {@code auth: none} (any SNS-signed message, announced with a WARN here).
 */
public final class SnsSourceProvider implements SourceProvider {

    static final ComponentType DECLARATION = IngressAuthOptions.addTo(
            ComponentType.push(
                    "aws-sns",
                    "Receives SNS HTTP(S) notifications; every message's signature is verified.",
                    OptionSpec.optional("autoConfirm", BOOLEAN, "Confirm SNS subscriptions automatically.")
                            .withDefault(true),
                    OptionSpec.optional(
                            "signingCertificate",
                            STRING,
                            "PEM file pinning the SNS signing certificate instead of fetching it."),
                    OptionSpec.optional("region", STRING, "AWS region (default: the standard provider chain)."),
                    OptionSpec.optional(
                                    "forwardTestEvents",
                                    BOOLEAN,
                                    "Forward S3 s3:TestEvent messages as com.amazonaws.s3.TestEvent instead of dropping them.")
                            .withDefault(false)),
            Profile.SNS);

    @Override
    public ComponentType declaration() {
        return DECLARATION;
    }

    @Override
    public Source create(SourceConfig config, SourceContext context) {
        IngressAuthenticators.from(config, Profile.SNS);
        SnsSourceSettings settings = SnsSourceSettings.from(config);
        HttpGet http = new BoundedHttpGet(BoundedHttpGet.DEFAULT_MAX_BYTES);
        CertificateStore certificates = settings.signingCertificate()
                .map(CertificateStore::pinned)
                .orElseGet(() -> new FetchingCertificateStore(http));
        return new SnsPushSource(settings, certificates, http);
    }

    /** Decodes a saved notification as the source would once its signature is verified (not verified here). */
    @Override
    public NotificationDecoder<InboundPayload> decoder(SourceConfig config) {
        return new SnsNotificationDecoder(SnsSourceSettings.from(config));
    }
}
