package org.omerosdk.render.pyramid;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.omerosdk.model.CancelledException;
import org.omerosdk.model.OmeroException;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.store.BinaryStore;
import org.omerosdk.render.ChannelSettings;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.RenderingSettings;
import org.omerosdk.render.codec.zarr.Compression;
import org.omerosdk.render.codec.zarr.ZarrArray;
import org.omerosdk.render.codec.zarr.ZarrLevel;

/**
 * Builds a tiled multiscale pyramid from any {@link PixelSource} and writes it as OME-NGFF 0.4 (Zarr v2, one chunk
 * per tile, axes t, c, z, y, x) through a {@link BinaryStore}, so it works the same on a filesystem and on S3.
 *
 * <pre>{@code
 * PyramidBuilder builder = PyramidBuilder.from(config);                 // omero.pixeldata.tile_*, threads
 * if (builder.requiresPyramid(type, sizeX, sizeY)) {
 *     NgffPyramid p = builder.build(source, store, "Pixels/42", PyramidMetadata.named("cells"), progress);
 * }
 * }</pre>
 *
 * <p>Each level is half the previous (2 x 2 mean, {@link Downsample}) until a level fits one tile. A source that
 * already has resolution levels is written level by level as it is, not rebuilt. Memory stays bounded whatever the
 * plane size: a level is built tile by tile from the level above, read back from the store, on
 * {@code omero.pixeldata.threads} threads. The group's {@code .zattrs} (the multiscales metadata) is written last;
 * a build that fails or is cancelled (interrupt, or a {@link CancelledException} thrown by the progress listener)
 * removes what it wrote, and in any case never leaves a pyramid {@link NgffPyramid#open} would accept.
 *
 * <p>OMERO's own pyramids differ on purpose: OMERO writes one BigTIFF of lossless JPEG-2000 tiles whose six levels
 * are the wavelet's resolution levels (a LeGall 5/3 low-pass, a fixed count); ours are a 2 x box mean, as many
 * levels as the size needs, in an open format any NGFF reader opens.
 */
public final class PyramidBuilder {
    private final int tileW;
    private final int tileH;
    private final int threads;
    private final long maxPlaneArea;
    private final boolean floatOverride;
    private Compression compression = Compression.NONE;

    private PyramidBuilder(int tileW, int tileH, int threads, long maxPlaneArea, boolean floatOverride) {
        if (tileW < 16 || tileH < 16 || tileW > 8192 || tileH > 8192) {
            throw new ValidationException("tile size " + tileW + "x" + tileH + " is outside 16..8192");
        }
        if (threads < 1) {
            throw new ValidationException("omero.pixeldata.threads = " + threads + " must be at least 1");
        }
        this.tileW = tileW;
        this.tileH = tileH;
        this.threads = threads;
        this.maxPlaneArea = maxPlaneArea;
        this.floatOverride = floatOverride;
    }

    /** A builder configured by the {@code omero.pixeldata.*} keys. */
    public static PyramidBuilder from(OmeroConfig config) {
        return new PyramidBuilder(config.getInt(ConfigKeys.PIXELDATA_TILE_WIDTH),
                config.getInt(ConfigKeys.PIXELDATA_TILE_HEIGHT), config.getInt(ConfigKeys.PIXELDATA_THREADS),
                (long) config.getInt(ConfigKeys.PIXELDATA_MAX_PLANE_WIDTH)
                        * config.getInt(ConfigKeys.PIXELDATA_MAX_PLANE_HEIGHT),
                config.getBoolean(ConfigKeys.PIXELDATA_MAX_PLANE_FLOAT_OVERRIDE));
    }

    /** A copy writing chunks with {@code c}. */
    public PyramidBuilder compression(Compression c) {
        PyramidBuilder b = new PyramidBuilder(tileW, tileH, threads, maxPlaneArea, floatOverride);
        b.compression = c;
        return b;
    }

    /**
     * OMERO's decision: a plane needs a pyramid when its area exceeds max_plane_width x max_plane_height (an area
     * test: 10000 x 1000 does not), except float and double while max_plane_float_override is true.
     */
    public boolean requiresPyramid(PixelType type, int sizeX, int sizeY) {
        if (type.isFloatingPoint() && floatOverride) {
            return false;
        }
        return (long) sizeX * sizeY > maxPlaneArea;
    }

