package dev.tributary.adapters.aws.sns;

import java.io.IOException;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Fetches signing certificates from SNS and caches them by URL (SNS names a new URL when it
 * rotates its key). The cache holds at most {@value #MAX_CACHED} certificates and is emptied when
 * full. Concurrent misses for one URL may fetch it twice; both get a good certificate. Thread-safe.
 */
public final class FetchingCertificateStore implements CertificateStore {

    static final int MAX_CACHED = 32;

    private final HttpGet http;
    private final ConcurrentMap<URI, X509Certificate> cache = new ConcurrentHashMap<>();

    public FetchingCertificateStore(HttpGet http) {
        this.http = http;
    }

    @Override
    public X509Certificate certificate(URI url) throws IOException, SnsVerificationException {
        X509Certificate cached = cache.get(url);
        if (cached != null) {
            return cached;
        }
        X509Certificate fetched;
        try {
            fetched = PemCertificates.parse(http.get(url));
        } catch (CertificateException e) {
            throw new SnsVerificationException("SigningCertURL does not serve an X.509 certificate");
        }
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.putIfAbsent(url, fetched);
        return fetched;
    }
}
