package dev.tributary.adapters.aws.sns;

import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;

/** Where the certificate named by a message's {@code SigningCertURL} comes from. Implementations are thread-safe. */
@FunctionalInterface
public interface CertificateStore {

    /**
     * The certificate at a URL already checked by {@link SnsUrls}.
     *
     * @throws IOException when it cannot be had right now (the sender should retry)
     * @throws SnsVerificationException when what the URL serves is not a certificate
     */
    X509Certificate certificate(URI url) throws IOException, SnsVerificationException;

    /** Always the same certificate, whatever the URL: {@code signingCertificate} pinning. */
    static CertificateStore pinned(X509Certificate certificate) {
        return url -> certificate;
    }
}
