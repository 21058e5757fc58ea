package org.omerosdk.render.pyramid;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.omerosdk.model.PixelType;

/**
 * The 2 x 2 mean from one level to the next. Output pixel (x, y) averages input pixels (2x..2x+1, 2y..2y+1) that
 * exist, so an odd edge averages two (or one) samples. Integer types round half up ({@code floor(mean + 0.5)});
 * floating types keep the exact mean.
 */
final class Downsample {
    private Downsample() {
    }

    /** Next level's size: half, rounded up, at least 1. */
    static int half(int n) {
        return Math.max(1, (n + 1) / 2);
    }

    /**
     * @param in  {@code iw x ih} little-endian pixels
     * @param out receives {@code half(iw) x half(ih)} little-endian pixels
     */
    static void mean(PixelType type, ByteBuffer in, int iw, int ih, ByteBuffer out) {
        int ow = half(iw);
        int oh = half(ih);
        in.order(ByteOrder.LITTLE_ENDIAN);
        out.order(ByteOrder.LITTLE_ENDIAN);
        // whole 2 x 2 blocks of 8- and 16-bit pixels take a fast path; the odd edges and other types the general one
        boolean arrays = in.hasArray() && out.hasArray();
        boolean direct = in.isDirect() && out.isDirect();
        int fullW = (arrays || direct) && type.bytesPerPixel() <= 2 ? iw / 2 : 0;
        for (int oy = 0; oy < oh; oy++) {
            int from = 0;
            if (2 * oy + 1 < ih && fullW > 0) {
                if (arrays) {
                    blocks(type, in, iw, out, ow, oy, fullW);
                } else {
                    directBlocks(type, in, iw, out, ow, oy, fullW);
                }
                from = fullW;
            }
            for (int ox = from; ox < ow; ox++) {
                pixel(type, in, iw, ih, out, ow, ox, oy);
            }
        }
    }

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    /** The even 16-bit lanes of a long, and the even 8-bit lanes. */
    private static final long LANES_16 = 0x0000FFFF0000FFFFL;
    private static final long LANES_8 = 0x00FF00FF00FF00FFL;

    /**
     * Two whole 2 x 2 blocks of 16-bit pixels at once, four pixels of each row read as one long: the even and the
     * odd pixels are split into 32-bit lanes and summed there (at most 4 x 65535 + 2, no carry between lanes), so
     * each lane is floor((sum + 2) / 4) exactly as pixel by pixel. {@code flip} (0x8000 per pixel for int16) maps
     * signed to unsigned and back, which shifts every sum by 4 x 32768 and so keeps floor((sum + 2) / 4).
     * Returns the two results packed as two little-endian 16-bit pixels.
     */
    private static int pairOf16(long top, long bottom, long flip) {
        top ^= flip;
        bottom ^= flip;
        long sum = (top & LANES_16) + ((top >>> 16) & LANES_16) + (bottom & LANES_16)
                + ((bottom >>> 16) & LANES_16) + 0x0000000200000002L;
        long mean = (sum >>> 2) & LANES_16;
        return (int) (mean | (mean >>> 16)) ^ (int) flip;
    }

    /** Four whole 2 x 2 blocks of 8-bit pixels at once, as {@link #pairOf16} (16-bit lanes; 0x80 flips int8). */
    private static int quadOf8(long top, long bottom, long flip) {
        top ^= flip;
        bottom ^= flip;
        long sum = (top & LANES_8) + ((top >>> 8) & LANES_8) + (bottom & LANES_8) + ((bottom >>> 8) & LANES_8)
                + 0x0002000200020002L;
        long mean = (sum >>> 2) & LANES_8;
        long packed = mean | (mean >>> 8);
        return ((int) packed & 0xFFFF | (int) (packed >>> 16) & 0xFFFF0000) ^ (int) flip;
    }

