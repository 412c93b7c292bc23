package dev.tributary.demo.store;

import java.io.ByteArrayInputStream;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The XML of the multipart requests and answers: CompleteMultipartUpload read, the two results written. */
final class CompleteMultipartXml {

    private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    private static final String NS = " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";

    private CompleteMultipartXml() {}

    /**
     * The parts a CompleteMultipartUpload body lists: number to ETag, in document order.
     *
     * @throws MultipartUploads.MultipartException {@code MalformedXML} for anything else
     */
    static List<Map.Entry<Integer, String>> parts(byte[] body) throws MultipartUploads.MultipartException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList parts = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(body))
                    .getElementsByTagName("Part");
            List<Map.Entry<Integer, String>> found = new ArrayList<>();
            for (int i = 0; i < parts.getLength(); i++) {
                Element part = (Element) parts.item(i);
                found.add(new AbstractMap.SimpleImmutableEntry<>(
                        Integer.parseInt(text(part, "PartNumber")), text(part, "ETag")));
            }
            return found;
        } catch (Exception e) {
            throw new MultipartUploads.MultipartException(
                    400,
                    "MalformedXML",
                    "The XML you provided was not well-formed or did not validate against our published schema");
        }
    }

    static String initiated(String bucket, String key, String uploadId) {
        return HEADER + "<InitiateMultipartUploadResult" + NS + "><Bucket>" + ListObjectsXml.escape(bucket)
                + "</Bucket><Key>" + ListObjectsXml.escape(key) + "</Key><UploadId>" + uploadId
                + "</UploadId></InitiateMultipartUploadResult>";
    }

    static String completed(String location, String bucket, String key, String etag) {
        return HEADER + "<CompleteMultipartUploadResult" + NS + "><Location>" + ListObjectsXml.escape(location)
                + "</Location><Bucket>" + ListObjectsXml.escape(bucket) + "</Bucket><Key>" + ListObjectsXml.escape(key)
                + "</Key><ETag>" + ListObjectsXml.escape(etag) + "</ETag></CompleteMultipartUploadResult>";
    }

    private static String text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        if (nodes.getLength() != 1) {
            throw new IllegalArgumentException("one " + name + " expected");
        }
        return nodes.item(0).getTextContent().strip();
    }
}
