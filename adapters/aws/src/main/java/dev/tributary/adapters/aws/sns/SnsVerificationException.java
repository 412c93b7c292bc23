package dev.tributary.adapters.aws.sns;

/**
 * A message that fails authentication: bad or missing signature, a signing certificate URL that is
 * not an SNS one, a certificate that does not parse. The message names the reason and never
 * contains tokens or query strings; the sender gets 403.
 */
public class SnsVerificationException extends Exception {

    public SnsVerificationException(String message) {
        super(message);
    }
}
