package dev.tributary.gateway.tracing;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.Locale;
import java.util.Map;

/**
 * When and how spans are exported: over OTLP, configured by the standard {@code OTEL_*}
 * environment variables (or the matching {@code otel.*} system properties) through the SDK's
 * autoconfigure module.
 */
final class OtlpExport {

    private OtlpExport() {}

    /**
     * Whether spans are to be exported: an OTLP endpoint is set ({@code OTEL_EXPORTER_OTLP_ENDPOINT}
     * or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}), {@code OTEL_SDK_DISABLED} is not {@code true}
     * and {@code OTEL_TRACES_EXPORTER} is not {@code none}.
     */
    static boolean configured(Map<String, String> environment) {
        boolean endpoint = !blank(environment.get("OTEL_EXPORTER_OTLP_ENDPOINT"))
                || !blank(environment.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"));
        boolean disabled = "true"
                .equalsIgnoreCase(
                        environment.getOrDefault("OTEL_SDK_DISABLED", "").trim());
        String exporter =
                environment.getOrDefault("OTEL_TRACES_EXPORTER", "otlp").trim().toLowerCase(Locale.ROOT);
        return endpoint && !disabled && !exporter.equals("none");
    }

    /**
     * The SDK as the {@code OTEL_*} variables configure it, with two defaults of the gateway's own
     * (a variable overrides them): no OTLP metrics or logs ({@code OTEL_METRICS_EXPORTER} and
     * {@code OTEL_LOGS_EXPORTER} {@code none}; metrics are served at {@code /prometheus}), and the
     * service name {@code tributary}. Not registered as the global OpenTelemetry; the caller closes it.
     */
    static OpenTelemetrySdk sdk() {
        return AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> Map.of(
                        "otel.metrics.exporter", "none",
                        "otel.logs.exporter", "none",
                        "otel.service.name", "tributary"))
                .disableShutdownHook()
                .build()
                .getOpenTelemetrySdk();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
