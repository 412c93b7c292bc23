package dev.tributary.adapters.aws.sns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;

/**
 * Verifies an SNS message's signature: {@code SignatureVersion} 1 is SHA1withRSA, 2 is
 * SHA256withRSA, over {@link SnsStringToSign}, with the certificate of {@code SigningCertURL}. The URL
 * is checked by {@link SnsUrls} before the {@link CertificateStore} is asked, so nothing is fetched
 * from anywhere but SNS, even when the certificate is pinned. Thread-safe.
 *
 * @see <a href="https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html">Verifying SNS message signatures</a>
 */
public final class SnsSignatureVerifier {

    private final CertificateStore certificates;
    private final Optional<String> region;

    /** @param region when present, the only region whose SNS hosts are trusted */
    public SnsSignatureVerifier(CertificateStore certificates, Optional<String> region) {
        this.certificates = certificates;
        this.region = region;
    }

    /**
     * @throws SnsVerificationException when the message is not authentic
     * @throws IOException when the certificate cannot be fetched right now
     */
    public void verify(SnsMessage message) throws SnsVerificationException, IOException {
        String algorithm = algorithm(message.signatureVersion());
        if (message.signature() == null) {
            throw new SnsVerificationException("missing field 'Signature'");
        }
        X509Certificate certificate =
                certificates.certificate(SnsUrls.signingCertificate(message.signingCertUrl(), region));
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(message.signature());
        } catch (IllegalArgumentException e) {
            throw new SnsVerificationException("Signature is not base64");
        }
        boolean valid;
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(SnsStringToSign.of(message).getBytes(StandardCharsets.UTF_8));
            valid = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new SnsVerificationException("signature cannot be checked: " + e.getMessage());
        }
        if (!valid) {
            throw new SnsVerificationException("signature does not match the message");
        }
    }

    private static String algorithm(String signatureVersion) throws SnsVerificationException {
        if ("1".equals(signatureVersion)) {
            return "SHA1withRSA";
        }
        if ("2".equals(signatureVersion)) {
            return "SHA256withRSA";
        }
        throw new SnsVerificationException("unsupported SignatureVersion (expected 1 or 2)");
    }
}
