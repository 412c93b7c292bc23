package dev.tributary.adapters.aws.sns;

import dev.tributary.core.source.PushDecision;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the (already verified) subscription handshakes. A {@code SubscriptionConfirmation} is
 * confirmed by a GET of its {@code SubscribeURL}, after the {@link SnsUrls} host check, only when
 * {@code autoConfirm} is on and the topic is listed in {@code topicArns}; otherwise it is logged and
 * left pending. An {@code UnsubscribeConfirmation} is logged. Tokens and URLs with their query are
 * never logged. Thread-safe.
 */
final class SubscriptionHandshake {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionHandshake.class);

    private final SnsSourceSettings settings;
    private final HttpGet http;

    SubscriptionHandshake(SnsSourceSettings settings, HttpGet http) {
        this.settings = settings;
        this.http = http;
    }

    PushDecision answer(SnsMessage message) {
        String topic = message.topicArn();
        if (message.type().equals(SnsMessage.UNSUBSCRIBE_CONFIRMATION)) {
            LOG.info("source '{}': SNS unsubscribe confirmation for topic {}", settings.name(), topic);
            return ok("unsubscribe confirmation noted");
        }
        if (!settings.autoConfirm() || !settings.topicArns().contains(topic)) {
            String why = settings.autoConfirm() ? "the topic is not listed in topicArns" : "autoConfirm is off";
            LOG.warn("source '{}': subscription to topic {} not confirmed: {}", settings.name(), topic, why);
            return ok("subscription not confirmed: " + why);
        }
        URI url;
        try {
            url = SnsUrls.requireSnsUrl(message.subscribeUrl(), "SubscribeURL", settings.region());
        } catch (SnsVerificationException e) {
            LOG.warn("source '{}': subscription to topic {} refused: {}", settings.name(), topic, e.getMessage());
            return PushDecision.Respond.error(403, e.getMessage());
        }
        try {
            http.get(url);
        } catch (IOException e) {
            LOG.warn(
                    "source '{}': confirming the subscription to topic {} failed: {}",
                    settings.name(),
                    topic,
                    e.getMessage());
            return PushDecision.Respond.error(502, "confirming the subscription failed: " + e.getMessage());
        }
        LOG.info("source '{}': confirmed the subscription to topic {}", settings.name(), topic);
        return ok("subscription confirmed");
    }

    private static PushDecision ok(String message) {
        return new PushDecision.Respond(200, Map.of("Content-Type", "text/plain; charset=utf-8"), message);
    }
}
