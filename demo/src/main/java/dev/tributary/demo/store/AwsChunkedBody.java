package dev.tributary.demo.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes an {@code aws-chunked} request body (SigV4 streaming uploads, with or without chunk
 * signatures and trailing checksums), as the AWS SDK sends PutObject over plain HTTP:
 * {@code hex-size[;chunk-signature=…]\r\n data \r\n … 0\r\n [trailers\r\n] \r\n}.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html">SigV4 streaming</a>
 */
final class AwsChunkedBody {

    private AwsChunkedBody() {}

    /** Whether a request carries an aws-chunked body. */
    static boolean isChunked(String contentEncoding, String contentSha256) {
        return (contentEncoding != null && contentEncoding.contains("aws-chunked"))
                || (contentSha256 != null && contentSha256.startsWith("STREAMING-"));
    }

    /**
     * @throws IOException when the framing is broken
     */
    static byte[] decode(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String header = line(in);
            int semicolon = header.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon < 0 ? header : header.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad aws-chunked chunk header '" + header + "'");
            }
            if (size == 0) {
                return out.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length != size) {
                throw new IOException("aws-chunked body ends inside a chunk");
            }
            out.write(chunk);
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b == -1 && line.size() == 0) {
            throw new IOException("aws-chunked body ends early");
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
