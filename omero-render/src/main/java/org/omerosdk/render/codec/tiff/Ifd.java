package org.omerosdk.render.codec.tiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.omerosdk.model.FormatException;

/**
 * One image file directory: its entries with their values read, in tag order. Values are kept as the raw bytes
 * of the file in its byte order and converted on access.
 */
public final class Ifd {
    /** One directory entry. */
    public record Entry(int tag, int type, long count, byte[] data) {
    }

    private final long offset;
    private final ByteOrder order;
    private final String where;
    private final Map<Integer, Entry> entries;

    Ifd(long offset, ByteOrder order, String where, Map<Integer, Entry> entries) {
        this.offset = offset;
        this.order = order;
        this.where = where;
        this.entries = Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    /** Where the directory starts in the file. */
    public long offset() {
        return offset;
    }

    public ByteOrder order() {
        return order;
    }

    /** The file and directory, for messages ({@code "a.tif IFD 3"}). */
    public String where() {
        return where;
    }

    public Map<Integer, Entry> entries() {
        return entries;
    }

    public boolean has(int tag) {
        return entries.containsKey(tag);
    }

    static int typeSize(int type) {
        switch (type) {
            case 1: case 2: case 6: case 7: return 1;
            case 3: case 8: return 2;
            case 4: case 9: case 11: case 13: return 4;
            case 5: case 10: case 12: case 16: case 17: case 18: return 8;
            default: return 0;
        }
    }

    private ByteBuffer buf(Entry e) {
        return ByteBuffer.wrap(e.data()).order(order);
    }

    /** The numeric values of {@code tag} as longs (rationals as numerator / denominator rounded down). */
    public long[] longs(int tag) {
        Entry e = entries.get(tag);
        if (e == null) {
            return new long[0];
        }
        ByteBuffer b = buf(e);
        int n = (int) e.count();
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            switch (e.type()) {
                case 1: case 7: case 2: v[i] = b.get() & 0xFF; break;
                case 6: v[i] = b.get(); break;
                case 3: v[i] = b.getShort() & 0xFFFF; break;
                case 8: v[i] = b.getShort(); break;
                case 4: case 13: v[i] = b.getInt() & 0xFFFFFFFFL; break;
                case 9: v[i] = b.getInt(); break;
                case 16: case 17: case 18: v[i] = b.getLong(); break;
                case 5: {
                    long num = b.getInt() & 0xFFFFFFFFL;
                    long den = b.getInt() & 0xFFFFFFFFL;
                    v[i] = den == 0 ? 0 : num / den;
                    break;
                }
                case 11: v[i] = (long) b.getFloat(); break;
                case 12: v[i] = (long) b.getDouble(); break;
                default: throw new FormatException(where + ": tag " + tag + " has the unknown type " + e.type());
            }
        }
        return v;
    }

    /** The first value of {@code tag}, or {@code fallback} when absent. */
    public long longValue(int tag, long fallback) {
        long[] v = longs(tag);
        return v.length == 0 ? fallback : v[0];
    }

    /** {@link #longValue} checked to fit an int, for sizes. */
    public int intValue(int tag, int fallback) {
        long v = longValue(tag, fallback);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new FormatException(where + ": tag " + tag + " = " + v + " is out of range");
        }
        return (int) v;
    }

    /** The first value of a RATIONAL (or any numeric) tag as a double; empty when absent or 0/0. */
    public Optional<Double> rational(int tag) {
        Entry e = entries.get(tag);
        if (e == null || e.count() < 1) {
            return Optional.empty();
        }
        ByteBuffer b = buf(e);
        switch (e.type()) {
            case 5: {
                long num = b.getInt() & 0xFFFFFFFFL;
                long den = b.getInt() & 0xFFFFFFFFL;
                return den == 0 ? Optional.empty() : Optional.of((double) num / den);
            }
            case 10: {
                int num = b.getInt();
                int den = b.getInt();
                return den == 0 ? Optional.empty() : Optional.of((double) num / den);
            }
            case 11: return Optional.of((double) b.getFloat());
            case 12: return Optional.of(b.getDouble());
            default: return Optional.of((double) longValue(tag, 0));
        }
    }

    /** An ASCII tag as text (UTF-8 tolerated), without the trailing NULs; empty when absent. */
    public Optional<String> string(int tag) {
        Entry e = entries.get(tag);
        if (e == null) {
            return Optional.empty();
        }
        byte[] d = e.data();
        int n = d.length;
        while (n > 0 && d[n - 1] == 0) {
            n--;
        }
        return Optional.of(new String(d, 0, n, StandardCharsets.UTF_8));
    }

    /** The raw bytes of {@code tag} (for UNDEFINED tags such as JPEGTables); empty when absent. */
    public Optional<byte[]> bytes(int tag) {
        Entry e = entries.get(tag);
        return e == null ? Optional.empty() : Optional.of(e.data().clone());
    }

    @Override
    public String toString() {
        return where;
    }
}
