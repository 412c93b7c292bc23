package dev.tributary.adapters.aws.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.source.PushDecision;
import dev.tributary.core.source.PushRequest;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnsPushSourceTest {

    static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:photo-uploads";
    static final String SUBSCRIPTION = TOPIC + ":c9135db0-26c4-47ec-8998-413945fb5a96";
    static final String SUBSCRIBE_URL = "https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn="
            + TOPIC + "&Token=2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92";
    static final String S3_NOTIFICATION = "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\","
            + "\"awsRegion\":\"eu-west-1\",\"eventTime\":\"2026-03-14T09:26:53.589Z\",\"eventName\":\"ObjectCreated:Put\","
            + "\"responseElements\":{\"x-amz-request-id\":\"C3D1\",\"x-amz-id-2\":\"FMyU\"},"
            + "\"s3\":{\"bucket\":{\"name\":\"photos\"},\"object\":{\"key\":\"a+b.jpg\",\"size\":1}}}]}";

    static TestSigningKey key;
    static TestSigningKey otherKey;

    private final List<URI> fetched = new ArrayList<>();

    @BeforeAll
    static void keys() {
        key = TestSigningKey.generate();
        otherKey = TestSigningKey.generate();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2"})
    void aSignedNotificationIsRoutedAndAnswered200(String version) {
        ObjectNode message = key.sign(TestSigningKey.notification(TOPIC, "hello", "Greeting"), version);
        PushDecision.Route route =
                assertInstanceOf(PushDecision.Route.class, accept(source(Set.of(TOPIC), true), message));
        assertEquals(200, route.successStatus());
        CloudEvent event = route.events().get(0);
        assertEquals("com.amazonaws.sns.Notification", event.getType());
        assertEquals(SUBSCRIPTION, event.getSource().toString());
        assertEquals("Greeting", event.getSubject());
    }

    @Test
    void anS3NotificationInsideIsUnwrapped() {
        ObjectNode message =
                key.sign(TestSigningKey.notification(TOPIC, S3_NOTIFICATION, "Amazon S3 Notification"), "2");
        PushDecision.Route route = assertInstanceOf(PushDecision.Route.class, accept(source(Set.of(), true), message));
        assertEquals("com.amazonaws.s3.ObjectCreated:Put", route.events().get(0).getType());
        assertEquals("a b.jpg", route.events().get(0).getSubject());
    }

    @Test
    void aTamperedMessageIsRefused() {
        ObjectNode message = key.sign(TestSigningKey.notification(TOPIC, "pay 10 EUR", null), "2");
        message.put("Message", "pay 1000 EUR");
        assertRefused(accept(source(Set.of(), true), message), "signature does not match");
    }

    @Test
    void aTamperedOrRemovedSubjectIsRefused() {
        ObjectNode changed = key.sign(TestSigningKey.notification(TOPIC, "hello", "Greeting"), "1");
        changed.put("Subject", "Other");
        assertRefused(accept(source(Set.of(), true), changed), "signature does not match");
        ObjectNode removed = key.sign(TestSigningKey.notification(TOPIC, "hello", "Greeting"), "1");
        removed.remove("Subject");
        assertRefused(accept(source(Set.of(), true), removed), "signature does not match");
    }

    @Test
    void aMessageSignedWithAnotherKeyIsRefused() {
        ObjectNode message = otherKey.sign(TestSigningKey.notification(TOPIC, "hello", null), "2");
        assertRefused(accept(source(Set.of(), true), message), "signature does not match");
    }

    @Test
    void theSignatureMustUseTheAlgorithmOfItsVersion() {
        ObjectNode message = key.sign(TestSigningKey.notification(TOPIC, "hello", null), "1");
        message.put("SignatureVersion", "2");
        assertRefused(accept(source(Set.of(), true), message), "signature does not match");
        message.put("SignatureVersion", "3");
        assertRefused(accept(source(Set.of(), true), message), "SignatureVersion");
        message.remove("Signature");
        message.put("SignatureVersion", "1");
        assertRefused(accept(source(Set.of(), true), message), "Signature");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://sns.eu-west-1.amazonaws.com.attacker.example/SimpleNotificationService-test.pem",
                "https://attacker.example/sns.eu-west-1.amazonaws.com/SimpleNotificationService-test.pem",
                "https://s3.eu-west-1.amazonaws.com/SimpleNotificationService-test.pem",
                "http://sns.eu-west-1.amazonaws.com/SimpleNotificationService-test.pem",
                "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-test.txt",
                "https://sns.eu-west-1.amazonaws.com:8443/SimpleNotificationService-test.pem",
            })
    void aSigningCertUrlOutsideSnsIsRefusedEvenWithAValidSignature(String url) {
        ObjectNode message = key.sign(TestSigningKey.notification(TOPIC, "hello", null), "2");
        message.put("SigningCertURL", url);
        assertRefused(accept(source(Set.of(), true), message), "SigningCertURL");
    }

    @Test
    void aPinnedRegionRefusesCertificatesFromOtherRegions() {
        ObjectNode message = key.sign(TestSigningKey.notification(TOPIC, "hello", null), "2");
        SnsSourceSettings settings =
                new SnsSourceSettings("uploads", Set.of(), true, Optional.empty(), Optional.of("us-east-1"), false);
        assertRefused(
                accept(new SnsPushSource(settings, CertificateStore.pinned(key.certificate), recorder()), message),
                "not in region us-east-1");
    }

    @Test
    void aTopicOutsideTopicArnsIsRefused() {
        ObjectNode message = key.sign(TestSigningKey.notification(TOPIC, "hello", null), "2");
        assertRefused(accept(source(Set.of("arn:aws:sns:eu-west-1:123456789012:other"), true), message), "topicArns");
    }

    @Test
    void anUnavailableCertificateAsksSnsToRetry() {
        ObjectNode message = key.sign(TestSigningKey.notification(TOPIC, "hello", null), "2");
        SnsPushSource source = new SnsPushSource(
                settings(Set.of(), true),
                url -> {
                    throw new IOException("connect timed out");
                },
                recorder());
        assertEquals(
                503,
                assertInstanceOf(PushDecision.Respond.class, accept(source, message))
                        .status());
    }

    @Test
    void badRequestsAreAnsweredWithoutRouting() {
        SnsPushSource source = source(Set.of(), true);
        assertEquals(405, respond(source, "GET", Map.of(), "{}").status());
        assertEquals(400, respond(source, "POST", Map.of(), "Type=Notification").status());
        PushDecision.Respond missing =
                respond(source, "POST", Map.of(), "{\"Type\":\"Notification\",\"MessageId\":\"1\"}");
        assertEquals(400, missing.status());
        assertTrue(missing.body().contains("TopicArn"), missing.body());
        PushDecision.Respond raw = respond(source, "POST", Map.of("x-amz-sns-rawdelivery", "true"), S3_NOTIFICATION);
        assertEquals(403, raw.status());
        assertTrue(raw.body().contains("RawMessageDelivery"), raw.body());
    }

    @Test
    void aSubscriptionToAnAllowedTopicIsConfirmed() {
        ObjectNode message =
                key.sign(TestSigningKey.confirmation("SubscriptionConfirmation", TOPIC, SUBSCRIBE_URL), "1");
        PushDecision.Respond answer =
                assertInstanceOf(PushDecision.Respond.class, accept(source(Set.of(TOPIC), true), message));
        assertEquals(200, answer.status());
        assertEquals(List.of(URI.create(SUBSCRIBE_URL)), fetched);
    }

    @Test
    void aSubscriptionIsNotConfirmedWithoutTheTopicInTopicArnsOrWithAutoConfirmOff() {
        ObjectNode message =
                key.sign(TestSigningKey.confirmation("SubscriptionConfirmation", TOPIC, SUBSCRIBE_URL), "2");
        PushDecision.Respond unlisted =
                assertInstanceOf(PushDecision.Respond.class, accept(source(Set.of(), true), message));
        assertTrue(unlisted.body().contains("not listed in topicArns"), unlisted.body());
        PushDecision.Respond off =
                assertInstanceOf(PushDecision.Respond.class, accept(source(Set.of(TOPIC), false), message));
        assertTrue(off.body().contains("autoConfirm is off"), off.body());
        assertEquals(List.of(), fetched);
    }

    @Test
    void aTamperedSubscribeUrlIsNeverVisited() {
        ObjectNode message =
                key.sign(TestSigningKey.confirmation("SubscriptionConfirmation", TOPIC, SUBSCRIBE_URL), "2");
        message.put("SubscribeURL", "https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=attacker");
        assertRefused(accept(source(Set.of(TOPIC), true), message), "signature does not match");
        assertEquals(List.of(), fetched);
    }

    @Test
    void aFailedConfirmationAsksSnsToRetry() {
        ObjectNode message =
                key.sign(TestSigningKey.confirmation("SubscriptionConfirmation", TOPIC, SUBSCRIBE_URL), "2");
        SnsPushSource source =
                new SnsPushSource(settings(Set.of(TOPIC), true), CertificateStore.pinned(key.certificate), url -> {
                    throw new IOException("GET https://sns.eu-west-1.amazonaws.com/ answered 500");
                });
        assertEquals(
                502,
                assertInstanceOf(PushDecision.Respond.class, accept(source, message))
                        .status());
    }

    @Test
    void anUnsubscribeConfirmationIsAcknowledgedAndNotRouted() {
        ObjectNode message =
                key.sign(TestSigningKey.confirmation("UnsubscribeConfirmation", TOPIC, SUBSCRIBE_URL), "2");
        assertEquals(
                200,
                assertInstanceOf(PushDecision.Respond.class, accept(source(Set.of(TOPIC), true), message))
                        .status());
        assertEquals(List.of(), fetched);
    }

    static SnsSourceSettings settings(Set<String> topics, boolean autoConfirm) {
        return new SnsSourceSettings("uploads", topics, autoConfirm, Optional.empty(), Optional.empty(), false);
    }

    private SnsPushSource source(Set<String> topics, boolean autoConfirm) {
        return new SnsPushSource(settings(topics, autoConfirm), CertificateStore.pinned(key.certificate), recorder());
    }

    private HttpGet recorder() {
        return url -> {
            fetched.add(url);
            return "<ConfirmSubscriptionResponse/>".getBytes(StandardCharsets.UTF_8);
        };
    }

    static PushDecision accept(SnsPushSource source, ObjectNode message) {
        return source.accept(new PushRequest(
                "POST",
                new InboundPayload(
                        Map.of(
                                "Content-Type",
                                "text/plain; charset=UTF-8",
                                "x-amz-sns-message-type",
                                message.get("Type").asText(),
                                SnsPushSource.SUBSCRIPTION_ARN_HEADER,
                                SUBSCRIPTION),
                        message.toString().getBytes(StandardCharsets.UTF_8)),
                Map.of()));
    }

    private static PushDecision.Respond respond(
            SnsPushSource source, String method, Map<String, String> headers, String body) {
        return assertInstanceOf(
                PushDecision.Respond.class,
                source.accept(new PushRequest(
                        method, new InboundPayload(headers, body.getBytes(StandardCharsets.UTF_8)), Map.of())));
    }

    private static void assertRefused(PushDecision decision, String reason) {
        PushDecision.Respond respond = assertInstanceOf(PushDecision.Respond.class, decision);
        assertEquals(403, respond.status(), respond.body());
        assertTrue(respond.body().contains(reason), respond.body());
    }
}
