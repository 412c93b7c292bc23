package dev.tributary.bench;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event every push load sends: a binary-mode CloudEvent of about 300 bytes of attribute values
 * and data (four {@code ce-*} attributes, a JSON content type and a 194-byte JSON body). wrk's Lua
 * script, the open-loop client and the decode benchmark all send exactly these bytes.
 */
public final class BenchEvent {

    /** The prefix every route and the Camel baseline filter on; {@link #TYPE} passes it. */
    public static final String TYPE_PREFIX = "dev.tributary.bench.";

    public static final String TYPE = TYPE_PREFIX + "order.created";

    private static final String BODY_TEXT = "{\"orderId\":\"A-1042-77\",\"customer\":\"c-0091\",\"currency\":\"EUR\","
            + "\"total\":129.90,\"items\":[{\"sku\":\"SKU-31\",\"qty\":2,\"price\":24.95},"
            + "{\"sku\":\"SKU-77\",\"qty\":1,\"price\":80.00}],\"channel\":\"web\",\"note\":\"bench\"}";

    private BenchEvent() {}

    /** The request headers, in sending order: the CloudEvents attributes and the content type. */
    public static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce-specversion", "1.0");
        headers.put("ce-id", "b5e1a2c4-0f7d-4e1b-9c55-3f2a1d0e9b77");
        headers.put("ce-source", "/tributary/bench/loadgen");
        headers.put("ce-type", TYPE);
        headers.put("content-type", "application/json");
        return headers;
    }

    /** A fresh copy of the body. */
    public static byte[] body() {
        return BODY_TEXT.getBytes(StandardCharsets.UTF_8);
    }
}
