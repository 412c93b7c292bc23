package dev.tributary.core.delivery;

/**
 * Classifies a sink's HTTP status code by the Knative data-plane rules: 2xx is success; 404,
 * 408, 409, 429 and 5xx are retried; every other code (other 4xx, and 1xx/3xx since redirects
 * are never followed) fails at once and goes to the dead-letter sink.
 *
 * @see <a href="https://github.com/knative/specs/blob/main/specs/eventing/data-plane.md#event-acknowledgement-and-delivery-retry">Knative data plane</a>
 */
public enum SinkResponse {
    ACCEPTED,
    RETRIABLE,
    REJECTED;

    public static SinkResponse classify(int status) {
        if (status >= 200 && status < 300) {
            return ACCEPTED;
        }
        if (status >= 500 || status == 404 || status == 408 || status == 409 || status == 429) {
            return RETRIABLE;
        }
        return REJECTED;
    }
}
