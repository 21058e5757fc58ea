package org.omerosdk.bench.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.omerosdk.examples.demo.SampleOmeTiff;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.codec.tiff.TiffTags;
import org.omerosdk.render.codec.tiff.TiffWriter;
import org.omerosdk.sdk.ImportOptions;
import org.omerosdk.sdk.ImportResult;
import org.omerosdk.sdk.OmeroSdk;
import org.omerosdk.sdk.Session;

/**
 * {@code benchmarks/run import [LARGE_MB] [SMALL_FILES]}: in one JVM and on the same files, (a) SMALL_FILES
 * (default 1,000) single-plane 256×256 uint16 TIFFs imported into one dataset through
 * {@code session.imports().importFiles}, and (b) one multi-series OME-TIFF of about LARGE_MB (default 2,048 MB)
 * imported with everything the pipeline does (copy with SHA1-160, OME-XML metadata, channel statistics, rendering
 * settings, thumbnail, one transaction); then {@code cp} followed by {@code sha1sum} of the same files. H2 and the
 * filesystem store in the data directory, default configuration, a user session. A warm-up import of 50 other
 * small files runs first (JIT, connection pool); the source files are in the page cache for both sides.
 */
public final class ImportComparison {
    private static final int SMALL_SIDE = 256;
    private static final int LARGE_SIDE = 2048;
    private static final int SERIES = 4;
    private static final int CHANNELS = 4;

