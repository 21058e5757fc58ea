package org.omerosdk.render;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.OptionalDouble;
import org.omerosdk.model.CancelledException;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ProgressListener;

/**
 * The global minimum and maximum of each channel over every plane at full resolution (OMERO's StatsInfo, what its
 * "Set Imported" rendering defaults start from). Values are gathered from the reads that happen anyway: either by
 * {@link #observing} a source while the pyramid builder reads it, or by {@link #measure} when nothing else reads the
 * pixels. Thread-safe.
 */
public final class ChannelStatistics {
    /** Bytes one measuring read covers at most (whole rows of a plane). */
    private static final int STRIP_BYTES = 8 << 20;

    private final PixelType type;
    private final double[] min;
    private final double[] max;

    public ChannelStatistics(PixelType type, int sizeC) {
        this.type = type;
        this.min = new double[sizeC];
        this.max = new double[sizeC];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    /**
     * Reads every plane of level 0 of {@code source} once, in strips of whole rows, and returns the statistics.
     *
     * @throws CancelledException when {@code progress} cancels or the thread is interrupted
     */
    public static ChannelStatistics measure(PixelSource source, ProgressListener progress) {
        ChannelStatistics stats = new ChannelStatistics(source.pixelType(), source.sizeC());
        int w = source.sizeX(0);
        int h = source.sizeY(0);
        int bpp = source.pixelType().bytesPerPixel();
        int rows = (int) Math.max(1, Math.min(h, STRIP_BYTES / ((long) w * bpp)));
        rows = Math.max(rows, Math.min(h, source.tileHeight(0)));
        ByteBuffer buf = ByteBuffer.allocate(SizeLimit.DEFAULT.bytes("statistics strip " + w + "x" + rows, w, rows,
                bpp)).order(ByteOrder.LITTLE_ENDIAN);
        long planes = (long) source.sizeZ() * source.sizeC() * source.sizeT();
        long done = 0;
        for (int t = 0; t < source.sizeT(); t++) {
            for (int c = 0; c < source.sizeC(); c++) {
                for (int z = 0; z < source.sizeZ(); z++) {
                    for (int y = 0; y < h; y += rows) {
                        int n = Math.min(rows, h - y);
                        buf.clear();
                        source.readRegion(0, z, c, t, 0, y, w, n, buf);
                        stats.accept(c, buf.array(), 0, w * n);
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        throw new CancelledException("statistics cancelled after " + done + " of " + planes
                                + " planes");
                    }
                    progress.progress("statistics", ++done, planes);
                }
            }
        }
        return stats;
    }

    /**
     * A view of {@code source} that adds every full-resolution region read through it to these statistics: the
     * pyramid builder's reads of level 0 then measure the channels too (no second pass over the pixels).
     */
    public PixelSource observing(PixelSource source) {
        ChannelStatistics stats = this;
        return new PixelSource() {
            @Override
            public PixelType pixelType() {
                return source.pixelType();
            }

            @Override
            public int sizeZ() {
                return source.sizeZ();
            }

            @Override
            public int sizeC() {
                return source.sizeC();
            }

            @Override
            public int sizeT() {
                return source.sizeT();
            }

            @Override
            public int levelCount() {
                return source.levelCount();
            }

            @Override
            public int sizeX(int level) {
                return source.sizeX(level);
            }

            @Override
            public int sizeY(int level) {
                return source.sizeY(level);
            }

            @Override
            public int tileWidth(int level) {
                return source.tileWidth(level);
            }

            @Override
            public int tileHeight(int level) {
                return source.tileHeight(level);
            }

            @Override
            public void readRegion(int level, int z, int c, int t, int x, int y, int w, int h, ByteBuffer dst) {
                int start = dst.position();
                source.readRegion(level, z, c, t, x, y, w, h, dst);
                if (level == 0) {
                    ByteBuffer view = dst.duplicate().order(dst.order());
                    view.position(start);
                    stats.accept(c, view, w * h);
                }
            }
        };
    }

    /** Adds {@code count} little-endian values of channel {@code c} starting at {@code offset} of {@code le}. */
    public void accept(int c, byte[] le, int offset, int count) {
        ByteBuffer b = ByteBuffer.wrap(le, offset, count * type.bytesPerPixel()).order(ByteOrder.LITTLE_ENDIAN);
        accept(c, b, count);
    }

    /** Adds {@code count} values of channel {@code c} from {@code b}'s position, in {@code b}'s byte order. */
    private void accept(int c, ByteBuffer b, int count) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int p = b.position();
        // one primitive loop per type, no per-pixel dispatch
        switch (type) {
            case INT8, UINT8, BIT -> {
                int l = Integer.MAX_VALUE;
                int u = Integer.MIN_VALUE;
                boolean signed = type == PixelType.INT8;
                for (int i = 0; i < count; i++) {
                    int v = signed ? b.get(p + i) : b.get(p + i) & 0xFF;
                    l = Math.min(l, v);
                    u = Math.max(u, v);
                }
                lo = l;
                hi = u;
            }
            case INT16, UINT16 -> {
                int l = Integer.MAX_VALUE;
                int u = Integer.MIN_VALUE;
                boolean signed = type == PixelType.INT16;
                for (int i = 0; i < count; i++) {
                    short s = b.getShort(p + 2 * i);
                    int v = signed ? s : s & 0xFFFF;
                    l = Math.min(l, v);
                    u = Math.max(u, v);
                }
                lo = l;
                hi = u;
            }
            case INT32, UINT32 -> {
                long l = Long.MAX_VALUE;
                long u = Long.MIN_VALUE;
                boolean signed = type == PixelType.INT32;
                for (int i = 0; i < count; i++) {
                    int s = b.getInt(p + 4 * i);
                    long v = signed ? s : s & 0xFFFFFFFFL;
                    l = Math.min(l, v);
                    u = Math.max(u, v);
                }
                lo = l;
                hi = u;
            }
            case FLOAT -> {
                for (int i = 0; i < count; i++) {
                    float v = b.getFloat(p + 4 * i);
                    if (v == v) {   // NaN says nothing about the range
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            default -> {
                for (int i = 0; i < count; i++) {
                    double v = b.getDouble(p + 8 * i);
                    if (v == v) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        if (count > 0) {
            synchronized (this) {
                min[c] = Math.min(min[c], lo);
                max[c] = Math.max(max[c], hi);
            }
        }
    }

    /** The smallest value of channel {@code c}, empty when nothing (or only NaN) was seen. */
    public synchronized OptionalDouble min(int c) {
        return Double.isInfinite(min[c]) && min[c] > 0 ? OptionalDouble.empty() : OptionalDouble.of(min[c]);
    }

    /** The largest value of channel {@code c}, empty when nothing (or only NaN) was seen. */
    public synchronized OptionalDouble max(int c) {
        return Double.isInfinite(max[c]) && max[c] < 0 ? OptionalDouble.empty() : OptionalDouble.of(max[c]);
    }

    public int sizeC() {
        return min.length;
    }
}
