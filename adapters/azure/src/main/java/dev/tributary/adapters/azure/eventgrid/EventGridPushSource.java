package dev.tributary.adapters.azure.eventgrid;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.core.auth.RequestAuthenticator;
import dev.tributary.core.decode.DecodeException;
import dev.tributary.core.source.PushDecision;
import dev.tributary.core.source.PushRequest;
import dev.tributary.core.source.PushSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Source type {@code azure-eventgrid}: the webhook endpoint of Event Grid event subscriptions.
 *
 * <p>Every request first passes the configured authentication (handshakes included, since Event
 * Grid calls the configured URL, query secret and all). Then:
 * <ul>
 *   <li>{@code OPTIONS}: the CloudEvents abuse-protection handshake ({@link WebHookHandshake});</li>
 *   <li>{@code POST} of more than {@value #MAX_BODY_BYTES} bytes (Event Grid's 1 MB limit): 413;</li>
 *   <li>{@code POST} of the subscription-validation event: 200 {@code {"validationResponse": code}};
 *       the {@code validationUrl} is logged (control characters masked) for manual validation and
 *       never fetched;</li>
 *   <li>{@code POST} of events (Event Grid or CloudEvents schema): routed; the gateway answers 200
 *       once every event is delivered or dead-lettered, 503/429 otherwise, which Event Grid retries;</li>
 *   <li>input that can never succeed: 400 naming the field or header at fault, 415 for an
 *       unreadable Content-Type; other methods: 405.</li>
 * </ul>
 *
 * <p>Thread-safe. The only blocking I/O is the cached JWKS fetch of bearer-token authentication.
 */
public final class EventGridPushSource implements PushSource {

    /** Event Grid delivers at most 1 MB (1,048,576 bytes) per request: {@value}. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /** The status answered once routed events are safe: {@value}. */
    public static final int SUCCESS_STATUS = 200;

    private static final Logger LOG = LoggerFactory.getLogger(EventGridPushSource.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final RequestAuthenticator authenticator;
    private final WebHookHandshake handshake;
    private final EventGridDeliveryDecoder decoder = new EventGridDeliveryDecoder();

    EventGridPushSource(String name, RequestAuthenticator authenticator, WebHookHandshake handshake) {
        this.name = name;
        this.authenticator = authenticator;
        this.handshake = handshake;
    }

    @Override
    public PushDecision accept(PushRequest request) {
        boolean post = request.method().equals("POST");
        if (!post && !request.method().equals("OPTIONS")) {
            PushDecision.Respond refusal =
                    PushDecision.Respond.error(405, "use POST to deliver events and OPTIONS for the webhook handshake");
            Map<String, String> headers = new HashMap<>(refusal.headers());
            headers.put("Allow", WebHookHandshake.ALLOW);
            return new PushDecision.Respond(405, Map.copyOf(headers), refusal.body());
        }
        Optional<PushDecision.Respond> refusal = authenticator.refusal(request);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        return post ? delivery(request) : handshake.answer(request.payload());
    }

    private PushDecision delivery(PushRequest request) {
        int size = request.payload().body().length;
        if (size > MAX_BODY_BYTES) {
            return PushDecision.Respond.error(
                    413,
                    "body of " + size + " bytes exceeds Event Grid's limit of " + MAX_BODY_BYTES
                            + " bytes (1 MB) per delivery");
        }
        EventGridDelivery delivery;
        try {
            delivery = decoder.read(request.payload());
        } catch (DecodeException e) {
            return PushDecision.Respond.undecodable(e);
        }
        if (delivery instanceof EventGridDelivery.Validation validation) {
            return validationAnswer(validation);
        }
        return new PushDecision.Route(((EventGridDelivery.Notification) delivery).events(), SUCCESS_STATUS);
    }

    private PushDecision.Respond validationAnswer(EventGridDelivery.Validation validation) {
        LOG.info(
                "source '{}': answered the Event Grid subscription validation handshake{}",
                name,
                validation
                        .validationUrl()
                        .map(url -> "; to validate manually instead, GET " + url.replaceAll("\\p{Cntrl}", "?"))
                        .orElse(""));
        String body = JSON.createObjectNode()
                .put("validationResponse", validation.validationCode())
                .toString();
        return new PushDecision.Respond(200, Map.of("Content-Type", "application/json"), body);
    }
}
