package dev.tributary.examples.thumbnail;

import java.util.Arrays;
import java.util.Optional;
import javax.imageio.spi.ImageReaderSpi;

/** The image formats this function thumbnails; a thumbnail keeps the format of its source. */
public enum ImageFormat {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png");

    private final String mediaType;
    private final String formatName;

    ImageFormat(String mediaType, String formatName) {
        this.mediaType = mediaType;
        this.formatName = formatName;
    }

    /** The content type stored with the thumbnail. */
    public String mediaType() {
        return mediaType;
    }

    /** The ImageIO / Thumbnailator output format name. */
    public String formatName() {
        return formatName;
    }

    /** The format an ImageIO reader decodes, if it is one of ours (matched on its MIME types). */
    static Optional<ImageFormat> of(ImageReaderSpi reader) {
        String[] mimeTypes = reader.getMIMETypes() == null ? new String[0] : reader.getMIMETypes();
        return Arrays.stream(values())
                .filter(format -> Arrays.asList(mimeTypes).contains(format.mediaType))
                .findFirst();
    }
}
