package dev.tributary.adapters.aws.sns;

import dev.tributary.core.auth.IngressAuthenticators;
import dev.tributary.core.mapping.IngressAuthOptions.Profile;
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

    @Override
    public String type() {
        return "aws-sns";
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
}
