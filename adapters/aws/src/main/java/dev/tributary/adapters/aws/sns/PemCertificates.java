package dev.tributary.adapters.aws.sns;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/** Reads an X.509 certificate in PEM (or DER) form. Stateless and thread-safe. */
final class PemCertificates {

    private PemCertificates() {}

    /** @throws CertificateException when the bytes are not one X.509 certificate */
    static X509Certificate parse(byte[] pem) throws CertificateException {
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
    }
}
