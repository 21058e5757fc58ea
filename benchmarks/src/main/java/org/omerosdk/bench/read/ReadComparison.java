package org.omerosdk.bench.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.omerosdk.importer.format.FormatReaders;
import org.omerosdk.importer.format.OpenedFileset;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.codec.zarr.Compression;
import org.omerosdk.render.pyramid.PyramidBuilder;
import org.omerosdk.render.pyramid.PyramidMetadata;
import org.omerosdk.repo.store.FileSystemBinaryStore;

/**
 * Decoding speed of the format readers against libvips on the same files, in the same run: every pixel of level 0,
 * ours in-process on two threads (tiles or strips in parallel, as vips uses both cores) against {@code vips avg}
 * as a process. Files are written by vips into the scratch directory. MB/s counts decoded pixel bytes.
 */
public final class ReadComparison {
    private ReadComparison() {
    }

    record Row(String key, String what, long bytes, double oursSeconds, double vipsSeconds, double oursCpu,
               double vipsCpu) {
        double oursMbs() {
            return bytes / 1e6 / oursSeconds;
        }

        double vipsMbs() {
            return bytes / 1e6 / vipsSeconds;
        }

        /** MB per CPU-second, ours over vips': what the ratio would be on an idle machine of the same cores. */
        double cpuRatio() {
            return vipsCpu / oursCpu;
        }
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int size = Integer.parseInt(args[1]);
        Files.createDirectories(work);
        Path base = work.resolve("base.v");
        Path base16 = work.resolve("base16.v");
        Path rgb = work.resolve("rgb.v");
        // smooth structured content (Perlin noise) so that the compressions see realistic redundancy
        vips("perlin", work.resolve("p.v").toString(), "" + size, "" + size, "--cell-size", "64");
        vips("linear", work.resolve("p.v").toString(), base.toString(), "100", "128", "--uchar");
        vips("linear", work.resolve("p.v").toString(), work.resolve("p16.v").toString(), "20000", "30000");
        vips("cast", work.resolve("p16.v").toString(), base16.toString(), "ushort");
        vips("perlin", work.resolve("q.v").toString(), "" + size, "" + size, "--cell-size", "32", "--seed", "7");
        vips("linear", work.resolve("q.v").toString(), work.resolve("q8.v").toString(), "100", "128", "--uchar");
        vips("bandjoin", base + " " + work.resolve("q8.v") + " " + base, rgb.toString());
        Path lzw = work.resolve("lzw.tif");
        Path deflate = work.resolve("deflate.tif");
        Path jpeg = work.resolve("jpeg.tif");
        vips("tiffsave", base.toString(), lzw.toString(), "--compression", "lzw", "--predictor", "horizontal");
        vips("tiffsave", base16.toString(), deflate.toString(), "--compression", "deflate", "--tile",
                "--tile-width", "256", "--tile-height", "256");
        vips("tiffsave", rgb.toString(), jpeg.toString(), "--compression", "jpeg", "--Q", "85", "--tile",
                "--tile-width", "256", "--tile-height", "256", "--pyramid");
        List<Row> rows = new ArrayList<>();
        rows.add(measure("lzw", "uint8 LZW+predictor strips", lzw));
        rows.add(measure("deflate", "uint16 Deflate 256^2 tiles", deflate));
        rows.add(measure("jpeg", "RGB JPEG 256^2 tiles (pyramid, level 0)", jpeg));
        List<String> zarrTable = new ArrayList<>();
        String zarr = zarrRow(work, size, zarrTable);
        System.out.printf(Locale.ROOT, "%-42s %10s %10s %10s %7s %11s %11s %9s%n", "file (" + size + "^2)",
                "MB decoded", "ours MB/s", "vips MB/s", "ratio", "ours cpu s", "vips cpu s", "cpu ratio");
        StringBuilder last = new StringBuilder("read:");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "%-42s %10.0f %10.1f %10.1f %7.2f %11.2f %11.2f %9.2f%n", r.what(),
                    r.bytes() / 1e6, r.oursMbs(), r.vipsMbs(), r.oursMbs() / r.vipsMbs(), r.oursCpu(), r.vipsCpu(),
                    r.cpuRatio());
            last.append(String.format(Locale.ROOT, " %s_ratio_vips=%.2f", r.key(), r.oursMbs() / r.vipsMbs()));
        }
        zarrTable.forEach(System.out::println);
        for (Row r : rows) {
            last.append(String.format(Locale.ROOT, " %s_cpu_ratio_vips=%.2f", r.key(), r.cpuRatio()));
        }
        System.out.println("(best of 3 each, wall clock; cpu s = CPU seconds of the best run, user + system, ours"
                + " summed over the decoding threads, vips' from the shell's times; the cpu ratio is the one that"
                + " does not depend on how busy the shared machine is)");
        System.out.println("(best of 3 each; ours: 2 threads in one JVM after a warm-up pass; vips: `vips avg FILE`"
                + " as a process, its start-up included; the machine is shared, so figures are noisy)");
        last.append(" zarr_mb_s=").append(zarr);
        System.out.println(last);
    }

    /**
     * The OME-Zarr row: a {@code n x n x 16} uint16 image ({@code n = size / 2}: 4096 by default) written by our own
     * {@link PyramidBuilder} as NGFF with zstd chunks (the default 256 x 256 tiles) into a filesystem store, and
     * the same pixels as an uncompressed 16-page TIFF. Ours reads every pixel of level 0 through the OME-Zarr
     * reader (bands of chunks on two threads); vips, which cannot read Zarr, reads the TIFF
     * ({@code vips avg "raw.tif[n=-1]"}). Returns our MB/s as "%.1f" and prints its row.
     */
    static String zarrRow(Path work, int size, List<String> table) throws Exception {
        int n = size / 2;
        int planes = 16;
        Path base16 = work.resolve("base16.v");
        // the same smooth plane shifted per z: realistic redundancy, distinct planes
        Path half = work.resolve("half16.v");
        vips("resize", base16.toString(), half.toString(), "0.5");
        Path planeRaw = work.resolve("plane.raw");
        vips("rawsave", half.toString(), planeRaw.toString());
        byte[] plane = Files.readAllBytes(planeRaw);
        Path raw = work.resolve("tall.raw");
        try (FileChannel out = FileChannel.open(raw, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer in = ByteBuffer.wrap(plane).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer shifted = ByteBuffer.allocate(plane.length).order(ByteOrder.LITTLE_ENDIAN);
            for (int z = 0; z < planes; z++) {
                shifted.clear();
                for (int i = 0; i < plane.length / 2; i++) {
                    shifted.putShort((short) Math.min(65535, (in.getShort(2 * i) & 0xffff) + z * 37));
                }
                shifted.flip();
                while (shifted.hasRemaining()) {
                    out.write(shifted);
                }
            }
        }
        Path tall = work.resolve("tall.v");
        vips("rawload", raw.toString(), tall.toString(), "" + n, "" + (n * planes), "1", "--format", "ushort");
        Path tiff = work.resolve("raw16.tif");
        vips("tiffsave", tall.toString(), tiff.toString(), "--page-height", "" + n);
        Path zarrDir = work.resolve("zarr");
        try (FileChannel ch = FileChannel.open(raw, StandardOpenOption.READ)) {
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            PixelSource source = new RawStack(map.order(ByteOrder.LITTLE_ENDIAN), n, n, planes);
            FileSystemBinaryStore store = new FileSystemBinaryStore(zarrDir, FileSystemBinaryStore.Durability.ON_FLUSH);
            PyramidBuilder.from(OmeroConfig.defaults()).compression(Compression.ZSTD).build(source, store,
                    "image.zarr", PyramidMetadata.named("read benchmark"), ProgressListener.NONE);
        }
        Path image = zarrDir.resolve("image.zarr");
        double ours = Double.MAX_VALUE;
        long bytes = readStack(image);   // warm-up
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            bytes = readStack(image);
            ours = Math.min(ours, (System.nanoTime() - t0) / 1e9);
        }
        String all = tiff + "[n=-1]";
        vips("avg", all);
        double theirs = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            vips("avg", all);
            theirs = Math.min(theirs, (System.nanoTime() - t0) / 1e9);
        }
        double oursMbs = bytes / 1e6 / ours;
        double vipsMbs = bytes / 1e6 / theirs;
        table.add(String.format(Locale.ROOT, "%-42s %12.0f %12.1f %12.1f %8.2f", "OME-Zarr u16 zstd " + n + "^2x"
                + planes + " (vips: raw TIF)", bytes / 1e6, oursMbs, vipsMbs, oursMbs / vipsMbs));
        return String.format(Locale.ROOT, "%.1f", oursMbs);
    }

    /** Every pixel of every z of level 0 of series 0, bands of chunk rows on two threads; the bytes decoded. */
    static long readStack(Path image) throws Exception {
        try (OpenedFileset f = FormatReaders.discover().open(image)) {
            PixelSource p = f.pixels(0);
            int w = p.sizeX(0);
            int h = p.sizeY(0);
            int band = p.tileHeight(0);
            int bands = (h + band - 1) / band;
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Long>> jobs = new ArrayList<>();
                for (int k = 0; k < 2; k++) {
                    int start = k;
                    jobs.add(pool.submit(() -> {
                        ByteBuffer buf = ByteBuffer.allocate(w * band * 2).order(ByteOrder.LITTLE_ENDIAN);
                        long checksum = 0;
                        for (int i = start; i < bands * p.sizeZ(); i += 2) {
                            int z = i / bands;
                            int y = i % bands * band;
                            buf.clear();
                            p.readRegion(0, z, 0, 0, 0, y, w, Math.min(band, h - y), buf);
                            checksum += buf.get(0);
                        }
                        return checksum;
                    }));
                }
                for (Future<Long> j : jobs) {
                    j.get();
                }
            } finally {
                pool.shutdown();
                pool.awaitTermination(1, TimeUnit.MINUTES);
            }
            return (long) w * h * 2 * p.sizeZ();
        }
    }

    /** A uint16 z-stack in a little-endian buffer (a memory-mapped raw file): planes one after the other. */
    private static final class RawStack implements PixelSource {
        private final ByteBuffer data;
        private final int w;
        private final int h;
        private final int planes;

        RawStack(ByteBuffer data, int w, int h, int planes) {
            this.data = data;
            this.w = w;
            this.h = h;
            this.planes = planes;
        }

        @Override
        public PixelType pixelType() {
            return PixelType.UINT16;
        }

        @Override
        public int sizeZ() {
            return planes;
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
            return w;
        }

        @Override
        public int sizeY(int level) {
            return h;
        }

        @Override
        public void readRegion(int level, int z, int c, int t, int x, int y, int rw, int rh, ByteBuffer dst) {
            for (int row = 0; row < rh; row++) {
                long off = (((long) z * h + y + row) * w + x) * 2;
                dst.put(data.slice((int) off, rw * 2));
            }
        }
    }

    static Row measure(String key, String what, Path file) throws Exception {
        double ours = Double.MAX_VALUE;
        double oursCpu = Double.MAX_VALUE;
        long bytes = (long) readAll(file)[0];   // warm-up: JIT and page cache
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            double[] r = readAll(file);
            ours = Math.min(ours, (System.nanoTime() - t0) / 1e9);
            oursCpu = Math.min(oursCpu, r[1]);
        }
        double theirs = Double.MAX_VALUE;
        double theirsCpu = Double.MAX_VALUE;
        vipsCpu(file);
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            double cpu = vipsCpu(file);
            theirs = Math.min(theirs, (System.nanoTime() - t0) / 1e9);
            theirsCpu = Math.min(theirsCpu, cpu);
        }
        return new Row(key, what, bytes, ours, theirs, oursCpu, theirsCpu);
    }

    /** {@code vips avg FILE} in a shell that reports its child's CPU time; returns user + system seconds. */
    static double vipsCpu(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", "vips avg \"$1\" >/dev/null && times", "bash", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("vips avg " + file + " failed: " + out);
        }
        String[] lines = out.trim().split("\n");
        String[] child = lines[lines.length - 1].trim().split("\\s+");
        return seconds(child[0]) + seconds(child[1]);
    }

    /** bash's "0m1.234s". */
    private static double seconds(String t) {
        int m = t.indexOf('m');
        return Double.parseDouble(t.substring(0, m)) * 60 + Double.parseDouble(t.substring(m + 1, t.length() - 1));
    }

    /**
     * Decodes every pixel of level 0 of series 0, bands of tiles on two threads; returns the bytes decoded and the
     * CPU seconds the decoding threads used.
     */
    public static double[] readAll(Path file) throws Exception {
        try (OpenedFileset f = FormatReaders.discover().open(file)) {
            PixelSource p = f.pixels(0);
            int w = p.sizeX(0);
            int h = p.sizeY(0);
            int band = Math.max(p.tileHeight(0), 256 / p.tileHeight(0) * p.tileHeight(0));
            int bpp = p.pixelType().bytesPerPixel();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Long>> jobs = new ArrayList<>();
                java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
                java.util.concurrent.atomic.DoubleAdder cpu = new java.util.concurrent.atomic.DoubleAdder();
                for (int k = 0; k < 2; k++) {
                    int start = k;
                    jobs.add(pool.submit(() -> {
                        long c0 = mx.getCurrentThreadCpuTime();
                        ByteBuffer buf = ByteBuffer.allocate(w * band * bpp).order(ByteOrder.LITTLE_ENDIAN);
                        long checksum = 0;
                        for (int y = start * band; y < h; y += 2 * band) {
                            int rows = Math.min(band, h - y);
                            for (int c = 0; c < p.sizeC(); c++) {
                                buf.clear();
                                p.readRegion(0, 0, c, 0, 0, y, w, rows, buf);
                                checksum += buf.get(0);
                            }
                        }
                        cpu.add((mx.getCurrentThreadCpuTime() - c0) / 1e9);
                        return checksum;
                    }));
                }
                for (Future<Long> j : jobs) {
                    j.get();
                }
                return new double[] {(double) w * h * bpp * p.sizeC(), cpu.sum()};
            } finally {
                pool.shutdown();
                pool.awaitTermination(1, TimeUnit.MINUTES);
            }
        }
    }

    static String vips(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("vips");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
        return out.trim();
    }
}
