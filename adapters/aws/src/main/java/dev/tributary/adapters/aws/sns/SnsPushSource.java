package dev.tributary.adapters.aws.sns;

import dev.tributary.adapters.aws.envelope.InnerDocuments;
import dev.tributary.core.decode.DecodeException;
import dev.tributary.core.source.PushDecision;
import dev.tributary.core.source.PushRequest;
import dev.tributary.core.source.PushSource;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Source type {@code aws-sns}: SNS HTTP(S) deliveries on {@code POST /sources/{name}}. Every message
 * is signature-checked first ({@link SnsSignatureVerifier}); a forged or tampered one, one from a
 * topic outside {@code topicArns}, or a raw delivery (which SNS does not sign) gets 403 and is never
 * routed. Notifications are routed and answered 200 once delivered; handshakes are answered by
 * {@link SubscriptionHandshake}. Bad JSON or fields get 400; a signing certificate that cannot be
 * fetched, 503 (SNS retries).
 *
 * <p>Blocking I/O in {@link #accept}: the certificate fetch on a cache miss (none when pinned) and
 * the confirmation GET of a {@code SubscriptionConfirmation}, each bounded by
 * {@link BoundedHttpGet}'s timeout. Thread-safe.
 */
public final class SnsPushSource implements PushSource {

    /** The header naming the subscription, the {@code source} of plain notifications. */
    public static final String SUBSCRIPTION_ARN_HEADER = "x-amz-sns-subscription-arn";

    static final String RAW_DELIVERY_HEADER = "x-amz-sns-rawdelivery";

    private static final Logger LOG = LoggerFactory.getLogger(SnsPushSource.class);

    private final SnsSourceSettings settings;
    private final SnsSignatureVerifier verifier;
    private final SubscriptionHandshake handshake;
    private final SnsEnvelopeDecoder decoder;

    public SnsPushSource(SnsSourceSettings settings, CertificateStore certificates, HttpGet http) {
        this.settings = settings;
        this.verifier = new SnsSignatureVerifier(certificates, settings.region());
        this.handshake = new SubscriptionHandshake(settings, http);
        this.decoder = new SnsEnvelopeDecoder(new InnerDocuments(settings.forwardTestEvents()));
    }

    @Override
    public PushDecision accept(PushRequest request) {
        if (!request.method().equals("POST")) {
            return PushDecision.Respond.error(405, "SNS delivers with POST");
        }
        if ("true".equalsIgnoreCase(request.payload().header(RAW_DELIVERY_HEADER))) {
            return refuse("raw message delivery is not signed by SNS and cannot be verified: "
                    + "turn RawMessageDelivery off for this subscription");
        }
        SnsMessage message;
        try {
            message = SnsNotificationDecoder.parse(request.payload());
        } catch (DecodeException e) {
            return PushDecision.Respond.undecodable(e);
        }
        try {
            verifier.verify(message);
        } catch (SnsVerificationException e) {
            return refuse("SNS message refused: " + e.getMessage());
        } catch (IOException e) {
            LOG.warn("source '{}': SNS signing certificate unavailable: {}", settings.name(), e.getMessage());
            return PushDecision.Respond.error(503, "the SNS signing certificate cannot be fetched now; retry later");
        }
        if (!settings.accepts(message.topicArn())) {
            return refuse(
                    "topic " + message.topicArn() + " is not listed in topicArns of source '" + settings.name() + "'");
        }
        return message.isNotification() ? route(request, message) : handshake.answer(message);
    }

    private PushDecision route(PushRequest request, SnsMessage message) {
        try {
            return new PushDecision.Route(
                    decoder.decode(SnsNotificationDecoder.delivery(message, request.payload())), 200);
        } catch (DecodeException e) {
            return PushDecision.Respond.undecodable(e);
        }
    }

    private PushDecision refuse(String reason) {
        LOG.warn("source '{}': {}", settings.name(), reason);
        return PushDecision.Respond.error(403, reason);
    }
}
