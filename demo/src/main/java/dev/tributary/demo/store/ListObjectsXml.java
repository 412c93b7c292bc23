package dev.tributary.demo.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Renders a ListObjectsV2 result, the XML the S3 SDKs parse. */
final class ListObjectsXml {

    private ListObjectsXml() {}

    static String render(String bucket, String prefix, Map<String, DemoObjectStore.StoredObject> objects) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">")
                .append("<Name>")
                .append(escape(bucket))
                .append("</Name>")
                .append("<Prefix>")
                .append(escape(prefix))
                .append("</Prefix>")
                .append("<KeyCount>")
                .append(objects.size())
                .append("</KeyCount>")
                .append("<MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>");
        objects.forEach((key, object) -> xml.append("<Contents><Key>")
                .append(escape(key))
                .append("</Key>")
                .append("<LastModified>")
                .append(DateTimeFormatter.ISO_INSTANT.format(object.lastModified()))
                .append("</LastModified>")
                .append("<ETag>")
                .append(escape(object.etag()))
                .append("</ETag>")
                .append("<Size>")
                .append(object.bytes().length)
                .append("</Size>")
                .append("<StorageClass>STANDARD</StorageClass></Contents>"));
        return xml.append("</ListBucketResult>").toString();
    }

    /** A query parameter's decoded value, or empty. */
    static String parameter(String query, String name) {
        if (query == null) {
            return "";
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (key.equals(name)) {
                return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