    /** Output pixels [0, n) of row oy, each the mean of a whole 2 x 2 block: floor((sum + 2) / 4). */
    private static void blocks(PixelType type, ByteBuffer in, int iw, ByteBuffer out, int ow, int oy, int n) {
        byte[] src = in.array();
        byte[] dst = out.array();
        int bpp = type.bytesPerPixel();
        int top = in.arrayOffset() + 2 * oy * iw * bpp;
        int bottom = top + iw * bpp;
        int o = out.arrayOffset() + oy * ow * bpp;
        int x = 0;
        switch (type) {
            case UINT16:
            case INT16: {
                // two blocks per step, lane-parallel in a long: a quarter of the loads and bounds checks
                long flip = type == PixelType.INT16 ? 0x8000800080008000L : 0;
                for (; x + 2 <= n; x += 2, top += 8, bottom += 8, o += 4) {
                    INT.set(dst, o, pairOf16((long) LONG.get(src, top), (long) LONG.get(src, bottom), flip));
                }
                break;
            }
            default: {
                long flip = type == PixelType.INT8 ? 0x8080808080808080L : 0;
                for (; x + 4 <= n; x += 4, top += 8, bottom += 8, o += 4) {
                    INT.set(dst, o, quadOf8((long) LONG.get(src, top), (long) LONG.get(src, bottom), flip));
                }
                break;
            }
        }
        // the last blocks of the row, one at a time
        switch (type) {
            case UINT16:
                // four unsigned loads, three adds, a shift: no division, no branch
                for (; x < n; x++, top += 4, bottom += 4, o += 2) {
                    int sum = ((short) SHORT.get(src, top) & 0xFFFF) + ((short) SHORT.get(src, top + 2) & 0xFFFF)
                            + ((short) SHORT.get(src, bottom) & 0xFFFF)
                            + ((short) SHORT.get(src, bottom + 2) & 0xFFFF);
                    SHORT.set(dst, o, (short) ((sum + 2) >>> 2));
                }
                break;
            case INT16:
                // the arithmetic shift floors negative sums as floor((sum + 2) / 4) requires
                for (; x < n; x++, top += 4, bottom += 4, o += 2) {
                    int sum = (short) SHORT.get(src, top) + (short) SHORT.get(src, top + 2)
                            + (short) SHORT.get(src, bottom) + (short) SHORT.get(src, bottom + 2);
                    SHORT.set(dst, o, (short) ((sum + 2) >> 2));
                }
                break;
            case INT8:
                for (; x < n; x++, top += 2, bottom += 2, o++) {
                    int sum = src[top] + src[top + 1] + src[bottom] + src[bottom + 1];
                    dst[o] = (byte) ((sum + 2) >> 2);
                }
                break;
            default:
                // UINT8 and BIT
                for (; x < n; x++, top += 2, bottom += 2, o++) {
                    int sum = (src[top] & 0xFF) + (src[top + 1] & 0xFF) + (src[bottom] & 0xFF)
                            + (src[bottom + 1] & 0xFF);
                    dst[o] = (byte) ((sum + 2) >>> 2);
                }
                break;
        }
    }

    /**
     * {@link #blocks} on direct (little-endian) buffers, the same arithmetic: the pyramid builder's strips are direct
     * so that its chunks are written from them without a copy. Absolute long loads on a direct buffer compile to
     * plain memory loads.
     */
    private static void directBlocks(PixelType type, ByteBuffer in, int iw, ByteBuffer out, int ow, int oy, int n) {
        int bpp = type.bytesPerPixel();
        int top = 2 * oy * iw * bpp;
        int bottom = top + iw * bpp;
        int o = oy * ow * bpp;
        int x = 0;
        if (bpp == 2) {
            long flip = type == PixelType.INT16 ? 0x8000800080008000L : 0;
            for (; x + 2 <= n; x += 2, top += 8, bottom += 8, o += 4) {
                out.putInt(o, pairOf16(in.getLong(top), in.getLong(bottom), flip));
            }
            // the last block of the row, as a pair whose second half is dropped: the lanes do not mix
            if (x < n) {
                long t = in.getInt(top) & 0xFFFFFFFFL;
                long b = in.getInt(bottom) & 0xFFFFFFFFL;
                int pair = pairOf16(t | (t << 32), b | (b << 32), flip);
                out.putShort(o, (short) pair);
            }
        } else {
            long flip = type == PixelType.INT8 ? 0x8080808080808080L : 0;
            for (; x + 4 <= n; x += 4, top += 8, bottom += 8, o += 4) {
                out.putInt(o, quadOf8(in.getLong(top), in.getLong(bottom), flip));
            }
            for (; x < n; x++, top += 2, bottom += 2, o++) {
                long t = in.getShort(top) & 0xFFFFL;
                long b = in.getShort(bottom) & 0xFFFFL;
                out.put(o, (byte) quadOf8(t, b, flip));
            }
        }
    }

