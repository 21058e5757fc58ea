package org.omerosdk.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.omerosdk.model.ValidationException;

/**
 * Encodes rendered images as PNG, JPEG (with a quality, 0.85 by default as in OMERO) or TIFF, with the JDK's
 * ImageIO writers (TIFF since Java 9). Alpha is dropped, as OMERO's encoders drop it.
 */
public final class ImageEncoder {
    /** OMERO's default JPEG quality. */
    public static final float DEFAULT_JPEG_QUALITY = 0.85f;

    private ImageEncoder() {
    }

    public static byte[] png(RenderedImage image) {
        return write(image, "png", Float.NaN);
    }

    public static byte[] jpeg(RenderedImage image) {
        return jpeg(image, DEFAULT_JPEG_QUALITY);
    }

    /** @param quality 0 (smallest) to 1 (best) */
    public static byte[] jpeg(RenderedImage image, float quality) {
        if (!(quality >= 0 && quality <= 1)) {
            throw new ValidationException("JPEG quality " + quality + " is outside 0..1");
        }
        return write(image, "jpeg", quality);
    }

    /** Uncompressed TIFF. */
    public static byte[] tiff(RenderedImage image) {
        return write(image, "tiff", Float.NaN);
    }

    private static byte[] write(RenderedImage image, String format, float quality) {
        BufferedImage img = image.toBufferedImage();
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IllegalStateException("this JVM has no " + format + " writer");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.width() * image.height() / 2 + 1024);
        // in memory: ImageIO.createImageOutputStream would stage every encode through a temporary file (its cache
        // is on by default), a file created and deleted per tile under load
        try (ImageOutputStream out = new javax.imageio.stream.MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (!Float.isNaN(quality)) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
            }
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding " + format, e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
