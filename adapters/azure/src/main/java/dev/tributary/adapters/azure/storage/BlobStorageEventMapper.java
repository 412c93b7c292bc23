package dev.tributary.adapters.azure.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.tributary.core.storage.StorageEventMapper;
import dev.tributary.core.storage.StorageObject;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Describes Azure Blob Storage {@code Microsoft.Storage.BlobCreated} / {@code BlobDeleted} events,
 * as either Event Grid schema (decoded by this adapter) or CloudEvents schema delivers them, for
 * Tributary's neutral storage events.
 *
 * <ul>
 *   <li>container (bucket) and blob path (key) come from the subject
 *       {@code /blobServices/default/containers/CONTAINER/blobs/PATH} (the leading slash is optional:
 *       the CloudEvents schema may omit it). Event Grid writes the blob name there unencoded, so the
 *       key is taken as is; {@code data.url} holds the percent-encoded form.</li>
 *   <li>source {@code https://ACCOUNT.blob.SUFFIX/CONTAINER}, with the account and DNS suffix of
 *       {@code data.url} (so sovereign clouds keep theirs; a Data Lake {@code dfs} host becomes its
 *       {@code blob} twin), or else the account named by the event source (the storage account's
 *       resource ID) and {@code blob.core.windows.net}.</li>
 *   <li>size = {@code data.contentLength}, contentType, etag = {@code data.eTag}, url = {@code data.url},
 *       each omitted when absent (a BlobDeleted event has no length or eTag).</li>
 * </ul>
 * Events of other types, or whose subject or account cannot be read, are not described.
 * Pure and thread-safe.
 *
 * @see <a href="https://learn.microsoft.com/azure/event-grid/event-schema-blob-storage">
 *     Blob Storage as an Event Grid source</a>
 */
public final class BlobStorageEventMapper implements StorageEventMapper {

    private static final String PROVIDER = "azure";
    private static final Pattern SUBJECT =
            Pattern.compile("/?blobServices/default/containers/([^/]+)/blobs/(.+)", Pattern.DOTALL);
    private static final Pattern SERVICE_HOST = Pattern.compile("([a-z0-9]+)\\.(?:blob|dfs)\\.(.+)");
    private static final Pattern ACCOUNT_ID = Pattern.compile(".*/storageAccounts/([^/]+)/?", Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Optional<StorageObject> describe(CloudEvent event) {
        StorageObject.Change change = switch (event.getType()) {
            case "Microsoft.Storage.BlobCreated" -> StorageObject.Change.CREATED;
            case "Microsoft.Storage.BlobDeleted" -> StorageObject.Change.DELETED;
            default -> null;
        };
        Matcher subject = SUBJECT.matcher(event.getSubject() == null ? "" : event.getSubject());
        if (change == null || !subject.matches()) {
            return Optional.empty();
        }
        String container = subject.group(1);
        JsonNode data = data(event);
        String url = text(data, "url");
        JsonNode length = data.path("contentLength");
        Long size = length.canConvertToExactIntegral() ? length.longValue() : null;
        return serviceEndpoint(url, event.getSource())
                .map(endpoint -> new StorageObject(
                        change,
                        PROVIDER,
                        endpoint + "/" + container,
                        container,
                        subject.group(2),
                        size,
                        text(data, "contentType"),
                        text(data, "eTag"),
                        url));
    }

    /** {@code https://ACCOUNT.blob.SUFFIX}, from the blob URL or else the storage account's resource ID. */
    private static Optional<String> serviceEndpoint(String url, URI source) {
        if (url != null) {
            try {
                String host = URI.create(url).getHost();
                Matcher service = SERVICE_HOST.matcher(host == null ? "" : host);
                if (service.matches()) {
                    return Optional.of("https://" + service.group(1) + ".blob." + service.group(2));
                }
            } catch (IllegalArgumentException e) {
                // not a URI: fall back on the resource ID
            }
        }
        Matcher account = ACCOUNT_ID.matcher(source.toString());
        return account.matches()
                ? Optional.of("https://" + account.group(1) + ".blob.core.windows.net")
                : Optional.empty();
    }

    private static JsonNode data(CloudEvent event) {
        if (event.getData() == null) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(event.getData().toBytes());
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.path(field);
        return value.isTextual() ? value.textValue() : null;
    }
}
