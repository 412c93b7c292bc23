package dev.tributary.examples.thumbnail;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * The function's configuration, read from environment variables (both faces).
 *
 * @param port {@code PORT}: HTTP listen port, default {@value #DEFAULT_PORT}
 * @param s3Endpoint {@code S3_ENDPOINT}: endpoint override for an S3-compatible store (path-style
 *     addressing is then used); absent for AWS
 * @param region {@code AWS_REGION}, default {@value #DEFAULT_REGION}
 * @param maxPixels {@code THUMBNAIL_MAX_PIXELS}: images declaring more pixels are skipped, default
 *     {@value #DEFAULT_MAX_PIXELS}
 * @param maxObjectBytes {@code THUMBNAIL_MAX_OBJECT_BYTES}: larger objects are skipped unread,
 *     default {@value #DEFAULT_MAX_OBJECT_BYTES}
 */
public record Settings(int port, Optional<URI> s3Endpoint, Region region, long maxPixels, int maxObjectBytes) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_REGION = "us-east-1";
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;
    public static final int DEFAULT_MAX_OBJECT_BYTES = 64 * 1024 * 1024;

    /**
     * Reads the settings from {@code env} (e.g. {@link System#getenv()}); unset or blank variables
     * take their defaults.
     *
     * @throws IllegalArgumentException naming the variable whose value is invalid
     */
    public static Settings fromEnvironment(Map<String, String> env) {
        return new Settings(
                (int) number(env, "PORT", DEFAULT_PORT, 0, 65_535),
                value(env, "S3_ENDPOINT").map(Settings::endpoint),
                Region.of(value(env, "AWS_REGION").orElse(DEFAULT_REGION)),
                number(env, "THUMBNAIL_MAX_PIXELS", DEFAULT_MAX_PIXELS, 1, Long.MAX_VALUE),
                (int) number(env, "THUMBNAIL_MAX_OBJECT_BYTES", DEFAULT_MAX_OBJECT_BYTES, 1, Integer.MAX_VALUE - 8));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static long number(Map<String, String> env, String name, long defaultValue, long min, long max) {
        Optional<String> text = value(env, name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(text.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                name + " must be an integer from " + min + " to " + max + ", got '" + text.get() + "'");
    }

    private static URI endpoint(String text) {
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "S3_ENDPOINT must be an http(s) URL such as http://127.0.0.1:9000, got '" + text + "'");
    }
}
