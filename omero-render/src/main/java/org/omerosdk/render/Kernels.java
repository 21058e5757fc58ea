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
        // two passes over the band: the table reads and adds, then the clamp as a pure arithmetic loop that C2
        // vectorizes (fused, the clamp's dozen operations per pixel sat behind the scalar table reads)
        for (int i = from; i < to; i++) {
            out[i] = la[(a[i] + bias) & 0xFFFF] + lb[(b[i] + bias) & 0xFFFF] + lc[(c[i] + bias) & 0xFFFF];
        }
        packAll(out, from, to);
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
            acc[i] = saturate(acc[i]);
        }
    }

    /**
     * A sum of 10-bit contributions ({@code r << 20 | g << 10 | b}, each field below 1024) as opaque ARGB with each
     * component clamped at 255, without a branch or a compare: a field of 256 or more has bit 8 or 9 set, and that
     * bit, moved to the field's bit 0 and multiplied by 255, fills the field's low byte. Data-dependent clamps by
     * compare and select ran four times slower than unclamped sums on noisy images (mispredicted branches).
     */
    static int saturate(int sum) {
        int over = (sum | sum >>> 1) & 0x10040100;
        int v = sum | (over >>> 8) * 0xFF;
        return 0xFF000000 | v >>> 4 & 0xFF0000 | v >>> 2 & 0xFF00 | v & 0xFF;
    }
}
