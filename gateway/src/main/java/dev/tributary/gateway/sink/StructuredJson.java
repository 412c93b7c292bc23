package dev.tributary.gateway.sink;

import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The JSON event format for structured mode, chosen per event: JSON data as JSON; text data
 * ({@code text/*}, XML) that is UTF-8 as a {@code data} string, as consumers expect; anything else,
 * and text in another charset, as {@code data_base64}.
 */
final class StructuredJson {

    private static final JsonFormat DEFAULT = new JsonFormat();
    private static final JsonFormat TEXT_AS_STRING = new JsonFormat().withForceNonJsonDataToString();

    private StructuredJson() {}

    /** The format that writes {@code event}'s data as the class comment says. */
    static JsonFormat formatFor(CloudEvent event) {
        return isUtf8Text(event) ? TEXT_AS_STRING : DEFAULT;
    }

    private static boolean isUtf8Text(CloudEvent event) {
        if (event.getData() == null || event.getDataContentType() == null) {
            return false;
        }
        String type = event.getDataContentType().toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        String mediaType = (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
        boolean text =
                mediaType.startsWith("text/") || mediaType.equals("application/xml") || mediaType.endsWith("+xml");
        boolean utf8Charset = semicolon < 0
                || !type.contains("charset=")
                || type.replace(" ", "").contains("charset=utf-8")
                || type.replace(" ", "").contains("charset=\"utf-8\"");
        return text && utf8Charset && isUtf8(event.getData().toBytes());
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
