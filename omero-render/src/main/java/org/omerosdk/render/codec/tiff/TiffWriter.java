package org.omerosdk.render.codec.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a little-endian classic or BigTIFF file to a channel: blocks of pixel data, then IFDs whose entries
 * reference them, then the header pointing at the first IFD. The counterpart of {@link TiffFile}; the pyramid's
 * OME-TIFF export writes through it.
 */
public final class TiffWriter {
    public static final int ASCII = 2;
    public static final int SHORT = 3;
    public static final int LONG = 4;
    public static final int IFD = 13;
    public static final int LONG8 = 16;
    public static final int IFD8 = 18;

    /** One directory entry: numeric values, or text for an ASCII entry. */
    public record Entry(int tag, int type, long[] values, String text) {
        public static Entry of(int tag, int type, long... values) {
            return new Entry(tag, type, values, null);
        }

        public static Entry ascii(int tag, String text) {
            return new Entry(tag, ASCII, null, text);
        }
    }

    private final FileChannel channel;
    private final boolean big;
    private long position;

    /** A writer whose first block goes right after the header. */
    public TiffWriter(FileChannel channel, boolean bigTiff) {
        this.channel = channel;
        this.big = bigTiff;
        this.position = bigTiff ? 16 : 8;
    }

    public boolean isBigTiff() {
        return big;
    }

    /** The type of offsets in this file: LONG8 for BigTIFF, LONG for classic TIFF. */
    public int offsetType() {
        return big ? LONG8 : LONG;
    }

    /** The type of SubIFD offsets: IFD8 for BigTIFF, IFD for classic TIFF. */
    public int ifdType() {
        return big ? IFD8 : IFD;
    }

    /** Appends {@code data} (from its position to its limit); returns its offset. */
    public long writeBlock(ByteBuffer data) throws IOException {
        long at = position;
        while (data.hasRemaining()) {
            position += channel.write(data, position);
        }
        return at;
    }

    /**
     * Appends one IFD (entries in ascending tag order, as TIFF requires) with its out-of-line values after it, and
     * {@code next} as the following IFD's offset; returns the IFD's offset.
     */
    public long writeIfd(List<Entry> entries, long next) throws IOException {
        int inline = big ? 8 : 4;
        List<byte[]> extra = new ArrayList<>();
        List<Integer> extraOf = new ArrayList<>();
        List<byte[]> encoded = new ArrayList<>();
        for (Entry e : entries) {
            byte[] v = encode(e);
            encoded.add(v);
            if (v.length > inline) {
                extraOf.add(extra.size());
                extra.add(v);
            } else {
                extraOf.add(-1);
            }
        }
        int entrySize = big ? 20 : 12;
        long ifdStart = position + (position & 1);
        long afterEntries = ifdStart + (big ? 8 : 2) + (long) entries.size() * entrySize + (big ? 8 : 4);
        long[] extraOffsets = new long[extra.size()];
        long cursor = afterEntries;
        for (int i = 0; i < extra.size(); i++) {
            extraOffsets[i] = cursor;
            cursor += extra.get(i).length + (extra.get(i).length & 1);
        }
        ByteBuffer b = ByteBuffer.allocate((int) (cursor - ifdStart)).order(ByteOrder.LITTLE_ENDIAN);
        if (big) {
            b.putLong(entries.size());
        } else {
            b.putShort((short) entries.size());
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            byte[] v = encoded.get(i);
            b.putShort((short) e.tag()).putShort((short) e.type());
            long count = e.text() != null ? v.length : e.values().length;
            if (big) {
                b.putLong(count);
            } else {
                b.putInt((int) count);
            }
            if (extraOf.get(i) >= 0) {
                if (big) {
                    b.putLong(extraOffsets[extraOf.get(i)]);
                } else {
                    b.putInt((int) extraOffsets[extraOf.get(i)]);
                }
            } else {
                byte[] field = new byte[inline];
                System.arraycopy(v, 0, field, 0, v.length);
                b.put(field);
            }
        }
        if (big) {
            b.putLong(next);
        } else {
            b.putInt((int) next);
        }
        for (byte[] x : extra) {
            b.put(x);
            if ((x.length & 1) == 1) {
                b.put((byte) 0);
            }
        }
        b.flip();
        long at = ifdStart;
        while (b.hasRemaining()) {
            at += channel.write(b, at);
        }
        position = at;
        return ifdStart;
    }

    private static byte[] encode(Entry e) {
        if (e.text() != null) {
            return (e.text() + "\0").getBytes(StandardCharsets.UTF_8);
        }
        int width = Ifd.typeSize(e.type());
        ByteBuffer b = ByteBuffer.allocate(e.values().length * width).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : e.values()) {
            switch (width) {
                case 2: b.putShort((short) v); break;
                case 4: b.putInt((int) v); break;
                default: b.putLong(v); break;
            }
        }
        return b.array();
    }

    /** Writes the header ("II", 42 or 43) pointing at {@code firstIfd}. */
    public void writeHeader(long firstIfd) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(big ? 16 : 8).order(ByteOrder.LITTLE_ENDIAN);
        header.put((byte) 'I').put((byte) 'I');
        if (big) {
            header.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(firstIfd);
        } else {
            header.putShort((short) 42).putInt((int) firstIfd);
        }
        header.flip();
        while (header.hasRemaining()) {
            channel.write(header, 0);
        }
    }
}
