package org.omerosdk.importer.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small classic little-endian TIFFs entry by entry, including broken ones, for the bad-input tests. Pixel
 * data goes right after the header; {@link #entry} values of up to four bytes are inline, longer ones follow the
 * directory.
 */
final class TinyTiff {
    private final List<long[]> entries = new ArrayList<>();
    private final List<byte[]> values = new ArrayList<>();
    private byte[] data = new byte[0];
    private long nextIfd;
    private Long firstIfdOverride;

    /** An entry of SHORT (type 3) or LONG (type 4) values. */
    TinyTiff entry(int tag, int type, long... v) {
        entries.add(new long[] {tag, type, v.length});
        ByteBuffer b = ByteBuffer.allocate(v.length * (type == 3 ? 2 : 4)).order(ByteOrder.LITTLE_ENDIAN);
        for (long x : v) {
            if (type == 3) {
                b.putShort((short) x);
            } else {
                b.putInt((int) x);
            }
        }
        values.add(b.array());
        return this;
    }

    /** Pixel (strip) bytes, placed at offset 8. */
    TinyTiff data(byte[] d) {
        data = d.clone();
        return this;
    }

    /** The next-IFD offset written after the directory (for loops). */
    TinyTiff next(long offset) {
        nextIfd = offset;
        return this;
    }

    TinyTiff firstIfd(long offset) {
        firstIfdOverride = offset;
        return this;
    }

    /** Where the directory will start. */
    long ifdOffset() {
        return 8 + data.length + (data.length & 1);
    }

    byte[] bytes() {
        long ifd = ifdOffset();
        int n = entries.size();
        long extra = ifd + 2 + 12L * n + 4;
        ByteBuffer b = ByteBuffer.allocate((int) extra + values.stream().mapToInt(v -> v.length + 1).sum())
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt((int) (firstIfdOverride != null
                ? firstIfdOverride : ifd));
        b.put(data);
        b.position((int) ifd);
        b.putShort((short) n);
        long cursor = extra;
        List<byte[]> after = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long[] e = entries.get(i);
            byte[] v = values.get(i);
            b.putShort((short) e[0]).putShort((short) e[1]).putInt((int) e[2]);
            if (v.length <= 4) {
                byte[] four = new byte[4];
                System.arraycopy(v, 0, four, 0, v.length);
                b.put(four);
            } else {
                b.putInt((int) cursor);
                cursor += v.length;
                after.add(v);
            }
        }
        b.putInt((int) nextIfd);
        for (byte[] v : after) {
            b.put(v);
        }
        byte[] out = new byte[b.position()];
        b.flip();
        b.get(out);
        return out;
    }

    /** A valid 8-bit grey image of {@code w x h} in one uncompressed strip holding {@code pixels}. */
    static TinyTiff grey8(int w, int h, byte[] pixels) {
        return new TinyTiff().data(pixels)
                .entry(256, 4, w).entry(257, 4, h).entry(258, 3, 8).entry(259, 3, 1).entry(262, 3, 1)
                .entry(273, 4, 8).entry(277, 3, 1).entry(278, 4, h).entry(279, 4, pixels.length);
    }
}
