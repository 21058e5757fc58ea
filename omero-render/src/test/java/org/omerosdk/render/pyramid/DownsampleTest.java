package org.omerosdk.render.pyramid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.omerosdk.model.PixelType;

/** The lane-parallel 2 x 2 mean against the definition, on the values where carries and signs go wrong. */
class DownsampleTest {
    private static long sample(PixelType t, ByteBuffer b, int i) {
        switch (t) {
            case INT8: return b.get(i);
            case UINT8: return b.get(i) & 0xFF;
            case INT16: return b.getShort(2 * i);
            default: return b.getShort(2 * i) & 0xFFFF;
        }
    }

    @ParameterizedTest
    @EnumSource(value = PixelType.class, names = {"INT8", "UINT8", "INT16", "UINT16"})
    void wholeBlocksAtTheExtremesAreTheRoundedHalfUpMean(PixelType type) {
        holdsTheDefinition(type, false);
    }

    /** The pyramid builder's strips are direct buffers: their path must give the same pixels. */
    @ParameterizedTest
    @EnumSource(value = PixelType.class, names = {"INT8", "UINT8", "INT16", "UINT16"})
    void wholeBlocksInDirectBuffersAreTheRoundedHalfUpMeanToo(PixelType type) {
        holdsTheDefinition(type, true);
    }

    private static ByteBuffer allocate(int size, boolean direct) {
        return (direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void holdsTheDefinition(PixelType type, boolean direct) {
        int bpp = type.bytesPerPixel();
        // every row width from 1 to 21 so that each lane group and each leftover count is hit
        for (int w = 1; w <= 21; w++) {
            int h = 6;
            ByteBuffer in = allocate(w * h * bpp, direct);
            Random r = new Random(w);
            long[] extremes = bpp == 1 ? new long[] {0, 1, 2, 0x7F, 0x80, 0xFE, 0xFF}
                    : new long[] {0, 1, 2, 0x7FFF, 0x8000, 0xFFFE, 0xFFFF};
            for (int i = 0; i < w * h; i++) {
                long v = extremes[r.nextInt(extremes.length)];
                if (bpp == 1) {
                    in.put(i, (byte) v);
                } else {
                    in.putShort(2 * i, (short) v);
                }
            }
            int ow = Downsample.half(w);
            int oh = Downsample.half(h);
            ByteBuffer out = allocate(ow * oh * bpp, direct);
            Downsample.mean(type, in, w, h, out);
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    long sum = 0;
                    int n = 0;
                    for (int y = 2 * oy; y < Math.min(h, 2 * oy + 2); y++) {
                        for (int x = 2 * ox; x < Math.min(w, 2 * ox + 2); x++) {
                            sum += sample(type, in, y * w + x);
                            n++;
                        }
                    }
                    long expected = Math.floorDiv(2 * sum + n, 2L * n);
                    assertEquals(expected, sample(type, out, oy * ow + ox),
                            type + (direct ? " direct" : "") + " width " + w + " at (" + ox + ", " + oy + ")");
                }
            }
        }
    }
}
