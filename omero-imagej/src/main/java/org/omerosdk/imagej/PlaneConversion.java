package org.omerosdk.imagej;

import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.omerosdk.model.PixelType;
import org.omerosdk.render.PixelSource;

/**
 * How OMERO's pixel types become ImageJ 1.x processors, which are 8-bit unsigned, 16-bit unsigned or 32-bit float:
 * {@code uint8} and {@code bit} (0 or 1) as 8-bit, {@code uint16} as 16-bit, every other type as 32-bit float with
 * its signed values as they are (exact for {@code int8}, {@code int16} and integers up to 2<sup>24</sup>; larger
 * {@code int32}/{@code uint32} values and {@code double} lose precision).
 */
final class PlaneConversion {
    private PlaneConversion() {
    }

    /** The ImageJ bit depth (8, 16 or 32) {@code type} opens as. */
    static int bitDepth(PixelType type) {
        return switch (type) {
            case UINT8, BIT -> 8;
            case UINT16 -> 16;
            default -> 32;
        };
    }

    /** Reads plane {@code (z, c, t)} of {@code level} into a new processor of {@link #bitDepth}. */
    static ImageProcessor read(PixelSource source, int level, int z, int c, int t) {
        int w = source.sizeX(level);
        int h = source.sizeY(level);
        PixelType type = source.pixelType();
        ByteBuffer buf = ByteBuffer.allocate(Math.multiplyExact(Math.multiplyExact(w, h), type.bytesPerPixel()))
                .order(ByteOrder.nativeOrder());
        source.readRegion(level, z, c, t, 0, 0, w, h, buf);
        buf.flip();
        return toProcessor(type, w, h, buf);
    }

    /** A processor over {@code pixels} (a byte[], short[] or float[] array of {@code w * h}). */
    static ImageProcessor wrap(int w, int h, Object pixels) {
        if (pixels instanceof byte[] b) {
            return new ByteProcessor(w, h, b);
        }
        if (pixels instanceof short[] s) {
            return new ShortProcessor(w, h, s, null);
        }
        return new FloatProcessor(w, h, (float[]) pixels);
    }

    static ImageProcessor toProcessor(PixelType type, int w, int h, ByteBuffer buf) {
        int n = w * h;
        switch (type) {
            case UINT8, BIT: {
                byte[] px = new byte[n];
                buf.get(px);
                return new ByteProcessor(w, h, px);
            }
            case UINT16: {
                short[] px = new short[n];
                buf.asShortBuffer().get(px);
                return new ShortProcessor(w, h, px, null);
            }
            case FLOAT: {
                float[] px = new float[n];
                buf.asFloatBuffer().get(px);
                return new FloatProcessor(w, h, px);
            }
            default:
                return new FloatProcessor(w, h, toFloat(type, buf, n));
        }
    }

    private static float[] toFloat(PixelType type, ByteBuffer buf, int n) {
        float[] px = new float[n];
        switch (type) {
            case INT8 -> {
                for (int i = 0; i < n; i++) {
                    px[i] = buf.get(i);
                }
            }
            case INT16 -> {
                var s = buf.asShortBuffer();
                for (int i = 0; i < n; i++) {
                    px[i] = s.get(i);
                }
            }
            case INT32 -> {
                var s = buf.asIntBuffer();
                for (int i = 0; i < n; i++) {
                    px[i] = s.get(i);
                }
            }
            case UINT32 -> {
                var s = buf.asIntBuffer();
                for (int i = 0; i < n; i++) {
                    px[i] = s.get(i) & 0xFFFFFFFFL;
                }
            }
            case DOUBLE -> {
                var s = buf.asDoubleBuffer();
                for (int i = 0; i < n; i++) {
                    px[i] = (float) s.get(i);
                }
            }
            default -> throw new IllegalStateException(type.omeroName());
        }
        return px;
    }
}
