package dev.tributary.adapters.aws.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.core.mapping.Options;
import dev.tributary.core.mapping.SourceConfig;
import dev.tributary.core.source.PushDecision;
import dev.tributary.core.source.SourceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnsSourceProviderTest {

    private static final SourceContext NO_GATEWAY = SourceContext.of((source, events) -> {
        throw new AssertionError("push sources do not dispatch themselves");
    });

    @Test
    void aPinnedCertificateFileVerifiesMessagesWithoutAnyFetch(@TempDir Path directory) throws Exception {
        TestSigningKey key = TestSigningKey.generate();
        Path pem = directory.resolve("sns.pem");
        Files.writeString(pem, key.pem());
        SnsPushSource source = (SnsPushSource) create(Map.of(
                "signingCertificate",
                pem.toString(),
                "topicArns",
                List.of(SnsPushSourceTest.TOPIC),
                "region",
                "eu-west-1"));

        PushDecision accepted = SnsPushSourceTest.accept(
                source, key.sign(TestSigningKey.notification(SnsPushSourceTest.TOPIC, "hello", null), "2"));
        assertEquals(
                1, assertInstanceOf(PushDecision.Route.class, accepted).events().size());
        PushDecision refused = SnsPushSourceTest.accept(
                source,
                TestSigningKey.generate()
                        .sign(TestSigningKey.notification(SnsPushSourceTest.TOPIC, "hello", null), "2"));
        assertEquals(403, assertInstanceOf(PushDecision.Respond.class, refused).status());
    }

    @Test
    void anUnreadableCertificateIsRefusedNamingTheOption(@TempDir Path directory) throws Exception {
        Path notPem = directory.resolve("not.pem");
        Files.writeString(notPem, "hello");
        for (Path file : List.of(notPem, directory.resolve("missing.pem"))) {
            IllegalArgumentException error = assertThrows(
                    IllegalArgumentException.class, () -> create(Map.of("signingCertificate", file.toString())));
            assertTrue(
                    error.getMessage().startsWith("source 'topic': signingCertificate '" + file + "'"),
                    error.getMessage());
        }
    }

    @Test
    void aRegionThatIsNotOneIsRefused() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> create(Map.of("region", "eu west 1")));
        assertEquals(
                "source 'topic': region 'eu west 1' is not an AWS region name such as eu-west-1", error.getMessage());
    }

    @Test
    void withoutAPinnedCertificateTheSourceStillBuilds() {
        assertInstanceOf(SnsPushSource.class, create(Map.of()));
    }

    private static Object create(Map<String, Object> options) {
        return new SnsSourceProvider().create(new SourceConfig("topic", "aws-sns", Options.of(options)), NO_GATEWAY);
    }
}
