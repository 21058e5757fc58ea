package org.omerosdk.render.codec.tiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.omerosdk.model.FormatException;
import org.omerosdk.render.codec.ByteSource;

/**
 * The structure of a classic or BigTIFF file in either byte order: the chain of top-level IFDs and, per IFD, its
 * SubIFDs. Every offset and count is checked against the file before anything is read or allocated; IFD loops,
 * offsets past the end and absurd entry counts are {@link FormatException}s naming the file.
 */
public final class TiffFile {
    /** At most this many IFDs in a chain (a loop guard beyond the visited-offset check). */
    static final int MAX_IFDS = 1_000_000;
    /** At most this many bytes in one tag's value. */
    static final long MAX_VALUE_BYTES = 256L << 20;

    private final ByteSource source;
    private final ByteOrder order;
    private final boolean bigTiff;
    private final List<Ifd> ifds;
    private final Map<Long, List<Ifd>> subIfds = new HashMap<>();

    private TiffFile(ByteSource source, ByteOrder order, boolean bigTiff, List<Ifd> ifds) {
        this.source = source;
        this.order = order;
        this.bigTiff = bigTiff;
        this.ifds = List.copyOf(ifds);
    }

    /** Whether {@code head} starts like a TIFF or BigTIFF file. */
    public static boolean isTiff(byte[] head) {
        if (head.length < 4) {
            return false;
        }
        boolean ii = head[0] == 'I' && head[1] == 'I';
        boolean mm = head[0] == 'M' && head[1] == 'M';
        if (!ii && !mm) {
            return false;
        }
        int magic = ii ? (head[2] & 0xFF) | (head[3] & 0xFF) << 8 : (head[2] & 0xFF) << 8 | (head[3] & 0xFF);
        return magic == 42 || magic == 43;
    }

    /** Parses the header and the whole top-level IFD chain of {@code source}. */
    public static TiffFile open(ByteSource source) {
        String name = source.describe();
        long length = source.length();
        if (length < 8) {
            throw new FormatException(name + " has " + length + " bytes; a TIFF header needs 8");
        }
        byte[] h = source.read(0, Math.min(16, length));
        if (!isTiff(h)) {
            throw new FormatException(name + " is not a TIFF file (no II*/MM* header)");
        }
        ByteOrder order = h[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ByteBuffer b = ByteBuffer.wrap(h).order(order);
        int magic = b.getShort(2) & 0xFFFF;
        boolean big = magic == 43;
        long first;
        if (big) {
            if (h.length < 16) {
                throw new FormatException(name + " is cut inside its BigTIFF header");
            }
            int offsetSize = b.getShort(4) & 0xFFFF;
            if (offsetSize != 8) {
                throw new FormatException(name + " is a BigTIFF with offset size " + offsetSize + "; 8 expected");
            }
            first = b.getLong(8);
        } else {
            first = b.getInt(4) & 0xFFFFFFFFL;
        }
        TiffFile file = new TiffFile(source, order, big, List.of());
        List<Ifd> chain = file.chain(first, "IFD");
        if (chain.isEmpty()) {
            throw new FormatException(name + " has no image directory (first IFD offset " + first + ")");
        }
        return new TiffFile(source, order, big, chain);
    }

    private List<Ifd> chain(long first, String label) {
        List<Ifd> list = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        long next = first;
        while (next != 0) {
            if (!seen.add(next)) {
                throw new FormatException(source.describe() + ": the " + label + " chain loops back to offset "
                        + next + " after " + list.size() + " directories");
            }
            if (list.size() >= MAX_IFDS) {
                throw new FormatException(source.describe() + " has more than " + MAX_IFDS + " IFDs");
            }
            long[] nextOut = new long[1];
            list.add(readIfd(next, label + " " + list.size(), nextOut));
            next = nextOut[0];
        }
        return list;
    }

    private Ifd readIfd(long at, String label, long[] nextOut) {
        String where = source.describe() + " " + label;
        long length = source.length();
        if (at < 8 || at >= length) {
            throw new FormatException(where + " starts at offset " + at + ", past the end of the file ("
                    + length + " bytes)");
        }
        int countSize = bigTiff ? 8 : 2;
        int entrySize = bigTiff ? 20 : 12;
        int inline = bigTiff ? 8 : 4;
        ByteBuffer cb = ByteBuffer.wrap(source.read(at, Math.min(countSize, length - at))).order(order);
        if (cb.capacity() < countSize) {
            throw new FormatException(where + " is cut at its entry count");
        }
        long n = bigTiff ? cb.getLong() : cb.getShort() & 0xFFFF;
        if (n < 0 || n > 100_000 || at + countSize + n * entrySize + inline > length) {
            throw new FormatException(where + " claims " + n + " entries, which do not fit in the file ("
                    + length + " bytes)");
        }
        ByteBuffer e = ByteBuffer.wrap(source.read(at + countSize, n * entrySize + inline)).order(order);
        Map<Integer, Ifd.Entry> entries = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int tag = e.getShort() & 0xFFFF;
            int type = e.getShort() & 0xFFFF;
            long count = bigTiff ? e.getLong() : e.getInt() & 0xFFFFFFFFL;
            int size = Ifd.typeSize(type);
            byte[] valueField = new byte[inline];
            e.get(valueField);
            if (size == 0) {
                continue;   // unknown types are skipped, as TIFF 6.0 says readers should
            }
            if (count < 0 || count > MAX_VALUE_BYTES / size) {
                throw new FormatException(where + ": tag " + tag + " has " + count + " values, more than read");
            }
            long bytes = count * size;
            byte[] data;
            if (bytes <= inline) {
                data = java.util.Arrays.copyOf(valueField, (int) bytes);
            } else {
                ByteBuffer vf = ByteBuffer.wrap(valueField).order(order);
                long off = bigTiff ? vf.getLong() : vf.getInt() & 0xFFFFFFFFL;
                if (off < 0 || off > length || bytes > length - off) {
                    throw new FormatException(where + ": the value of tag " + tag + " (" + bytes
                            + " bytes at offset " + off + ") lies past the end of the file (" + length + " bytes)");
                }
                data = source.read(off, bytes);
            }
            entries.put(tag, new Ifd.Entry(tag, type, count, data));
        }
        nextOut[0] = bigTiff ? e.getLong() : e.getInt() & 0xFFFFFFFFL;
        return new Ifd(at, order, where, entries);
    }

    public ByteSource source() {
        return source;
    }

    public ByteOrder order() {
        return order;
    }

    public boolean isBigTiff() {
        return bigTiff;
    }

    /** The top-level IFDs in chain order. */
    public List<Ifd> ifds() {
        return ifds;
    }

    /** The SubIFDs of {@code parent} (its reduced resolutions, in OME-TIFF), read on first use. */
    public synchronized List<Ifd> subIfds(Ifd parent) {
        return subIfds.computeIfAbsent(parent.offset(), k -> {
            List<Ifd> list = new ArrayList<>();
            long[] offsets = parent.longs(TiffTags.SUB_IFDS);
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < offsets.length; i++) {
                if (offsets[i] == parent.offset() || !seen.add(offsets[i])) {
                    throw new FormatException(parent.where() + ": SubIFD " + i + " points back to offset "
                            + offsets[i]);
                }
                long[] ignored = new long[1];
                list.add(readIfd(offsets[i], parent.where().substring(source.describe().length() + 1)
                        + " SubIFD " + (i + 1), ignored));
            }
            return List.copyOf(list);
        });
    }
}
