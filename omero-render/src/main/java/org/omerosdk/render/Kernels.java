package org.omerosdk.render;

/**
 * The hot loops: primitive arrays in, packed ints out, no calls, boxing or allocation inside a loop. Each works on
 * the index range [from, to) so callers can split a plane into cache-sized bands and threads.
 */
final class Kernels {
    private Kernels() {
    }

    /** Offset that turns a raw value of the type into its table index. */
    static int bias(org.omerosdk.model.PixelType type) {
        return type.isSigned() ? -(int) type.min() : 0;
    }

    // ---- 16-bit -----------------------------------------------------------------------------------------------

    static void lut16(short[] s, int[] lut, int bias, int[] out, int from, int to) {
        // mask + table read + store: a plain counted loop that C2 unrolls
        for (int i = from; i < to; i++) {
            out[i] = lut[(s[i] + bias) & 0xFFFF];
        }
    }

    static void add16(short[] s, int[] lut, int bias, int[] acc, int from, int to) {
        // acc += table[raw]: one add per pixel, no branch
        for (int i = from; i < to; i++) {
            acc[i] += lut[(s[i] + bias) & 0xFFFF];
        }
    }

    static void three16(short[] a, short[] b, short[] c, int[] la, int[] lb, int[] lc, int bias, int[] out,
                        int from, int to) {
        // three channels fused: three table reads, two adds, the branch-free clamp of pack(), one store per pixel
        for (int i = from; i < to; i++) {
            int sum = la[(a[i] + bias) & 0xFFFF] + lb[(b[i] + bias) & 0xFFFF] + lc[(c[i] + bias) & 0xFFFF];
            int r = Math.min(sum >>> 20 & 0x3FF, 255);
            int g = Math.min(sum >>> 10 & 0x3FF, 255);
            int bl = Math.min(sum & 0x3FF, 255);
            out[i] = 0xFF000000 | r << 16 | g << 8 | bl;
        }
    }

    static void three16Direct(short[] a, short[] b, short[] c, int[] la, int[] lb, int[] lc, int[] out,
                              int from, int to) {
        // unsigned raw values index the tables directly (char loads, no bias add); the tables hold ARGB fields that
        // cannot carry into each other, so three reads, two adds and a store are the whole pixel
        for (int i = from; i < to; i++) {
            out[i] = la[a[i] & 0xFFFF] + lb[b[i] & 0xFFFF] + lc[c[i] & 0xFFFF];
        }
    }

    static void three16Direct(short[] a, short[] b, short[] c, int[] la, int[] lb, int[] lc, int bias, int[] out,
                              int from, int to) {
        // signed raws: the bias turns them into table indices; otherwise as above
        for (int i = from; i < to; i++) {
            out[i] = la[(a[i] + bias) & 0xFFFF] + lb[(b[i] + bias) & 0xFFFF] + lc[(c[i] + bias) & 0xFFFF];
        }
    }

    static void lut16Unsigned(short[] s, int[] lut, int[] out, int from, int to) {
        // a char load and a table read per pixel
        for (int i = from; i < to; i++) {
            out[i] = lut[s[i] & 0xFFFF];
        }
    }

    // ---- 8-bit ------------------------------------------------------------------------------------------------

    static void lut8(byte[] s, int[] lut, int bias, int[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = lut[(s[i] + bias) & 0xFF];
        }
    }

    static void add8(byte[] s, int[] lut, int bias, int[] acc, int from, int to) {
        for (int i = from; i < to; i++) {
            acc[i] += lut[(s[i] + bias) & 0xFF];
        }
    }

    // ---- shared -----------------------------------------------------------------------------------------------

    static void packAll(int[] acc, int from, int to) {
        // branch-free clamp per component (Math.min compiles to a conditional move / vector min)
        for (int i = from; i < to; i++) {
            int sum = acc[i];
            int r = Math.min(sum >>> 20 & 0x3FF, 255);
            int g = Math.min(sum >>> 10 & 0x3FF, 255);
            int b = Math.min(sum & 0x3FF, 255);
            acc[i] = 0xFF000000 | r << 16 | g << 8 | b;
        }
    }
}
