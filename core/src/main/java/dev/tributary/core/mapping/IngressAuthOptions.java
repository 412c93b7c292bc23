package dev.tributary.core.mapping;

import static dev.tributary.core.mapping.OptionKind.STRING;
import static dev.tributary.core.mapping.OptionKind.STRING_LIST;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The authentication vocabulary shared by every push source, declared once: the options it adds to
 * a type and the one rule that checks them, with one wording for its errors.
 *
 * <ul>
 *   <li>{@code jwksUrl}, {@code issuer}, {@code audience} and optionally {@code subjects}: a JWT
 *       (OIDC) bearer token in {@code Authorization}, signed by a key of the JWKS, with that exact
 *       {@code iss}, that {@code aud} and, when {@code subjects} is set, one of those {@code sub};</li>
 *   <li>{@code secret}: a shared secret, sent as {@code Authorization: Bearer SECRET} (or, for the
 *       types whose senders can only put it in the URL, as the {@code secretParameter} query
 *       parameter), compared in constant time;</li>
 *   <li>{@code auth: none}: no check at all, an explicit opt-out that contradicts the options above
 *       and is logged as a warning at start-up.</li>
 * </ul>
 * A push source with none of them is refused with one error naming the choices, so that no source
 * is left open by omission. Each {@link Profile} adapts the vocabulary to a sender's protocol.
 */
public final class IngressAuthOptions {

    public static final String AUTH = "auth";
    public static final String NONE = "none";
    public static final String SECRET = "secret";
    public static final String SECRET_PARAMETER = "secretParameter";
    public static final String JWKS_URL = "jwksUrl";
    public static final String ISSUER = "issuer";
    public static final String AUDIENCE = "audience";
    public static final String SUBJECTS = "subjects";
    /** gcp-pubsub-push only: the e-mail claim of Pub/Sub's push service account. */
    public static final String SERVICE_ACCOUNT = "serviceAccount";
    /** aws-sns only: the topics whose signed messages are accepted. */
    public static final String TOPIC_ARNS = "topicArns";

    /** How a push type's sender can authenticate, and so which options of the vocabulary it takes. */
    public enum Profile {
        /** {@code cloudevents}: bearer JWT or shared secret in {@code Authorization}. */
        CLOUDEVENTS(true, true, false, null, null),
        /** {@code azure-eventgrid}: as above; the secret may also come as {@code ?code=} (or {@code secretParameter}). */
        EVENT_GRID(true, true, true, null, null),
        /**
         * {@code gcp-pubsub-push}: Pub/Sub's OIDC token ({@code jwksUrl} and {@code issuer} default to
         * Google's; {@code serviceAccount} is required with it), or a secret in {@code Authorization}
         * or in the {@code secretParameter} query parameter of the push endpoint.
         */
        PUBSUB_PUSH(true, true, true, "https://www.googleapis.com/oauth2/v3/certs", "https://accounts.google.com"),
        /**
         * {@code aws-sns}: SNS cannot send a bearer token or a custom header; every message's SNS
         * signature is always checked, and {@code topicArns} says whose messages are accepted.
         */
        SNS(false, false, false, null, null);

        final boolean bearer;
        final boolean secret;
        final boolean secretParameter;
        final String defaultJwksUrl;
        final String defaultIssuer;

        Profile(boolean bearer, boolean secret, boolean secretParameter, String defaultJwksUrl, String defaultIssuer) {
            this.bearer = bearer;
            this.secret = secret;
            this.secretParameter = secretParameter;
            this.defaultJwksUrl = defaultJwksUrl;
            this.defaultIssuer = defaultIssuer;
        }

        /** The {@code jwksUrl} used when the option is absent, if this profile has one. */
        public Optional<String> defaultJwksUrl() {
            return Optional.ofNullable(defaultJwksUrl);
        }

        /** The {@code issuer} used when the option is absent, if this profile has one. */
        public Optional<String> defaultIssuer() {
            return Optional.ofNullable(defaultIssuer);
        }
    }

    private IngressAuthOptions() {}

    /** {@code type} with the vocabulary's options for {@code profile} added, and the rule that checks them. */
    public static ComponentType addTo(ComponentType type, Profile profile) {
        return type.with(options(profile), source -> check(source, profile));
    }

