package dev.tributary.adapters.aws.sns;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An RSA key and self-signed certificate made at test time, standing in for SNS's signing key, and
 * a signer that builds the string to sign from the AWS documentation independently of the code
 * under test.
 */
final class TestSigningKey {

    static final String CERT_URL = "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-test.pem";

    private static final List<String> NOTIFICATION_FIELDS =
            List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type");
    private static final List<String> CONFIRMATION_FIELDS =
            List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");

    final KeyPair keys;
    final X509Certificate certificate;

    private TestSigningKey(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    static TestSigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name("CN=sns.amazonaws.com, O=Tributary tests");
            Instant now = Instant.now();
            var holder = new JcaX509v3CertificateBuilder(
                            name,
                            BigInteger.valueOf(now.toEpochMilli()),
                            Date.from(now.minus(Duration.ofDays(1))),
                            Date.from(now.plus(Duration.ofDays(1))),
                            name,
                            keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
            return new TestSigningKey(keys, new JcaX509CertificateConverter().getCertificate(holder));
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    String pem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A notification with the fields SNS sends, signed with {@code version} 1 or 2. */
    static ObjectNode notification(String topicArn, String message, String subject) {
        ObjectNode json = JsonNodeFactory.instance
                .objectNode()
                .put("Type", "Notification")
                .put("MessageId", "da41e39f-ea4d-435a-b922-c6aae3915ebe")
                .put("TopicArn", topicArn);
        if (subject != null) {
            json.put("Subject", subject);
        }
        return json.put("Message", message)
                .put("Timestamp", "2026-03-14T09:26:54.012Z")
                .put("SigningCertURL", CERT_URL)
                .put(
                        "UnsubscribeURL",
                        "https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=" + topicArn + ":1");
    }

    static ObjectNode confirmation(String type, String topicArn, String subscribeUrl) {
        return JsonNodeFactory.instance
                .objectNode()
                .put("Type", type)
                .put("MessageId", "165545c9-2a5c-472c-8df2-7ff2be2b3b1b")
                .put("Token", "2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92")
                .put("TopicArn", topicArn)
                .put("Message", "You have chosen to subscribe to the topic " + topicArn + ".")
                .put("SubscribeURL", subscribeUrl)
                .put("Timestamp", "2026-03-14T09:00:00.000Z")
                .put("SigningCertURL", CERT_URL);
    }

    /** Signs the message in place: sets {@code SignatureVersion} and {@code Signature}. */
    ObjectNode sign(ObjectNode message, String version) {
        List<String> fields =
                message.get("Type").asText().equals("Notification") ? NOTIFICATION_FIELDS : CONFIRMATION_FIELDS;
        StringBuilder text = new StringBuilder();
        for (String field : fields) {
            if (message.has(field)) {
                text.append(field)
                        .append('\n')
                        .append(message.get(field).asText())
                        .append('\n');
            }
        }
        try {
            Signature signer = Signature.getInstance(version.equals("1") ? "SHA1withRSA" : "SHA256withRSA");
            signer.initSign(keys.getPrivate());
            signer.update(text.toString().getBytes(StandardCharsets.UTF_8));
            return message.put("SignatureVersion", version)
                    .put("Signature", Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
