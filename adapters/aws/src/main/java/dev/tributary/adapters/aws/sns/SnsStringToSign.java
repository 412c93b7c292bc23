package dev.tributary.adapters.aws.sns;

/**
 * The text SNS signs: name/value lines of selected fields in byte order of their names, each name
 * and value followed by a newline. Notifications sign {@code Message}, {@code MessageId},
 * {@code Subject} (only when present), {@code Timestamp}, {@code TopicArn} and {@code Type};
 * confirmations sign {@code Message}, {@code MessageId}, {@code SubscribeURL}, {@code Timestamp},
 * {@code Token}, {@code TopicArn} and {@code Type}. Stateless.
 *
 * @see <a href="https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html">Verifying SNS message signatures</a>
 */
final class SnsStringToSign {

    private SnsStringToSign() {}

    /** @throws SnsVerificationException when a field that is signed is missing */
    static String of(SnsMessage message) throws SnsVerificationException {
        StringBuilder text = new StringBuilder(message.message().length() + 512);
        append(text, "Message", message.message());
        append(text, "MessageId", message.messageId());
        if (message.isNotification()) {
            if (message.subject() != null) {
                append(text, "Subject", message.subject());
            }
        } else {
            append(text, "SubscribeURL", message.subscribeUrl());
        }
        append(text, "Timestamp", message.timestamp());
        if (!message.isNotification()) {
            append(text, "Token", message.token());
        }
        append(text, "TopicArn", message.topicArn());
        append(text, "Type", message.type());
        return text.toString();
    }

    private static void append(StringBuilder text, String name, String value) throws SnsVerificationException {
        if (value == null) {
            throw new SnsVerificationException("missing field '" + name + "', which the signature covers");
        }
        text.append(name).append('\n').append(value).append('\n');
    }
}
