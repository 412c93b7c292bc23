package dev.tributary.adapters.aws.sns;

import dev.tributary.adapters.aws.AwsRegions;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the URLs an SNS message asks us to fetch ({@code SigningCertURL}, {@code SubscribeURL})
 * before any request is made: https, default port, no user info, and a host matching
 * {@value #SNS_HOST_REGEX} (case-insensitive), that is {@code sns.<region>.amazonaws.com} or,
 * in the China partition, {@code sns.<region>.amazonaws.com.cn}. Other partitions (ISO) are not
 * accepted. When the source sets {@code region}, the host's region must be that one.
 * Stateless and thread-safe.
 */
final class SnsUrls {

    static final String SNS_HOST_REGEX = "^sns\\.(" + AwsRegions.REGION_REGEX + ")\\.amazonaws\\.com(?:\\.cn)?$";

    private static final Pattern SNS_HOST = Pattern.compile(SNS_HOST_REGEX);

    private SnsUrls() {}

    /**
     * The signing certificate URL, which must also name a {@code .pem} file.
     *
     * @throws SnsVerificationException saying what is wrong with it
     */
    static URI signingCertificate(String value, Optional<String> region) throws SnsVerificationException {
        URI url = requireSnsUrl(value, "SigningCertURL", region);
        if (url.getPath() == null || !url.getPath().endsWith(".pem")) {
            throw new SnsVerificationException("SigningCertURL must name a .pem file");
        }
        return url;
    }

    /**
     * An https URL on an SNS host.
     *
     * @param field the message field, for the error
     * @throws SnsVerificationException saying what is wrong with it (never quoting its query)
     */
    static URI requireSnsUrl(String value, String field, Optional<String> region) throws SnsVerificationException {
        if (value == null) {
            throw new SnsVerificationException("missing field '" + field + "'");
        }
        URI url;
        try {
            url = new URI(value);
        } catch (URISyntaxException e) {
            throw new SnsVerificationException(field + " is not a URL");
        }
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            throw new SnsVerificationException(field + " must use https");
        }
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        Matcher matcher = SNS_HOST.matcher(host);
        if (!matcher.matches()) {
            throw new SnsVerificationException(field + " host '" + host + "' is not an SNS host "
                    + "(sns.<region>.amazonaws.com or sns.<region>.amazonaws.com.cn)");
        }
        if (url.getRawUserInfo() != null || url.getPort() != -1 && url.getPort() != 443) {
            throw new SnsVerificationException(field + " must not carry user info or a port other than 443");
        }
        if (region.isPresent() && !region.get().equals(matcher.group(1))) {
            throw new SnsVerificationException(field + " host '" + host + "' is not in region " + region.get());
        }
        return url;
    }
}