    /** The level sizes a {@code w x h} plane gets: halving until a level fits one tile. */
    public List<int[]> levelSizes(int w, int h) {
        List<int[]> sizes = new ArrayList<>();
        sizes.add(new int[] {w, h});
        while (w > tileW || h > tileH) {
            w = Downsample.half(w);
            h = Downsample.half(h);
            sizes.add(new int[] {w, h});
        }
        return sizes;
    }

    /**
     * Builds and writes the pyramid of {@code source} below {@code prefix}.
     *
     * @throws CancelledException when cancelled; nothing is left that looks complete
     * @throws StorageException   when the store fails; what was written is removed
     */
    public NgffPyramid build(PixelSource source, BinaryStore store, String prefix, PyramidMetadata metadata,
                             ProgressListener progress) {
        String base = prefix.isEmpty() ? "" : prefix + "/";
        if (store.exists(base + ".zattrs")) {
            throw new ValidationException("a pyramid already exists at " + store.describe() + "/" + prefix);
        }
        List<int[]> sizes = new ArrayList<>();
        if (source.levelCount() > 1) {
            for (int l = 0; l < source.levelCount(); l++) {
                sizes.add(new int[] {source.sizeX(l), source.sizeY(l)});
            }
        } else {
            sizes = levelSizes(source.sizeX(0), source.sizeY(0));
        }
        int planes = source.sizeZ() * source.sizeC() * source.sizeT();
        long total = 0;
        for (int[] s : sizes) {
            total += (long) planes * ceil(s[0], tileW) * ceil(s[1], tileH);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "omero-pyramid");
            t.setDaemon(true);
            return t;
        });
        AtomicLong done = new AtomicLong();
        boolean cascade = source.levelCount() == 1 && tileH % 2 == 0;
        // uncompressed chunks of the cascade are written from its strips, which bound what is in flight; every other
        // write holds a chunk of its own, so at most four per thread wait in the queue
        Writes writes = new Writes(pool, cascade && compression == Compression.NONE ? Integer.MAX_VALUE : 4 * threads,
                progress, done, total);
        try {
            store.put(base + ".zgroup", "{\"zarr_format\":2}".getBytes(StandardCharsets.UTF_8));
            List<ZarrLevel> levels = new ArrayList<>();
            for (int l = 0; l < sizes.size(); l++) {
                int[] s = sizes.get(l);
                ZarrArray array = new ZarrArray(new int[] {source.sizeT(), source.sizeC(), source.sizeZ(), s[1], s[0]},
                        new int[] {1, 1, 1, Math.min(tileH, s[1]), Math.min(tileW, s[0])},
                        source.pixelType(), ByteOrder.LITTLE_ENDIAN, compression, 0, "/");
                String path = base + l;
                store.put(path + "/.zarray", array.toJson().getBytes(StandardCharsets.UTF_8));
                levels.add(new ZarrLevel(store, path, array));
            }
            if (cascade) {
                for (int t = 0; t < source.sizeT(); t++) {
                    for (int c = 0; c < source.sizeC(); c++) {
                        for (int z = 0; z < source.sizeZ(); z++) {
                            new Cascade(source, levels, writes, t, c, z).run();
                        }
                    }
                }
            } else {
                // the source's own levels, or tiles too odd to pair rows across strips: tile by tile
                for (int l = 0; l < levels.size(); l++) {
                    boolean fromSource = l == 0 || source.levelCount() > 1;
                    writeLevel(writes, source, fromSource ? l : -1, l == 0 ? null : levels.get(l - 1),
                            levels.get(l));
                }
            }
            writes.awaitAll();
            // every chunk durable before the metadata that marks the pyramid complete (the store has been forcing
            // them in the background all along; this waits for the last ones and their directories)
            store.flush();
            store.put(base + ".zattrs", attributes(sizes, metadata, true).getBytes(StandardCharsets.UTF_8));
            store.flush();
            return NgffPyramid.open(store, prefix);
        } catch (RuntimeException e) {
            pool.shutdownNow();
            // writes still in flight must land before the clean-up, or they would outlive it
            try {
                pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException again) {
                Thread.currentThread().interrupt();
            }
            removeQuietly(store, base, sizes.size());
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    private void writeLevel(Writes writes, PixelSource source, int sourceLevel, ZarrLevel previous,
                            ZarrLevel level) {
        ZarrArray a = level.array;
        int cw = a.chunkX();
        int ch = a.chunkY();
        for (int t = 0; t < a.shape()[0]; t++) {
            for (int c = 0; c < a.shape()[1]; c++) {
                for (int z = 0; z < a.shape()[2]; z++) {
                    for (int ty = 0; ty < ceil(a.sizeY(), ch); ty++) {
                        for (int tx = 0; tx < ceil(a.sizeX(), cw); tx++) {
                            int ft = t;
                            int fc = c;
                            int fz = z;
                            int fy = ty;
                            int fx = tx;
                            writes.submit(level, () -> writeTile(source, sourceLevel, previous, level, ft, fc, fz,
                                    fy, fx));
                        }
                    }
                }
            }
        }
        // the next level reads this one back from the store
        writes.awaitAll();
    }

    /**
     * The chunk writes in flight, bounded so memory stays bounded: at most {@code limit} wait in the queue, and the
     * producer waits on the oldest before adding another. Every write reports progress when it is done.
     */
    private static final class Writes {
        private final ExecutorService pool;
        private final ProgressListener progress;
        private final AtomicLong done;
        private final long total;
        private final int limit;
        private final java.util.ArrayDeque<Future<?>> inFlight = new java.util.ArrayDeque<>();

        Writes(ExecutorService pool, int limit, ProgressListener progress, AtomicLong done, long total) {
            this.pool = pool;
            this.progress = progress;
            this.done = done;
            this.total = total;
            this.limit = limit;
        }

        Future<?> submit(ZarrLevel level, Runnable write) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancelledException("pyramid build interrupted");
            }
            String step = "level " + level.path.substring(level.path.lastIndexOf('/') + 1);
            Future<?> f = pool.submit(() -> {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancelledException("pyramid build interrupted");
                }
                write.run();
                progress.progress(step, done.incrementAndGet(), total);
                return null;
            });
            inFlight.add(f);
            // the oldest beyond the limit are waited for; those already done leave the queue (and report failures)
            while (!inFlight.isEmpty() && (inFlight.size() > limit || inFlight.peek().isDone())) {
                await(inFlight.poll());
            }
            return f;
        }

        void awaitAll() {
            for (Future<?> f; (f = inFlight.poll()) != null; ) {
                await(f);
            }
        }
    }

    /**
     * One plane's pyramid in a single pass over the source: level 0 is read in full-width strips one tile high;
     * each strip's tiles are written, and the strip is halved into the next level's strip buffer, which is written
     * and halved in turn when it is full (or the level ends). Nothing is read back from the store, each source row
     * is read once in one call per strip, and memory is about three strips of level 0 whatever the plane's height.
     * Needs an even tile height, so that the rows the 2 x 2 mean pairs never straddle two strips.
     *
     * <p>The strips are direct buffers and uncompressed chunks are written straight from them, a chunk's rows as the
     * parts of one gathering write ({@link BinaryStore#putBatched}): no chunk is copied in user space, and the source
     * reads into the strip without the JDK's staging copy. A strip is therefore refilled only when the writes reading
     * it are done: level 0 has two strips (the next one is read while the last one is written), a lower level one
     * (it takes two strips of the level above to fill, by when its writes are long done).
     */
    private final class Cascade {
        private final PixelSource source;
        private final List<ZarrLevel> levels;
        private final Writes writes;
        private final int t;
        private final int c;
        private final int z;
        private final int bpp;
        /** Per level: its strip buffers, the one being filled, its rows filled, the level row its first row is. */
        private final ByteBuffer[][] strips;
        private final int[] current;
        private final int[] filled;
        private final int[] firstRow;
        /** Per level and strip buffer: the writes still reading that buffer. */
        private final List<List<List<Future<?>>>> pending = new ArrayList<>();
        /**
         * Per level, strip buffer and tile column: the chunk's rows in the strip as buffers made once (the strip
         * never moves), reset before each write; null for compressed chunks, which are cut and compressed instead.
         */
        private final ByteBuffer[][][][] rowViews;
        /** Chunk buffers of compressed writes that are done, for the next chunks (the writes in flight are bounded). */
        private final java.util.concurrent.ConcurrentLinkedQueue<byte[]> spare =
                new java.util.concurrent.ConcurrentLinkedQueue<>();

        Cascade(PixelSource source, List<ZarrLevel> levels, Writes writes, int t, int c, int z) {
            this.source = source;
            this.levels = levels;
            this.writes = writes;
            this.t = t;
            this.c = c;
            this.z = z;
            this.bpp = source.pixelType().bytesPerPixel();
            int n = levels.size();
            strips = new ByteBuffer[n][];
            current = new int[n];
            filled = new int[n];
            firstRow = new int[n];
            rowViews = new ByteBuffer[n][][][];
            for (int l = 0; l < n; l++) {
                ZarrArray a = levels.get(l).array;
                int buffers = l == 0 && a.sizeY() > tileH ? 2 : 1;
                strips[l] = new ByteBuffer[buffers];
                rowViews[l] = new ByteBuffer[buffers][][];
                List<List<Future<?>>> writing = new ArrayList<>();
                for (int b = 0; b < buffers; b++) {
                    strips[l][b] = ByteBuffer.allocateDirect(a.sizeX() * Math.min(tileH, a.sizeY()) * bpp)
                            .order(ByteOrder.LITTLE_ENDIAN);
                    writing.add(new ArrayList<>());
                    if (a.compression() == Compression.NONE) {
                        rowViews[l][b] = views(strips[l][b], a);
                    }
                }
                pending.add(writing);
            }
        }

        /** The rows of each chunk column of a strip of level {@code a}, as many pixels as lie inside the image. */
        private ByteBuffer[][] views(ByteBuffer strip, ZarrArray a) {
            int w = a.sizeX();
            int rows = Math.min(a.chunkY(), a.sizeY());
            ByteBuffer[][] views = new ByteBuffer[ceil(w, a.chunkX())][rows];
            for (int tx = 0; tx < views.length; tx++) {
                int x = tx * a.chunkX();
                int rowBytes = Math.min(a.chunkX(), w - x) * bpp;
                for (int row = 0; row < rows; row++) {
                    views[tx][row] = strip.slice((row * w + x) * bpp, rowBytes);
                }
            }
            return views;
        }

        void run() {
            ZarrArray top = levels.get(0).array;
            for (int y = 0; y < top.sizeY(); y += tileH) {
                int rows = Math.min(tileH, top.sizeY() - y);
                awaitWrites(0);
                ByteBuffer strip = strips[0][current[0]].slice(0, top.sizeX() * rows * bpp)
                        .order(ByteOrder.LITTLE_ENDIAN);
                source.readRegion(0, z, c, t, 0, y, top.sizeX(), rows, strip);
                filled[0] = rows;
                firstRow[0] = y;
                emit(0);
            }
        }

        /** Waits until no write reads level l's current strip buffer any more, before it is filled again. */
        private void awaitWrites(int l) {
            List<Future<?>> writing = pending.get(l).get(current[l]);
            for (Future<?> f : writing) {
                await(f);
            }
            writing.clear();
        }

        /** Writes level l's full strip, halves it into level l + 1, and emits that when it is full or complete. */
        private void emit(int l) {
            ZarrLevel level = levels.get(l);
            ZarrArray a = level.array;
            int w = a.sizeX();
            int rows = filled[l];
            int b = current[l];
            ByteBuffer strip = strips[l][b];
            List<Future<?>> writing = pending.get(l).get(b);
            int ty = firstRow[l] / a.chunkY();
            for (int tx = 0; tx < ceil(w, a.chunkX()); tx++) {
                String key = a.chunkKey(level.path, t, c, z, ty, tx);
                if (a.compression() == Compression.NONE) {
                    ByteBuffer[] parts = parts(rowViews[l][b][tx], rows, Math.min(a.chunkX(), w - tx * a.chunkX()),
                            a.chunkX(), a.chunkY());
                    writing.add(writes.submit(level, () -> level.store.putBatched(key, parts)));
                } else {
                    byte[] chunk = cut(strip, w, rows, tx * a.chunkX(), a.chunkX(), a.chunkY());
                    writing.add(writes.submit(level, () -> {
                        level.store.putBatched(key, ByteBuffer.wrap(a.compression().compress(chunk)));
                        spare.offer(chunk);
                    }));
                }
            }
            filled[l] = 0;
            current[l] = (b + 1) % strips[l].length;
            if (l + 1 == levels.size()) {
                return;
            }
            ZarrArray next = levels.get(l + 1).array;
            int halfRows = Downsample.half(rows);
            if (filled[l + 1] == 0) {
                awaitWrites(l + 1);
            }
            int offset = filled[l + 1] * next.sizeX() * bpp;
            ByteBuffer in = strip.slice(0, w * rows * bpp).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer out = strips[l + 1][current[l + 1]].slice(offset, next.sizeX() * halfRows * bpp)
                    .order(ByteOrder.LITTLE_ENDIAN);
            Downsample.mean(a.type(), in, w, rows, out);
            filled[l + 1] += halfRows;
            if (filled[l + 1] == next.chunkY() || firstRow[l + 1] + filled[l + 1] == next.sizeY()) {
                emit(l + 1);
                firstRow[l + 1] += next.chunkY();
            }
        }

        /**
         * The parts of one chunk: its {@code rows} rows of {@code width} pixels in the strip, then zeros (the fill
         * value) beyond the image's right and bottom edges. An inner chunk's parts are its row views themselves.
         */
        private ByteBuffer[] parts(ByteBuffer[] views, int rows, int width, int cw, int ch) {
            if (rows == ch && width == cw) {
                for (ByteBuffer v : views) {
                    v.clear();
                }
                return views;
            }
            List<ByteBuffer> parts = new ArrayList<>();
            for (int row = 0; row < rows; row++) {
                parts.add(views[row].clear());
                zeros(parts, (long) (cw - width) * bpp);
            }
            zeros(parts, (long) (ch - rows) * cw * bpp);
            return parts.toArray(new ByteBuffer[0]);
        }

        /** The chunk at column x of a strip: always the full chunk size, zero (the fill value) beyond the edge. */
        private byte[] cut(ByteBuffer strip, int w, int rows, int x, int cw, int ch) {
            int size = cw * ch * bpp;
            byte[] chunk = spare.poll();
            if (chunk == null || chunk.length != size) {
                chunk = new byte[size];
            } else {
                java.util.Arrays.fill(chunk, (byte) 0);
            }
            int rowBytes = Math.min(cw, w - x) * bpp;
            for (int row = 0; row < rows; row++) {
                strip.get((row * w + x) * bpp, chunk, row * cw * bpp, rowBytes);
            }
            return chunk;
        }
    }

    /** Zeros to write: {@code n} bytes as views of one shared block of zeros. */
    private static void zeros(List<ByteBuffer> parts, long n) {
        for (; n > 0; n -= ZERO_BLOCK.capacity()) {
            parts.add(ZERO_BLOCK.duplicate().limit((int) Math.min(n, ZERO_BLOCK.capacity())));
        }
    }

    private static final ByteBuffer ZERO_BLOCK = ByteBuffer.allocateDirect(64 * 1024).asReadOnlyBuffer();

    /**
     * Copies {@code rows} rows of {@code src} (rows {@code srcWidth} pixels wide) from column {@code x}, as many
     * pixels as fit a chunk {@code cw} wide, into {@code chunk}; what lies beyond the image edge is left as it is
     * (0, the fill value, in a fresh or cleared chunk).
     */
    private static void copyIntoChunk(byte[] src, int srcWidth, int x, int rows, int cw, int bpp, byte[] chunk) {
        int rowBytes = Math.min(cw, srcWidth - x) * bpp;
        for (int row = 0; row < rows; row++) {
            System.arraycopy(src, (row * srcWidth + x) * bpp, chunk, row * cw * bpp, rowBytes);
        }
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("pyramid build interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OmeroException o) {
                throw o;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new StorageException("pyramid build failed: " + cause, cause);
        }
    }

    private static void writeTile(PixelSource source, int sourceLevel, ZarrLevel previous, ZarrLevel level, int t,
                                  int c, int z, int ty, int tx) {
        ZarrArray a = level.array;
        int bpp = a.type().bytesPerPixel();
        int cw = a.chunkX();
        int ch = a.chunkY();
        int x = tx * cw;
        int y = ty * ch;
        int w = Math.min(cw, a.sizeX() - x);
        int h = Math.min(ch, a.sizeY() - y);
        ByteBuffer tile = ByteBuffer.allocate(w * h * bpp).order(ByteOrder.LITTLE_ENDIAN);
        if (sourceLevel >= 0) {
            source.readRegion(sourceLevel, z, c, t, x, y, w, h, tile);
        } else {
            int px = 2 * x;
            int py = 2 * y;
            int pw = Math.min(2 * w, previous.array.sizeX() - px);
            int ph = Math.min(2 * h, previous.array.sizeY() - py);
            ByteBuffer in = ByteBuffer.allocate(pw * ph * bpp).order(ByteOrder.LITTLE_ENDIAN);
            previous.read(z, c, t, px, py, pw, ph, in);
            Downsample.mean(a.type(), in, pw, ph, tile);
        }
        // a chunk always has the full chunk size; the part beyond the image edge stays 0 (the fill value)
        byte[] chunk = new byte[cw * ch * bpp];
        copyIntoChunk(tile.array(), w, 0, h, cw, bpp, chunk);
        level.store.putBatched(a.chunkKey(level.path, t, c, z, ty, tx),
                ByteBuffer.wrap(a.compression().compress(chunk)));
    }

    /**
     * The group attributes ({@code .zattrs}) of an OME-NGFF 0.4 multiscale image whose levels have {@code sizes}
     * ({width, height} each, full resolution first): axes t, c, z, y, x, one dataset per level named by its index
     * with its scale, and the {@code omero} block when {@code m} has rendering settings. {@code meanDownsampled}: the
     * levels were made by this builder's 2x2 mean (said in {@code type} and {@code metadata}); false for levels of
     * unknown origin (a file's own sub-resolutions).
     */
    public static String attributes(List<int[]> sizes, PyramidMetadata m, boolean meanDownsampled) {
        ObjectNode root = ZarrArray.JSON.createObjectNode();
        ObjectNode ms = root.putArray("multiscales").addObject();
        ms.put("version", "0.4");
        ms.put("name", m.name());
        ArrayNode axes = ms.putArray("axes");
        axes.addObject().put("name", "t").put("type", "time");
        axes.addObject().put("name", "c").put("type", "channel");
        for (String s : new String[] {"z", "y", "x"}) {
            ObjectNode ax = axes.addObject().put("name", s).put("type", "space");
            boolean known = s.equals("x") ? m.physicalSizeX().isPresent() : s.equals("y")
                    ? m.physicalSizeY().isPresent() : m.physicalSizeZ().isPresent();
            if (known) {
                ax.put("unit", "micrometer");
            }
        }
        ArrayNode datasets = ms.putArray("datasets");
        double px = m.physicalSizeX().orElse(1);
        double py = m.physicalSizeY().orElse(1);
        double pz = m.physicalSizeZ().orElse(1);
        for (int l = 0; l < sizes.size(); l++) {
            ObjectNode d = datasets.addObject().put("path", Integer.toString(l));
            ArrayNode scale = d.putArray("coordinateTransformations").addObject().put("type", "scale")
                    .putArray("scale");
            double fx = (double) sizes.get(0)[0] / sizes.get(l)[0];
            double fy = (double) sizes.get(0)[1] / sizes.get(l)[1];
            scale.add(1.0).add(1.0).add(pz).add(py * fy).add(px * fx);
        }
        if (meanDownsampled) {
            ms.put("type", "mean");
            ms.putObject("metadata").put("description", "2x2 mean of the level above, integers rounded half up")
                    .put("method", "omero-sdk PyramidBuilder");
        }
        if (m.rendering().isPresent()) {
            RenderingSettings r = m.rendering().get();
            ObjectNode omero = root.putObject("omero");
            omero.put("version", "0.4");
            omero.put("name", m.name());
            ArrayNode channels = omero.putArray("channels");
            for (int c = 0; c < r.channels().size(); c++) {
                ChannelSettings cs = r.channels().get(c);
                ObjectNode ch = channels.addObject();
                ch.put("active", cs.active());
                ch.put("coefficient", cs.coefficient());
                ch.put("color", String.format(Locale.ROOT, "%02X%02X%02X", cs.color().red(), cs.color().green(),
                        cs.color().blue()));
                ch.put("family", cs.family().omeroName());
                ch.put("inverted", cs.reverse());
                ch.put("label", c < m.channelLabels().size() ? m.channelLabels().get(c) : "Channel " + c);
                ch.putObject("window").put("min", cs.extentMin()).put("max", cs.extentMax())
                        .put("start", cs.windowStart()).put("end", cs.windowEnd());
            }
            omero.putObject("rdefs").put("defaultT", r.defaultT()).put("defaultZ", r.defaultZ())
                    .put("model", r.model() == RenderingSettings.Model.COLOR ? "color" : "greyscale");
        }
        return root.toString();
    }

    /** Removes the group and level arrays this build wrote (only those: the prefix may be shared). */
    private static void removeQuietly(BinaryStore store, String base, int levels) {
        try {
            store.delete(base + ".zgroup");
            for (int l = 0; l < levels; l++) {
                for (String k : store.list(base + l + "/")) {
                    store.delete(k);
                }
            }
        } catch (RuntimeException ignored) {
            // the store is failing already; without .zattrs the leftovers are never taken for a pyramid
        }
    }

    private static int ceil(int a, int b) {
        return (a + b - 1) / b;
    }
}
