package dev.tributary.gateway;

import dev.tributary.core.mapping.MappingLoader;
import dev.tributary.core.mapping.Mappings;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the gateway's mappings come from: the file named by {@code tributary.mappings} (env
 * {@code TRIBUTARY_MAPPINGS}), or else the built-in default — one {@code cloudevents} source named
 * {@code default} routed to a {@code log} sink.
 */
@Singleton
public class MappingsSource {

    /** Classpath resource holding the built-in default mappings: {@value}. */
    public static final String DEFAULT_RESOURCE = "default-mappings.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(MappingsSource.class);

    private final String file;

    public MappingsSource(@Value("${tributary.mappings:}") String file) {
        this.file = file;
    }

    /**
     * @throws dev.tributary.core.mapping.MappingException when the file does not validate
     */
    public Mappings load() {
        MappingLoader loader = new MappingLoader(MappingsSource::variable);
        Mappings mappings;
        if (file.isBlank()) {
            mappings = loader.load("built-in default (" + DEFAULT_RESOURCE + ")", builtInDefault());
            LOG.info("No mappings configured (set TRIBUTARY_MAPPINGS): using the built-in default, "
                    + "POST CloudEvents to /sources/default and watch this log");
        } else {
            mappings = loader.load(Path.of(file));
            LOG.info("Loaded mappings {}: {}", file, mappings.summary());
        }
        return mappings;
    }

    /**
     * What identifies the file's current content (a SHA-256 of it); empty on the built-in default
     * or when the file cannot be read (the next load reports why).
     */
    public Optional<String> fingerprint() {
        if (file.isBlank()) {
            return Optional.empty();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Path.of(file)));
            return Optional.of(HexFormat.of().formatHex(digest));
        } catch (IOException e) {
            return Optional.empty();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /**
     * The value of {@code ${NAME}} in a mappings file: a JVM system property of that name, else
     * the environment variable (system properties let an embedding process, like the demo, set
     * values without a child process).
     */
    public static String variable(String name) {
        return System.getProperty(name, System.getenv(name));
    }

    static String builtInDefault() {
        try (InputStream in = MappingsSource.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the gateway jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }
}
