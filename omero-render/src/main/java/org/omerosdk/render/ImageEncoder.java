package org.omerosdk.render;

import java.awt.image.BufferedImage;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
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

    /** Each thread's JPEG writer, reset after every encode (replaced when an encode fails). */
    private static final ThreadLocal<ImageWriter> JPEG_WRITER = ThreadLocal.withInitial(() -> writer("jpeg"));

    private static final ComponentColorModel RGB_BYTES = new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);

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
        // a tile server encodes thousands of tiles a second: each thread keeps its writer (creating one costs about
        // a tenth of an encode), and the pixels go in as R, G, B bytes, the layout the JPEG writer copies whole rows
        // of (from packed ints it unpacks sample by sample: about a third of an encode)
        ImageWriter writer = JPEG_WRITER.get();
        boolean reusable = false;
        try {
            byte[] out = write(writer, rgbBytes(image), quality);
            reusable = true;
            return out;
        } finally {
            if (reusable) {
                writer.reset();
            } else {
                JPEG_WRITER.remove();
                writer.dispose();
            }
        }
    }

    /** Uncompressed TIFF. */
    public static byte[] tiff(RenderedImage image) {
        return write(image, "tiff", Float.NaN);
    }

    private static byte[] write(RenderedImage image, String format, float quality) {
        ImageWriter writer = writer(format);
        try {
            return write(writer, image.toBufferedImage(), quality);
        } finally {
            writer.dispose();
        }
    }

    private static ImageWriter writer(String format) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IllegalStateException("this JVM has no " + format + " writer");
        }
        return writers.next();
    }

    private static byte[] write(ImageWriter writer, BufferedImage img, float quality) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(img.getWidth() * img.getHeight() / 2 + 1024);
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
            throw new UncheckedIOException("encoding " + writer.getOriginatingProvider().getFormatNames()[0], e);
        }
        return bytes.toByteArray();
    }

    /**
     * {@code image} as interleaved R, G, B bytes (alpha dropped): the band order of the JPEG writer's own rows, so
     * that it copies each row with one array copy (from BGR, as {@code TYPE_3BYTE_BGR}, it copies sample by sample).
     */
    private static BufferedImage rgbBytes(RenderedImage image) {
        int w = image.width();
        int h = image.height();
        byte[] rgb = new byte[w * h * 3];
        int[] argb = image.argb();
        for (int i = 0, j = 0, n = w * h; i < n; i++, j += 3) {
            int v = argb[i];
            rgb[j] = (byte) (v >> 16);
            rgb[j + 1] = (byte) (v >> 8);
            rgb[j + 2] = (byte) v;
        }
        WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(rgb, rgb.length), w, h, w * 3, 3,
                new int[] {0, 1, 2}, null);
        return new BufferedImage(RGB_BYTES, raster, false, null);
    }
}
