package dev.tributary.adapters.aws.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.core.source.PushDecision;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SNS host check guards every request the source makes: certificate fetches and subscription confirmations. */
class SnsUrlCheckIT {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-abc.pem",
                "https://sns.us-gov-west-1.amazonaws.com/SimpleNotificationService-abc.pem",
                "https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-abc.pem",
                "https://SNS.AP-SOUTHEAST-2.AMAZONAWS.COM/SimpleNotificationService-abc.pem",
                "https://sns.eu-west-1.amazonaws.com:443/SimpleNotificationService-abc.pem",
            })
    void snsHostsAreAccepted(String url) throws SnsVerificationException {
        assertEquals(URI.create(url), SnsUrls.signingCertificate(url, Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://sns.eu-west-1.amazonaws.com/SimpleNotificationService-abc.pem",
                "https://sns.eu-west-1.amazonaws.com.evil.example/x.pem",
                "https://evil.example/sns.eu-west-1.amazonaws.com/x.pem",
                "https://sns.amazonaws.com/x.pem",
                "https://sqs.eu-west-1.amazonaws.com/x.pem",
                "https://sns.eu-west-1.amazonaws.co/x.pem",
                "https://user@sns.eu-west-1.amazonaws.com/x.pem",
                "https://127.0.0.1/x.pem",
                "https://sns.eu-west-1.amazonaws.com/x.txt",
                "not a url",
            })
    void anythingElseIsRefused(String url) {
        assertThrows(SnsVerificationException.class, () -> SnsUrls.signingCertificate(url, Optional.empty()));
    }

    @Test
    void certificatesAreNeverFetchedFromANonSnsOrHttpUrl() {
        TestSigningKey key = TestSigningKey.generate();
        List<URI> fetched = new ArrayList<>();
        SnsSignatureVerifier verifier = fetchingVerifier(key, fetched);
        for (String url : List.of(
                "https://certs.attacker.example/SimpleNotificationService-1.pem",
                "http://sns.eu-west-1.amazonaws.com/SimpleNotificationService-1.pem")) {
            ObjectNode message = key.sign(
                    TestSigningKey.notification("arn:aws:sns:eu-west-1:1:t", "hi", null)
                            .put("SigningCertURL", url),
                    "2");
            assertThrows(SnsVerificationException.class, () -> verifier.verify(SnsMessage.from(message)), url);
        }
        assertEquals(List.of(), fetched);
    }

    @Test
    void aFetchedCertificateIsCachedByUrl() throws Exception {
        TestSigningKey key = TestSigningKey.generate();
        List<URI> fetched = new ArrayList<>();
        SnsSignatureVerifier verifier = fetchingVerifier(key, fetched);
        for (String version : List.of("1", "2", "2")) {
            verifier.verify(SnsMessage.from(
                    key.sign(TestSigningKey.notification("arn:aws:sns:eu-west-1:1:t", "hi", null), version)));
        }
        assertEquals(List.of(URI.create(TestSigningKey.CERT_URL)), fetched);
    }

    /** A verifier that fetches {@code key}'s certificate from any URL it is given, recording each fetch. */
    private static SnsSignatureVerifier fetchingVerifier(TestSigningKey key, List<URI> fetched) {
        return new SnsSignatureVerifier(
                new FetchingCertificateStore(url -> {
                    fetched.add(url);
                    return key.pem().getBytes(StandardCharsets.US_ASCII);
                }),
                Optional.empty());
    }

    @Test
    void somethingThatIsNotACertificateIsRefused() {
        FetchingCertificateStore store =
                new FetchingCertificateStore(url -> "<html>".getBytes(StandardCharsets.US_ASCII));
        assertThrows(SnsVerificationException.class, () -> store.certificate(URI.create(TestSigningKey.CERT_URL)));
    }

    @Test
    void aSubscribeUrlOnLoopbackIsRefusedBeforeAnyRequest() throws IOException {
        TestSigningKey key = TestSigningKey.generate();
        try (LocalServer server = new LocalServer(200, null, new byte[0])) {
            String subscribeUrl =
                    "https://127.0.0.1:" + server.url("/").getPort() + "/?Action=ConfirmSubscription&Token=t";
            String topic = "arn:aws:sns:eu-west-1:123456789012:t";
            SnsPushSource source = new SnsPushSource(
                    SnsPushSourceTest.settings(Set.of(topic), true),
                    CertificateStore.pinned(key.certificate),
                    new BoundedHttpGet(BoundedHttpGet.DEFAULT_MAX_BYTES));
            ObjectNode message =
                    key.sign(TestSigningKey.confirmation("SubscriptionConfirmation", topic, subscribeUrl), "2");
            PushDecision.Respond answer =
                    assertInstanceOf(PushDecision.Respond.class, SnsPushSourceTest.accept(source, message));
            assertEquals(403, answer.status());
            assertTrue(answer.body().contains("SubscribeURL host '127.0.0.1' is not an SNS host"), answer.body());
            assertEquals(List.of(), server.requests);
        }
    }
}
