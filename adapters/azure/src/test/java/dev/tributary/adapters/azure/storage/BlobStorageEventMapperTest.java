package dev.tributary.adapters.azure.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tributary.adapters.azure.eventgrid.EventGridDeliveryDecoder;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.storage.NeutralStorageEvents;
import dev.tributary.core.storage.StorageObject;
import dev.tributary.core.testing.GoldenFiles;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlobStorageEventMapperTest {

    private static final String ACCOUNT_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/media"
            + "/providers/Microsoft.Storage/storageAccounts/mediastore";

    private final BlobStorageEventMapper mapper = new BlobStorageEventMapper();

    @Test
    void describesAnEventGridSchemaBlobCreated() {
        StorageObject object =
                mapper.describe(decoded("eventgrid-blob-created", Map.of(), 0)).orElseThrow();
        assertEquals(
                new StorageObject(
                        StorageObject.Change.CREATED,
                        "azure",
                        "https://mediastore.blob.core.windows.net/uploads",
                        "uploads",
                        "avatars/jane doe.png",
                        524288L,
                        "image/png",
                        "0x8D4BCC2E4835CD0",
                        "https://mediastore.blob.core.windows.net/uploads/avatars/jane%20doe.png"),
                object);
    }

    @Test
    void describesACloudEventsSchemaBlobCreatedWhoseSubjectHasNoLeadingSlash() {
        StorageObject object = mapper.describe(
                        decoded("cloudevents-blob-created", Map.of("Content-Type", "application/cloudevents+json"), 0))
                .orElseThrow();
        assertEquals("uploads", object.bucket());
        assertEquals("report.pdf", object.key());
        assertEquals("https://mediastore.blob.core.windows.net/uploads", object.source());
        assertEquals(524288L, object.size());
    }

    @Test
    void describesABlobDeletedWithoutLengthOrETag() {
        StorageObject object =
                mapper.describe(decoded("eventgrid-batch", Map.of(), 0)).orElseThrow();
        assertEquals(StorageObject.Change.DELETED, object.change());
        assertEquals("old/report 2025.pdf", object.key());
        assertNull(object.size());
        assertNull(object.etag());
        assertEquals("application/pdf", object.contentType());
    }

    @Test
    void keepsTheDnsSuffixOfSovereignCloudsAndMapsDataLakeHostsToBlob() {
        assertEquals(
                "https://acct.blob.core.chinacloudapi.cn/c",
                describeWithUrl("https://acct.blob.core.chinacloudapi.cn/c/x")
                        .orElseThrow()
                        .source());
        assertEquals(
                "https://acct.blob.core.windows.net/c",
                describeWithUrl("https://acct.dfs.core.windows.net/c/x")
                        .orElseThrow()
                        .source());
    }

    @Test
    void fallsBackOnTheStorageAccountResourceId() {
        assertEquals(
                "https://mediastore.blob.core.windows.net/c",
                describeWithUrl("http://127.0.0.1:10000/dev/c/x").orElseThrow().source());
        StorageObject withoutData = mapper.describe(blobEvent(
                        "Microsoft.Storage.BlobCreated",
                        ACCOUNT_ID,
                        "/blobServices/default/containers/c/blobs/x",
                        null))
                .orElseThrow();
        assertEquals("https://mediastore.blob.core.windows.net/c", withoutData.source());
        assertNull(withoutData.url());
    }

    @Test
    void describesNothingElse() {
        String blob = "/blobServices/default/containers/c/blobs/x";
        assertEquals(
                Optional.empty(),
                mapper.describe(blobEvent("Microsoft.Storage.BlobTierChanged", ACCOUNT_ID, blob, null)));
        assertEquals(
                Optional.empty(),
                mapper.describe(blobEvent(
                        "Microsoft.Storage.BlobCreated", ACCOUNT_ID, "/blobServices/default/containers/c", null)));
        assertEquals(
                Optional.empty(),
                mapper.describe(blobEvent(
                        "Microsoft.Storage.BlobCreated",
                        "/subscriptions/s/resourceGroups/g/providers/Contoso.Files/shares/x",
                        blob,
                        null)));
    }

    @Test
    void isInstalledForNeutralStorageEvents() {
        CloudEvent provider = decoded("eventgrid-blob-created", Map.of(), 0);
        CloudEvent neutral = NeutralStorageEvents.installed().apply(provider);
        assertEquals("dev.tributary.storage.object.created", neutral.getType());
        assertEquals(URI.create("https://mediastore.blob.core.windows.net/uploads"), neutral.getSource());
        assertEquals("avatars/jane doe.png", neutral.getSubject());
        assertEquals("azure", neutral.getExtension("provider"));
        assertEquals(provider.getId(), neutral.getId());
        assertEquals(provider.getTime(), neutral.getTime());
    }

    private Optional<StorageObject> describeWithUrl(String url) {
        return mapper.describe(blobEvent(
                "Microsoft.Storage.BlobCreated",
                ACCOUNT_ID,
                "/blobServices/default/containers/c/blobs/x",
                "{\"url\":\"" + url + "\"}"));
    }

    private static CloudEvent blobEvent(String type, String source, String subject, String data) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId("1")
                .withType(type)
                .withSource(URI.create(source))
                .withSubject(subject)
                .withTime(OffsetDateTime.parse("2026-03-14T09:26:56Z"));
        if (data != null) {
            builder.withData("application/json", data.getBytes(StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    private static CloudEvent decoded(String goldenCase, Map<String, String> headers, int index) {
        return new EventGridDeliveryDecoder()
                .decode(new InboundPayload(headers, GoldenFiles.input("golden/azure", goldenCase)))
                .get(index);
    }
}
