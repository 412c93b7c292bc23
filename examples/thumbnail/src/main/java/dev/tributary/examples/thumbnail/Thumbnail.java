package dev.tributary.examples.thumbnail;

/**
 * An encoded thumbnail.
 *
 * @param bytes the encoded image
 * @param format its format, the same as the source's
 * @param width width in pixels
 * @param height height in pixels
 */
public record Thumbnail(byte[] bytes, ImageFormat format, int width, int height) {}
