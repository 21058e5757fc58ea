package org.omerosdk.render.codec.zarr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.store.BinaryStore;

/**
 * Region reads from one Zarr array in a {@link BinaryStore}: only the chunks a region touches are read and
 * decoded; edge chunks are cropped; a missing chunk is the fill value, as Zarr says.
 */
public final class ZarrLevel {
    public final BinaryStore store;
    public final String path;
    public final ZarrArray array;

    public ZarrLevel(BinaryStore store, String path, ZarrArray array) {
        this.store = store;
        this.path = path;
        this.array = array;
    }

    /** Reads (x, y, w, h) of plane (z, c, t) into {@code dst} in dst's byte order. */
    public void read(int z, int c, int t, int x, int y, int w, int h, ByteBuffer dst) {
        int bpp = array.type().bytesPerPixel();
        int cw = array.chunkX();
        int ch = array.chunkY();
        int start = dst.position();
        ByteBuffer out = dst.duplicate().order(dst.order());
        boolean swap = bpp > 1 && array.order() != dst.order();
        for (int cy = y / ch; cy <= (y + h - 1) / ch; cy++) {
            for (int cx = x / cw; cx <= (x + w - 1) / cw; cx++) {
                byte[] chunk = chunk(t, c, z, cy, cx);
                int x0 = Math.max(x, cx * cw);
                int x1 = Math.min(x + w, (cx + 1) * cw);
                int y0 = Math.max(y, cy * ch);
                int y1 = Math.min(y + h, (cy + 1) * ch);
                for (int yy = y0; yy < y1; yy++) {
                    int src = ((yy - cy * ch) * cw + (x0 - cx * cw)) * bpp;
                    int dstPos = start + ((yy - y) * w + (x0 - x)) * bpp;
                    int len = (x1 - x0) * bpp;
                    if (chunk == null) {
                        fill(out, dstPos, x1 - x0, bpp, swap);
                    } else if (!swap) {
                        out.put(dstPos, chunk, src, len);
                    } else {
                        for (int i = 0; i < len; i += bpp) {
                            for (int b = 0; b < bpp; b++) {
                                out.put(dstPos + i + b, chunk[src + i + bpp - 1 - b]);
                            }
                        }
                    }
                }
            }
        }
        dst.position(start + w * h * bpp);
    }

    private void fill(ByteBuffer out, int pos, int count, int bpp, boolean swap) {
        double f = array.fillValue();
        ByteBuffer one = ByteBuffer.allocate(8).order(out.order());
        switch (array.type()) {
            case INT8: case UINT8: case BIT: one.put((byte) f); break;
            case INT16: case UINT16: one.putShort((short) f); break;
            case INT32: case UINT32: one.putInt((int) (long) f); break;
            case FLOAT: one.putFloat((float) f); break;
            default: one.putDouble(f); break;
        }
        for (int i = 0; i < count; i++) {
            out.put(pos + i * bpp, one.array(), 0, bpp);
        }
    }

    /** The decoded chunk, or null when it is not stored (fill value). */
    public byte[] chunk(int t, int c, int z, int cy, int cx) {
        String key = array.chunkKey(path, t, c, z, cy, cx);
        byte[] data;
        try {
            data = store.read(key);
        } catch (NotFoundException e) {
            return null;
        }
        return array.compression().decompress(data, array.chunkBytes(), key);
    }

    public ByteOrder order() {
        return array.order();
    }
}