    /** One output pixel, averaging the input samples of its block that exist. */
    private static void pixel(PixelType type, ByteBuffer in, int iw, int ih, ByteBuffer out, int ow, int ox,
                              int oy) {
        int bpp = type.bytesPerPixel();
        int y0 = 2 * oy;
        int y1 = Math.min(ih - 1, y0 + 1);
        int x0 = 2 * ox;
        int x1 = Math.min(iw - 1, x0 + 1);
        int n = (y1 - y0 + 1) * (x1 - x0 + 1);
        int a = (y0 * iw + x0) * bpp;
        int b = (y0 * iw + x1) * bpp;
        int c = (y1 * iw + x0) * bpp;
        int d = (y1 * iw + x1) * bpp;
        boolean twoX = x1 != x0;
        boolean twoY = y1 != y0;
        int o = (oy * ow + ox) * bpp;
        switch (type) {
            case UINT16: {
                long s = (in.getShort(a) & 0xFFFF) + (twoX ? in.getShort(b) & 0xFFFF : 0)
                        + (twoY ? in.getShort(c) & 0xFFFF : 0) + (twoX && twoY ? in.getShort(d) & 0xFFFF : 0);
                out.putShort(o, (short) Math.floorDiv(2 * s + n, 2L * n));
                break;
            }
            case INT16: {
                long s = in.getShort(a) + (twoX ? in.getShort(b) : 0) + (twoY ? in.getShort(c) : 0)
                        + (twoX && twoY ? in.getShort(d) : 0);
                out.putShort(o, (short) Math.floorDiv(2 * s + n, 2L * n));
                break;
            }
            case UINT8:
            case BIT: {
                long s = (in.get(a) & 0xFF) + (twoX ? in.get(b) & 0xFF : 0) + (twoY ? in.get(c) & 0xFF : 0)
                        + (twoX && twoY ? in.get(d) & 0xFF : 0);
                out.put(o, (byte) Math.floorDiv(2 * s + n, 2L * n));
                break;
            }
            case INT8: {
                long s = in.get(a) + (twoX ? in.get(b) : 0) + (twoY ? in.get(c) : 0)
                        + (twoX && twoY ? in.get(d) : 0);
                out.put(o, (byte) Math.floorDiv(2 * s + n, 2L * n));
                break;
            }
            case UINT32: {
                long s = (in.getInt(a) & 0xFFFFFFFFL) + (twoX ? in.getInt(b) & 0xFFFFFFFFL : 0)
                        + (twoY ? in.getInt(c) & 0xFFFFFFFFL : 0)
                        + (twoX && twoY ? in.getInt(d) & 0xFFFFFFFFL : 0);
                out.putInt(o, (int) Math.floorDiv(2 * s + n, 2L * n));
                break;
            }
            case INT32: {
                long s = (long) in.getInt(a) + (twoX ? in.getInt(b) : 0) + (twoY ? in.getInt(c) : 0)
                        + (twoX && twoY ? in.getInt(d) : 0);
                out.putInt(o, (int) Math.floorDiv(2 * s + n, 2L * n));
                break;
            }
            case FLOAT: {
                double s = in.getFloat(a) + (twoX ? in.getFloat(b) : 0) + (twoY ? in.getFloat(c) : 0)
                        + (twoX && twoY ? in.getFloat(d) : 0);
                out.putFloat(o, (float) (s / n));
                break;
            }
            default: {
                double s = in.getDouble(a) + (twoX ? in.getDouble(b) : 0) + (twoY ? in.getDouble(c) : 0)
                        + (twoX && twoY ? in.getDouble(d) : 0);
                out.putDouble(o, s / n);
                break;
            }
        }
    }
}
