package org.omerosdk.render.codec.zarr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.omerosdk.model.store.BinaryStore;

/**
 * One level of a pyramid as {@link org.omerosdk.render.pyramid.PyramidBuilder} writes it: the store and path its
 * chunks go to, its {@link ZarrArray}, and plane-region reads through the general {@link ZarrArrayReader} (edge chunks
 * cropped, missing chunks the fill value).
 */
public final class ZarrLevel {
    public final BinaryStore store;
    public final String path;
    public final ZarrArray array;
    private final ZarrArrayReader reader;

    public ZarrLevel(BinaryStore store, String path, ZarrArray array) {
        this.store = store;
        this.path = path;
        this.array = array;
        // no chunk cache: a pyramid build reads a level back while it is being written
        this.reader = new ZarrArrayReader(ChunkStore.of(store, ""), path, array.metadata(path + "/.zarray"),
                ZarrArrayReader.ChunkCache.NONE);
    }

    /** Reads (x, y, w, h) of plane (z, c, t) into {@code dst} in dst's byte order. */
    public void read(int z, int c, int t, int x, int y, int w, int h, ByteBuffer dst) {
        reader.read(new int[] {t, c, z, y, x}, new int[] {1, 1, 1, h, w}, dst);
    }

    public ByteOrder order() {
        return array.order();
    }
}
