package dev.tributary.adapters.azure.eventgrid;

import dev.tributary.core.mapping.SinkConfig;
import java.net.URI;

/**
 * The options of an {@code azure-eventgrid} sink.
 *
 * @param endpoint {@code endpoint}: the topic endpoint
 *     ({@code https://TOPIC.REGION-1.eventgrid.azure.net/api/events}), with
 *     {@code api-version=2018-01-01} added when it names no version
 * @param key {@code key}: a topic access key, sent as {@code aeg-sas-key}; a secret, never logged
 *     nor put in errors (supply it with {@code ${ENV}} substitution)
 */
record EventGridSinkSettings(URI endpoint, String key) {

    static final String API_VERSION = "api-version=2018-01-01";

    /** @throws IllegalArgumentException naming the sink when the endpoint is not an http(s) URL */
    static EventGridSinkSettings of(SinkConfig config) {
        String value = config.options().string("endpoint").orElseThrow();
        URI uri = URI.create(value);
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("sink '" + config.name() + "': endpoint '" + value
                    + "' is not a topic endpoint URL like https://orders.westeurope-1.eventgrid.azure.net/api/events");
        }
        String query = uri.getRawQuery();
        if (query == null || !query.contains("api-version=")) {
            uri = URI.create(value + (query == null ? "?" : "&") + API_VERSION);
        }
        return new EventGridSinkSettings(uri, config.options().string("key").orElseThrow());
    }

    /** Keeps the key out of logs and error messages that print the settings. */
    @Override
    public String toString() {
        return "EventGridSinkSettings[endpoint=" + endpoint + ", key=***]";
    }
}
