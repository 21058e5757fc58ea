package org.omerosdk.render.codec.tiff;

import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.omerosdk.model.FormatException;

/**
 * Baseline and extended 8-bit JPEG through the JDK's decoder, for TIFF tiles and strips (JPEGTables spliced in
 * front of each abbreviated stream) and for plain JPEG files. Returns the components as stored, without colour
 * conversion; {@link #ycbcrToRgb} converts when the TIFF says YCbCr. A warning from the decoder (premature end,
 * corrupt data) is an error: a damaged tile is never returned as noise.
 */
public final class JpegCodec {
    private JpegCodec() {
    }

    /** The decoder per thread (ImageReader is not thread-safe) and the warnings of its current read. */
    private static final class Decoder {
        final ImageReader reader;
        final List<String> warnings = new ArrayList<>();

        Decoder() {
            Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg");
            if (!it.hasNext()) {
                throw new FormatException("this JDK has no JPEG decoder");
            }
            reader = it.next();
            reader.addIIOReadWarningListener((IIOReadWarningListener) (source, warning) -> warnings.add(warning));
        }
    }

    private static final ThreadLocal<Decoder> DECODER = ThreadLocal.withInitial(Decoder::new);

    /** The decoded components of one JPEG stream. */
    public record Decoded(int width, int height, int bands, byte[] pixels) {
    }

    /** Splices {@code tables} (a tables-only stream) in front of {@code data} (an abbreviated stream). */
    public static byte[] splice(byte[] tables, byte[] data) {
        if (tables == null || tables.length < 4 || data.length < 2) {
            return data;
        }
        int tlen = tables.length;
        // drop the tables' EOI and the data's SOI
        if ((tables[tlen - 2] & 0xFF) == 0xFF && (tables[tlen - 1] & 0xFF) == 0xD9) {
            tlen -= 2;
        }
        int skip = (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8 ? 2 : 0;
        byte[] out = new byte[tlen + data.length - skip];
        System.arraycopy(tables, 0, out, 0, tlen);
        System.arraycopy(data, skip, out, tlen, data.length - skip);
        return out;
    }

    /**
     * Refuses what the JDK cannot decode, before trying: precisions other than 8 bits (12-bit JPEG), lossless,
     * hierarchical and arithmetic-coded JPEG.
     */
    public static void checkSupported(byte[] stream, String where) {
        int i = 2;
        while (i + 4 <= stream.length) {
            if ((stream[i] & 0xFF) != 0xFF) {
                return;   // not at a marker: leave it to the decoder
            }
            int m = stream[i + 1] & 0xFF;
            if (m == 0xFF) {
                i++;
                continue;
            }
            if (m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7)) {
                i += 2;
                continue;
            }
            int len = (stream[i + 2] & 0xFF) << 8 | (stream[i + 3] & 0xFF);
            if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
                int precision = i + 4 < stream.length ? stream[i + 4] & 0xFF : 8;
                if (precision != 8) {
                    throw new FormatException(where + " holds " + precision + "-bit JPEG data (SOF"
                            + (m - 0xC0) + "); only 8-bit JPEG is decoded");
                }
                if (m != 0xC0 && m != 0xC1 && m != 0xC2) {
                    throw new FormatException(where + " holds JPEG of process SOF" + (m - 0xC0)
                            + " (lossless, hierarchical or arithmetic-coded); only baseline, extended and "
                            + "progressive Huffman JPEG are decoded");
                }
                return;
            }
            if (m == 0xDA) {
                return;
            }
            i += 2 + len;
        }
    }

    /** Decodes one complete JPEG stream into its raw components (interleaved). */
    public static Decoded decode(byte[] stream, String where) {
        checkSupported(stream, where);
        Decoder d = DECODER.get();
        d.warnings.clear();
        try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(stream))) {
            d.reader.setInput(in, true, true);
            Raster r = d.reader.readRaster(0, null);
            if (!d.warnings.isEmpty()) {
                throw new FormatException(where + ": the JPEG data is damaged (" + d.warnings.get(0) + ")");
            }
            int w = r.getWidth();
            int h = r.getHeight();
            int bands = r.getNumBands();
            byte[] direct = interleavedBytes(r);
            if (direct != null) {
                return new Decoded(w, h, bands, direct);
            }
            Object elements = r.getDataElements(r.getMinX(), r.getMinY(), w, h, null);
            if (!(elements instanceof byte[] px)) {
                throw new FormatException(where + ": JPEG decoded to " + elements.getClass().getSimpleName()
                        + " samples; 8-bit expected");
            }
            return new Decoded(w, h, bands, px);
        } catch (IOException | RuntimeException e) {
            if (e instanceof FormatException f) {
                throw f;
            }
            throw new FormatException(where + ": the JPEG data cannot be decoded (" + e.getMessage() + ")", e);
        } finally {
            d.reader.setInput(null);
        }
    }

    /**
     * The raster's own array when it holds exactly w x h x bands interleaved bytes in band order from offset 0 (what
     * the JDK's decoder produces), so that no copy is made; null otherwise.
     */
    private static byte[] interleavedBytes(Raster r) {
        if (r.getMinX() != 0 || r.getMinY() != 0 || !(r.getDataBuffer() instanceof DataBufferByte buffer)
                || buffer.getNumBanks() != 1 || buffer.getOffset() != 0
                || !(r.getSampleModel() instanceof PixelInterleavedSampleModel m)) {
            return null;
        }
        int bands = r.getNumBands();
        int[] offsets = m.getBandOffsets();
        if (m.getPixelStride() != bands || m.getScanlineStride() != r.getWidth() * bands
                || r.getSampleModelTranslateX() != 0 || r.getSampleModelTranslateY() != 0) {
            return null;
        }
        for (int b = 0; b < bands; b++) {
            if (offsets[b] != b) {
                return null;
            }
        }
        byte[] data = buffer.getData();
        return data.length == r.getWidth() * r.getHeight() * bands ? data : null;
    }

    /** Converts interleaved YCbCr (JFIF, full range) to RGB in place. */
    public static void ycbcrToRgb(byte[] px, int pixels) {
        for (int i = 0, p = 0; i < pixels; i++, p += 3) {
            int y = px[p] & 0xFF;
            int cb = (px[p + 1] & 0xFF) - 128;
            int cr = (px[p + 2] & 0xFF) - 128;
            // libjpeg's fixed-point constants (16 fractional bits), rounded
            int r = y + ((91881 * cr + 32768) >> 16);
            int g = y - ((22554 * cb + 46802 * cr - 32768) >> 16);
            int b = y + ((116130 * cb + 32768) >> 16);
            px[p] = (byte) (r < 0 ? 0 : r > 255 ? 255 : r);
            px[p + 1] = (byte) (g < 0 ? 0 : g > 255 ? 255 : g);
            px[p + 2] = (byte) (b < 0 ? 0 : b > 255 ? 255 : b);
        }
    }
}