    private ImportComparison() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        long largeMb = args.length > 1 ? Long.parseLong(args[1]) : 2048;
        int smallCount = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        List<Path> small = smallTiffs(work.resolve("small"), smallCount);
        List<Path> warm = smallTiffs(work.resolve("warm"), 50);
        Path large = largeOmeTiff(work.resolve("large"), largeMb);
        long largeBytes = Files.size(large);
        long smallBytes = 0;
        for (Path p : small) {
            smallBytes += Files.size(p);
        }
        System.out.printf(Locale.ROOT, "small: %d TIFFs of %dx%d uint16 (%.1f MB); large: %s, %d series, %.0f MB%n",
                small.size(), SMALL_SIDE, SMALL_SIDE, smallBytes / 1e6, large.getFileName(), SERIES,
                largeBytes / 1e6);
        if (largeMb < 2048) {
            System.out.printf(Locale.ROOT, "NOTE: the large file is %d MB, smaller than the issue's 2 GB "
                    + "(argument LARGE_MB)%n", largeMb);
        }
        double smallS;
        double largeS;
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(work.resolve("data")).passwordHashIterations(1000)
                .rootPassword("bench".toCharArray()).open()) {
            try (Session root = sdk.rootSession()) {
                ExperimenterGroup lab = root.admin().createGroup("lab", Permissions.Level.READ_ANNOTATE);
                Experimenter user = root.admin().createUser("bench", "Bench", "Mark", lab);
                root.admin().setPassword(user, "bench".toCharArray());
            }
            try (Session s = sdk.login("bench", "bench".toCharArray())) {
                check(s.imports().importFiles(warm, ImportOptions.target(s.containers().createDataset("warm-up"))),
                        warm.size());
                Dataset dataset = s.containers().createDataset("small files");
                long t0 = System.nanoTime();
                check(s.imports().importFiles(small, ImportOptions.target(dataset)), small.size());
                smallS = (System.nanoTime() - t0) / 1e9;
                if (s.containers().countImages(dataset) != small.size()) {
                    throw new IllegalStateException("dataset holds " + s.containers().countImages(dataset)
                            + " images, expected " + small.size());
                }
                System.out.printf(Locale.ROOT, "small files imported in %.2f s (load %s)%n", smallS, load());
                Dataset big = s.containers().createDataset("large file");
                t0 = System.nanoTime();
                StepTimes steps = new StepTimes(t0);
                check(s.imports().importFiles(List.of(large), ImportOptions.target(big),
                        ImportOptions.listener(steps)), SERIES);
                largeS = (System.nanoTime() - t0) / 1e9;
                System.out.println("large file, seconds from the start of the import to the first report of "
                        + "each step: " + steps);
                System.out.printf(Locale.ROOT, "large file imported in %.2f s (load %s)%n", largeS, load());
            }
        }
        double peerSmallS = cpThenSha1sum(small, work.resolve("cp-small"));
        double peerLargeS = cpThenSha1sum(List.of(large), work.resolve("cp-large"));
        System.out.printf(Locale.ROOT, "cp + sha1sum done (load %s)%n", load());
        double mb = largeBytes / 1e6;
        System.out.println();
        System.out.println("| what | wall s | rate |");
        System.out.println("|---|---|---|");
        System.out.printf(Locale.ROOT, "| import %d small TIFFs into one dataset | %.2f | %.0f files/s |%n",
                small.size(), smallS, small.size() / smallS);
        System.out.printf(Locale.ROOT, "| cp then sha1sum of the same small files | %.2f | %.0f files/s |%n",
                peerSmallS, small.size() / peerSmallS);
        System.out.printf(Locale.ROOT, "| import the %.0f MB OME-TIFF (%d series) | %.2f | %.0f MB/s |%n", mb,
                SERIES, largeS, mb / largeS);
        System.out.printf(Locale.ROOT, "| cp then sha1sum of the same OME-TIFF | %.2f | %.0f MB/s |%n", peerLargeS,
                mb / peerLargeS);
        System.out.printf(Locale.ROOT, "%nimport: small_files_s=%.0f large_mb_s=%.0f cp_sha1sum_mb_s=%.0f "
                        + "ratio_cp_sha1sum=%.2f large_mb=%.0f%n", small.size() / smallS, mb / largeS,
                mb / peerLargeS, (mb / largeS) / (mb / peerLargeS), mb);
    }

    /** When each step of the pipeline was first reported. */
    static final class StepTimes implements org.omerosdk.sdk.ImportListener {
        private final long t0;
        private final java.util.Map<String, Double> first = new java.util.LinkedHashMap<>();

        StepTimes(long t0) {
            this.t0 = t0;
        }

        @Override
        public synchronized void progress(org.omerosdk.sdk.ImportProgress p) {
            first.putIfAbsent(p.step(), (System.nanoTime() - t0) / 1e9);
        }

        @Override
        public synchronized void finished(org.omerosdk.sdk.ImportReport r) {
            first.put("finished", (System.nanoTime() - t0) / 1e9);
        }

        @Override
        public synchronized String toString() {
            StringBuilder b = new StringBuilder();
            first.forEach((k, v) -> b.append(String.format(Locale.ROOT, "%s=%.2f ", k, v)));
            return b.toString().trim();
        }
    }

    private static void check(ImportResult r, int images) {
        if (!r.ok()) {
            throw new IllegalStateException("import failed: " + r.failures().get(0).error());
        }
        if (r.images().size() != images) {
            throw new IllegalStateException(r.images().size() + " images imported, expected " + images);
        }
    }

    private static String load() throws IOException {
        return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    }

    /** Pixels that vary over x, y and the plane, so statistics and thumbnails have something to find. */
    record Ramp(int side, int z, int c, int t) implements PixelSource {
        @Override
        public PixelType pixelType() {
            return PixelType.UINT16;
        }

        @Override
        public int sizeZ() {
            return z;
        }

        @Override
        public int sizeC() {
            return c;
        }

        @Override
        public int sizeT() {
            return t;
        }

        @Override
        public int sizeX(int level) {
            return side;
        }

        @Override
        public int sizeY(int level) {
            return side;
        }

        @Override
        public void readRegion(int level, int zz, int cc, int tt, int x, int y, int w, int h, ByteBuffer dst) {
            ByteBuffer b = dst.order() == ByteOrder.LITTLE_ENDIAN ? dst : dst.duplicate()
                    .order(ByteOrder.LITTLE_ENDIAN);
            int base = (zz * 7 + cc * 1013 + tt * 31) & 0xfff;
            for (int yy = y; yy < y + h; yy++) {
                for (int xx = x; xx < x + w; xx++) {
                    b.putShort((short) ((base + xx + yy * 3 + ((xx * yy) >>> 7)) & 0xffff));
                }
            }
            if (b != dst) {
                dst.position(b.position());
            }
        }
    }

    private static List<Path> smallTiffs(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path f = dir.resolve(String.format(Locale.ROOT, "cell-%04d.tif", i));
            files.add(f);
            if (Files.exists(f)) {
                continue;
            }
            Ramp r = new Ramp(SMALL_SIDE, i + 1, 1, 1);
            ByteBuffer plane = ByteBuffer.allocate(SMALL_SIDE * SMALL_SIDE * 2).order(ByteOrder.LITTLE_ENDIAN);
            r.readRegion(0, i, 0, 0, 0, 0, SMALL_SIDE, SMALL_SIDE, plane);
            plane.flip();
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                TiffWriter out = new TiffWriter(ch, false);
                long offset = out.writeBlock(plane);
                List<TiffWriter.Entry> e = List.of(
                        TiffWriter.Entry.of(TiffTags.IMAGE_WIDTH, TiffWriter.LONG, SMALL_SIDE),
                        TiffWriter.Entry.of(TiffTags.IMAGE_LENGTH, TiffWriter.LONG, SMALL_SIDE),
                        TiffWriter.Entry.of(TiffTags.BITS_PER_SAMPLE, TiffWriter.SHORT, 16),
                        TiffWriter.Entry.of(TiffTags.COMPRESSION, TiffWriter.SHORT, TiffTags.COMPRESSION_NONE),
                        TiffWriter.Entry.of(TiffTags.PHOTOMETRIC, TiffWriter.SHORT,
                                TiffTags.PHOTOMETRIC_BLACK_IS_ZERO),
                        TiffWriter.Entry.of(TiffTags.STRIP_OFFSETS, TiffWriter.LONG, offset),
                        TiffWriter.Entry.of(TiffTags.SAMPLES_PER_PIXEL, TiffWriter.SHORT, 1),
                        TiffWriter.Entry.of(TiffTags.ROWS_PER_STRIP, TiffWriter.LONG, SMALL_SIDE),
                        TiffWriter.Entry.of(TiffTags.STRIP_BYTE_COUNTS, TiffWriter.LONG, plane.capacity()),
                        TiffWriter.Entry.of(TiffTags.SAMPLE_FORMAT, TiffWriter.SHORT, 1));
                out.writeHeader(out.writeIfd(e, 0));
            }
        }
        return files;
    }

    /** SERIES images of LARGE_SIDE² uint16 × CHANNELS channels, with as many Z sections as make about {@code mb}. */
    private static Path largeOmeTiff(Path dir, long mb) throws IOException {
        Files.createDirectories(dir);
        long plane = (long) LARGE_SIDE * LARGE_SIDE * 2;
        int z = (int) Math.max(1, Math.round(mb * 1e6 / 1.048576 / (plane * SERIES * CHANNELS)));
        Path f = dir.resolve("large-" + mb + "mb.ome.tif");
        if (Files.exists(f)) {
            return f;
        }
        List<SampleOmeTiff.Series> series = new ArrayList<>();
        for (int s = 0; s < SERIES; s++) {
            series.add(new SampleOmeTiff.Series("series " + s, new Ramp(LARGE_SIDE, z, CHANNELS, 1),
                    List.of("DAPI", "GFP", "RFP", "Cy5"), new double[] {461, 510, 583, 670}, 0.1));
        }
        SampleOmeTiff.write(f, series);
        return f;
    }

    private static double cpThenSha1sum(List<Path> files, Path target) throws Exception {
        deleteTree(target);
        Files.createDirectories(target);
        long t0 = System.nanoTime();
        // one cp and one sha1sum for the whole set, as a user would type them (arguments in chunks for ARG_MAX)
        for (List<Path> chunk : chunks(files, 500)) {
            List<String> cp = new ArrayList<>(List.of("cp"));
            chunk.forEach(p -> cp.add(p.toString()));
            cp.add(target.toString());
            run(cp);
        }
        for (List<Path> chunk : chunks(files, 500)) {
            List<String> sum = new ArrayList<>(List.of("sha1sum"));
            chunk.forEach(p -> sum.add(target.resolve(p.getFileName()).toString()));
            Process p = new ProcessBuilder(sum).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("sha1sum failed");
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        deleteTree(target);
        return s;
    }

    private static List<List<Path>> chunks(List<Path> files, int n) {
        List<List<Path>> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i += n) {
            out.add(files.subList(i, Math.min(files.size(), i + n)));
        }
        return out;
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command.get(0) + " failed");
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
