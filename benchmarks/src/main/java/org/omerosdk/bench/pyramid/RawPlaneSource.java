package org.omerosdk.bench.pyramid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.omerosdk.model.PixelType;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.PixelSources;

/** One little-endian uint16 plane in a raw file, read row by row with positional reads (nothing held in memory). */
final class RawPlaneSource implements PixelSource {
    private final FileChannel channel;
    private final int width;
    private final int height;

    RawPlaneSource(Path file, int width, int height) {
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.width = width;
        this.height = height;
    }

    @Override
    public PixelType pixelType() {
        return PixelType.UINT16;
    }

    @Override
    public int sizeZ() {
        return 1;
    }

    @Override
    public int sizeC() {
        return 1;
    }

    @Override
    public int sizeT() {
        return 1;
    }

    @Override
    public int sizeX(int level) {
        return width;
    }

    @Override
    public int sizeY(int level) {
        return height;
    }

    @Override
    public void readRegion(int level, int z, int c, int t, int x, int y, int w, int h, ByteBuffer dst) {
        PixelSources.checkRegion(this, level, z, c, t, x, y, w, h);
        try {
            if (x == 0 && w == width) {
                // whole rows are one contiguous range of the file: read in 1 MiB steps (the JDK stages heap reads
                // through a cached direct buffer of the read's size)
                ByteBuffer slice = dst.slice().limit(w * h * 2);
                long at = (long) y * width * 2;
                while (slice.hasRemaining()) {
                    ByteBuffer step = slice.slice().limit(Math.min(slice.remaining(), 1 << 20));
                    int n = channel.read(step, at + slice.position());
                    if (n < 0) {
                        throw new IOException("raw file ends early");
                    }
                    slice.position(slice.position() + n);
                }
                dst.position(dst.position() + w * h * 2);
                return;
            }
            for (int row = 0; row < h; row++) {
                ByteBuffer slice = dst.slice().limit(w * 2);
                long at = ((long) (y + row) * width + x) * 2;
                while (slice.hasRemaining()) {
                    int n = channel.read(slice, at + slice.position());
                    if (n < 0) {
                        throw new IOException("raw file ends early");
                    }
                }
                dst.position(dst.position() + w * 2);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
