package dev.tributary.adapters.aws.sns;

import dev.tributary.core.decode.NotificationDecoder;
import dev.tributary.core.mapping.SourceConfig;
import dev.tributary.core.source.Source;
import dev.tributary.core.source.SourceContext;
import dev.tributary.core.source.SourceProvider;

/** Provides source type {@code aws-sns}: certificates are fetched from SNS unless {@code signingCertificate} pins one. */
public final class SnsSourceProvider implements SourceProvider {

    @Override
    public String type() {
        return "aws-sns";
    }

    @Override
    public Source create(SourceConfig config, SourceContext context) {
        SnsSourceSettings settings = SnsSourceSettings.from(config);
        HttpGet http = new BoundedHttpGet(BoundedHttpGet.DEFAULT_MAX_BYTES);
        CertificateStore certificates = settings.signingCertificate()
                .map(CertificateStore::pinned)
                .orElseGet(() -> new FetchingCertificateStore(http));
        return new SnsPushSource(settings, certificates, http);
    }

    /** Decodes a saved notification as the source would once its signature is verified (not verified here). */
    @Override
    public NotificationDecoder decoder(SourceConfig config) {
        return new SnsNotificationDecoder(SnsSourceSettings.from(config));
    }
}