    /** The vocabulary's options that a push type of {@code profile} accepts, in the order the docs list them. */
    static List<OptionSpec> options(Profile profile) {
        List<OptionSpec> options = new ArrayList<>();
        options.add(OptionSpec.oneOf(
                AUTH,
                "'none' to accept unauthenticated requests (explicit opt-out, logged as a "
                        + "warning at start-up); contradicts every other authentication option.",
                NONE));
        if (profile.bearer) {
            options.add(OptionSpec.optional(
                            JWKS_URL,
                            STRING,
                            profile.defaultJwksUrl == null
                                    ? "JWT/OIDC bearer token: http(s) URL of the issuer's signing keys (JWKS)."
                                    : "JWT/OIDC bearer token: URL of the issuer's signing keys (JWKS).")
                    .withDefaultIfAny(profile.defaultJwksUrl));
            options.add(OptionSpec.optional(ISSUER, STRING, "JWT/OIDC bearer token: the exact iss expected.")
                    .withDefaultIfAny(profile.defaultIssuer));
            options.add(OptionSpec.optional(
                    AUDIENCE,
                    STRING,
                    profile == Profile.PUBSUB_PUSH
                            ? "Pub/Sub OIDC token: the audience set on the push subscription."
                            : "JWT/OIDC bearer token: the aud expected."));
            options.add(OptionSpec.optional(
                    SUBJECTS,
                    STRING_LIST,
                    "JWT/OIDC bearer token: the sub claims allowed "
                            + "(e.g. Knative's system:serviceaccount:NS:NAME); any when absent."));
        }
        if (profile == Profile.PUBSUB_PUSH) {
            options.add(OptionSpec.optional(
                    SERVICE_ACCOUNT,
                    STRING,
                    "Pub/Sub OIDC token: the push subscription's "
                            + "service-account e-mail (required with audience)."));
        }
        if (profile.secret) {
            options.add(OptionSpec.optional(
                            SECRET,
                            STRING,
                            "Shared secret expected as Authorization: Bearer SECRET "
                                    + "(compared in constant time); use ${VAR}.")
                    .asSecret());
        }
        if (profile.secretParameter) {
            OptionSpec parameter = OptionSpec.optional(
                    SECRET_PARAMETER, STRING, "Query parameter that may carry the secret instead of Authorization.");
            options.add(profile == Profile.EVENT_GRID ? parameter.withDefault("code") : parameter);
        }
        if (profile == Profile.SNS) {
            options.add(OptionSpec.optional(
                    TOPIC_ARNS,
                    STRING_LIST,
                    "Topics whose SNS-signed messages are accepted "
                            + "(the source's authentication); auth: none accepts any topic."));
        }
        return options;
    }

    private static void check(OptionRule.Component source, Profile profile) {
        List<String> chosen = new ArrayList<>();
        boolean bearer = profile.bearer && bearerOptions(profile).stream().anyMatch(source::has);
        if (bearer) {
            chosen.add(profile.defaultJwksUrl == null ? JWKS_URL : AUDIENCE);
            checkBearer(source, profile);
        }
        if (profile.secret && source.has(SECRET)) {
            chosen.add(SECRET);
            if (bearer && profile != Profile.EVENT_GRID && !source.has(SECRET_PARAMETER)) {
                source.error(
                        SECRET,
                        "secret and a bearer token would both be sent in Authorization: "
                                + (profile.secretParameter
                                        ? "set secretParameter (the query parameter carrying the secret) "
                                                + "or choose one"
                                        : "choose one"));
            }
        }
        if (profile.secretParameter && source.has(SECRET_PARAMETER) && !source.has(SECRET)) {
            source.error(SECRET_PARAMETER, "secretParameter needs secret (the value expected in that query parameter)");
        }
        if (profile == Profile.SNS && source.has(TOPIC_ARNS)) {
            chosen.add(TOPIC_ARNS);
        }
        if (source.has(AUTH)) {
            if (!chosen.isEmpty()) {
                source.error(AUTH, "auth: none contradicts " + chosen.get(0) + "; remove one of them");
            }
            return;
        }
        if (chosen.isEmpty()) {
            source.error(AUTH, "no authentication configured: set " + choices(profile));
        }
    }

    private static List<String> bearerOptions(Profile profile) {
        List<String> options = new ArrayList<>(List.of(JWKS_URL, ISSUER, AUDIENCE, SUBJECTS));
        if (profile == Profile.PUBSUB_PUSH) {
            options.add(SERVICE_ACCOUNT);
        }
        return options;
    }

    private static void checkBearer(OptionRule.Component source, Profile profile) {
        String needs = "a bearer token check needs ";
        if (profile.defaultJwksUrl == null && !source.has(JWKS_URL)) {
            source.error(JWKS_URL, needs + "jwksUrl (where the issuer publishes its signing keys)");
        }
        if (profile.defaultIssuer == null && !source.has(ISSUER)) {
            source.error(ISSUER, needs + "issuer (the exact iss of the tokens)");
        }
        if (!source.has(AUDIENCE)) {
            source.error(AUDIENCE, needs + "audience (the aud the tokens are minted for)");
        }
        if (profile == Profile.PUBSUB_PUSH && !source.has(SERVICE_ACCOUNT)) {
            source.error(
                    SERVICE_ACCOUNT,
                    needs + "serviceAccount (the push subscription's service account e-mail): "
                            + "Google signs tokens with this audience for any project's push subscription");
        }
        source.string(JWKS_URL)
                .filter(url -> !isHttpUrl(url))
                .ifPresent(url -> source.error(JWKS_URL, "must be an http(s) URL"));
    }

    /** The choices a source of this profile has, as the missing-authentication error names them. */
    static String choices(Profile profile) {
        List<String> choices = new ArrayList<>();
        if (profile == Profile.PUBSUB_PUSH) {
            choices.add("audience and serviceAccount (Pub/Sub's OIDC token; jwksUrl and issuer default to Google's)");
        } else if (profile.bearer) {
            choices.add(
                    "jwksUrl, issuer and audience (a JWT/OIDC bearer token; subjects optionally lists the sub allowed)");
        }
        if (profile.secret) {
            choices.add("secret (a shared secret sent as Authorization: Bearer"
                    + (profile == Profile.EVENT_GRID ? " or as query parameter 'code'" : "") + ")");
        }
        if (profile == Profile.SNS) {
            choices.add("topicArns (SNS-signed messages from these topics only)");
        }
        choices.add("auth: none (accept unauthenticated requests; logged as a warning at start-up)");
        return String.join(", or ", choices);
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
