package org.omerosdk.bench.imagej;

import ij.ImagePlus;
import ij.io.Opener;
import ij.process.ImageProcessor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.omerosdk.imagej.OmeroSdkIJ;
import org.omerosdk.imagej.OmeroVirtualStack;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.render.codec.tiff.TiffTags;
import org.omerosdk.render.codec.tiff.TiffWriter;
import org.omerosdk.sdk.ImportOptions;
import org.omerosdk.sdk.ImportResult;
import org.omerosdk.sdk.OmeroSdk;
import org.omerosdk.sdk.Session;

/**
 * {@code benchmarks/run imagej [T]}: a 5D uint16 image of 2048² × 3 channels × 20 z × T timepoints (T = 4 by
 * default: 2.0 GB; the "2 GB" and its "20 t" disagree: 20 t is 10 GB, a BigTIFF, which ImageJ's Opener does
 * not open, so T stays at most 7) written once as a plain ImageJ
 * hyperstack TIFF. Ours: that file imported into an embedded repository, then {@code OmeroSdkIJ.open(id)} as the
 * plugin's users call it, after one open of a small image (the first open in a JVM loads classes and prepares
 * queries; it is reported apart) (a virtual hyperstack, since it is over a quarter of the heap) and 100 random planes read
 * through it. ImageJ's: {@code new Opener().openImage(path)} on the same TIFF, which reads every plane before it
 * returns. Same JVM, same run; the file is in the page cache for both.
 */
public final class ImageJComparison {
    static final int SIDE = 2048;
    static final int C = 3;
    static final int Z = 20;
    static final int READS = 100;

    private ImageJComparison() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int t = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Files.createDirectories(work);
        Path tiff = work.resolve("hyperstack.tif");
        long t0 = System.nanoTime();
        writeHyperstack(tiff, SIDE, t);
        Path small = work.resolve("small.tif");
        writeHyperstack(small, 64, 1);
        double bytes = Files.size(tiff);
        System.out.printf(Locale.ROOT, "wrote %s: %dx%d, %d channels, %d z, %d t, uint16, %.2f GB in %.1f s%n",
                tiff.getFileName(), SIDE, SIDE, C, Z, t, bytes / 1e9, (System.nanoTime() - t0) / 1e9);

        double[] opens = new double[4];
        double coldOpen;
        double[] planes = new double[READS];
        int level;
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(work.resolve("data")).passwordHashIterations(1000)
                .rootPassword("bench".toCharArray()).open()) {
            long imageId;
            long smallId;
            try (Session root = sdk.rootSession()) {
                ExperimenterGroup lab = root.admin().createGroup("lab", Permissions.Level.READ_ANNOTATE);
                Experimenter user = root.admin().createUser("bench", "Bench", "Mark", lab);
                root.admin().setPassword(user, "bench".toCharArray());
            }
            try (Session s = sdk.login("bench", "bench".toCharArray())) {
                t0 = System.nanoTime();
                ImportResult r = s.imports().importFiles(List.of(tiff, small),
                        ImportOptions.target(s.containers().createDataset("bench")));
                if (!r.ok() || r.images().size() != 2) {
                    throw new IllegalStateException("import failed: " + r);
                }
                imageId = r.images().stream().filter(i -> i.name().equals(tiff.getFileName().toString()))
                        .findFirst().orElseThrow().id();
                smallId = r.images().stream().filter(i -> i.id() != imageId).findFirst().orElseThrow().id();
                System.out.printf(Locale.ROOT, "imported in %.1f s (for information: not part of the comparison)%n",
                        (System.nanoTime() - t0) / 1e9);
            }
            OmeroSdkIJ.use(sdk, "benchmark repository");
            OmeroSdkIJ.login("bench", "bench".toCharArray());
            // a Fiji session has opened images before: the first open in the JVM (class loading, first queries) is
            // reported apart, on a small image, and the big image's first open is timed after it
            t0 = System.nanoTime();
            OmeroSdkIJ.open(smallId).close();
            coldOpen = (System.nanoTime() - t0) / 1e9;
            ImagePlus first = null;
            for (int i = 0; i < opens.length; i++) {
                t0 = System.nanoTime();
                ImagePlus imp = OmeroSdkIJ.open(imageId);
                opens[i] = (System.nanoTime() - t0) / 1e9;
                if (!(imp.getStack() instanceof OmeroVirtualStack)) {
                    throw new IllegalStateException("open() did not give a virtual stack: raise nothing, "
                            + "lower -Xmx in benchmarks/run.d/imagej");
                }
                if (imp.getNChannels() != C || imp.getNSlices() != Z || imp.getNFrames() != t) {
                    throw new IllegalStateException("opened as " + imp.getNChannels() + "x" + imp.getNSlices() + "x"
                            + imp.getNFrames());
                }
                if (first == null) {
                    first = imp;
                } else {
                    ((OmeroVirtualStack) imp.getStack()).close();
                }
            }
            OmeroVirtualStack stack = (OmeroVirtualStack) first.getStack();
            level = stack.level();
            Random random = new Random(42);
            for (int i = 0; i < READS; i++) {
                int c = random.nextInt(C);
                int z = random.nextInt(Z);
                int tt = random.nextInt(t);
                t0 = System.nanoTime();
                ImageProcessor ip = stack.getProcessor(first.getStackIndex(c + 1, z + 1, tt + 1));
                planes[i] = (System.nanoTime() - t0) / 1e6;
                check(ip, c, z, tt);
            }
            System.out.printf(Locale.ROOT, "ours: level %d, %d of %d reads from the cache%n", level,
                    stack.cacheHits(), stack.reads());
            stack.close();
            OmeroSdkIJ.close();
        }

        System.gc();
        t0 = System.nanoTime();
        ImagePlus ij = new Opener().openImage(tiff.toString());
        double ijOpen = (System.nanoTime() - t0) / 1e9;
        if (ij == null || ij.getStackSize() != C * Z * t || ij.getNFrames() != t) {
            throw new IllegalStateException("ImageJ opened " + (ij == null ? "nothing (its Opener reads no BigTIFF: "
                    + "keep T at most 7, under 4 GB)" : ij.getStackSize()
                    + " planes, " + ij.getNFrames() + " frames"));
        }
        check(ij.getStack().getProcessor(ij.getStackIndex(2, 3, 1)), 1, 2, 0);
        ij.close();

        double[] warm = Arrays.copyOfRange(opens, 1, opens.length);
        Arrays.sort(warm);
        double[] sorted = planes.clone();
        Arrays.sort(sorted);
        double p50 = sorted[READS / 2 - 1];
        double p95 = sorted[(int) Math.ceil(READS * 0.95) - 1];
        System.out.println();
        System.out.println("| what | figure |");
        System.out.println("|---|---|");
        System.out.printf(Locale.ROOT, "| OmeroSdkIJ.open(id) of a 64² image, the first open in this JVM | %.3f s |%n",
                coldOpen);
        System.out.printf(Locale.ROOT, "| OmeroSdkIJ.open(id) of the 2 GB image, its first open (virtual, level %d) "
                + "| %.3f s |%n", level, opens[0]);
        System.out.printf(Locale.ROOT, "| OmeroSdkIJ.open(id), median of the next %d | %.3f s |%n", warm.length,
                warm[warm.length / 2]);
        System.out.printf(Locale.ROOT, "| %d random planes: p50 / p95 / max | %.1f / %.1f / %.1f ms |%n", READS,
                p50, p95, sorted[READS - 1]);
        System.out.printf(Locale.ROOT, "| ImageJ new Opener().openImage(same TIFF) | %.3f s |%n", ijOpen);
        System.out.printf(Locale.ROOT, "%nimagej: open_s=%.3f open_again_s=%.3f first_open_in_jvm_s=%.3f "
                        + "plane_p50_ms=%.1f plane_p95_ms=%.1f ij_open_s=%.3f ratio_ij_open=%.3f gb=%.2f%n", opens[0],
                warm[warm.length / 2], coldOpen, p50, p95, ijOpen, opens[0] / ijOpen, bytes / 1e9);
    }

    /** The value every pixel of plane (c, z, t) has at (x, y): varies with all five, so misplaced planes show. */
    static int value(int x, int y, int c, int z, int t) {
        return (x + 3 * y + 1009 * c + 97 * z + 331 * t) & 0xffff;
    }

    private static void check(ImageProcessor ip, int c, int z, int t) {
        for (int[] p : new int[][] {{0, 0}, {SIDE - 1, 7}, {5, SIDE - 1}, {1234, 987}}) {
            if (ip.get(p[0], p[1]) != value(p[0], p[1], c, z, t)) {
                throw new IllegalStateException("plane c=" + c + " z=" + z + " t=" + t + " reads "
                        + ip.get(p[0], p[1]) + " at " + p[0] + "," + p[1] + ", expected " + value(p[0], p[1], c, z, t));
            }
        }
    }

    /**
     * A TIFF as ImageJ writes hyperstacks: planes contiguous in CZT order, the {@code ImageJ=} description in the
     * first IFD, one IFD per plane. Classic TIFF below 4 GB, BigTIFF above (ImageJ reads both).
     */
    static void writeHyperstack(Path f, int side, int t) throws IOException {
        long planeBytes = (long) side * side * 2;
        int n = C * Z * t;
        boolean big = planeBytes * n > (1L << 32) - (1L << 24);
        ByteBuffer plane = ByteBuffer.allocateDirect((int) planeBytes).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            TiffWriter out = new TiffWriter(ch, big);
            long[] offsets = new long[n];
            for (int tt = 0; tt < t; tt++) {
                for (int z = 0; z < Z; z++) {
                    for (int c = 0; c < C; c++) {
                        plane.clear();
                        for (int y = 0; y < side; y++) {
                            for (int x = 0; x < side; x++) {
                                plane.putShort((short) value(x, y, c, z, tt));
                            }
                        }
                        plane.flip();
                        offsets[(tt * Z + z) * C + c] = out.writeBlock(plane);
                    }
                }
            }
            String description = "ImageJ=1.54p\nimages=" + n + "\nchannels=" + C + "\nslices=" + Z + "\nframes=" + t
                    + "\nhyperstack=true\nmode=grayscale\nunit=micron\nspacing=0.5\nloop=false\nmin=0.0\nmax=65535.0\n";
            long next = 0;
            for (int i = n - 1; i >= 0; i--) {
                List<TiffWriter.Entry> e = new ArrayList<>();
                e.add(TiffWriter.Entry.of(TiffTags.NEW_SUBFILE_TYPE, TiffWriter.LONG, 0));
                e.add(TiffWriter.Entry.of(TiffTags.IMAGE_WIDTH, TiffWriter.LONG, side));
                e.add(TiffWriter.Entry.of(TiffTags.IMAGE_LENGTH, TiffWriter.LONG, side));
                e.add(TiffWriter.Entry.of(TiffTags.BITS_PER_SAMPLE, TiffWriter.SHORT, 16));
                e.add(TiffWriter.Entry.of(TiffTags.COMPRESSION, TiffWriter.SHORT, TiffTags.COMPRESSION_NONE));
                e.add(TiffWriter.Entry.of(TiffTags.PHOTOMETRIC, TiffWriter.SHORT, TiffTags.PHOTOMETRIC_BLACK_IS_ZERO));
                if (i == 0) {
                    e.add(TiffWriter.Entry.ascii(TiffTags.IMAGE_DESCRIPTION, description));
                }
                e.add(TiffWriter.Entry.of(TiffTags.STRIP_OFFSETS, out.offsetType(), offsets[i]));
                e.add(TiffWriter.Entry.of(TiffTags.SAMPLES_PER_PIXEL, TiffWriter.SHORT, 1));
                e.add(TiffWriter.Entry.of(TiffTags.ROWS_PER_STRIP, TiffWriter.LONG, side));
                e.add(TiffWriter.Entry.of(TiffTags.STRIP_BYTE_COUNTS, out.offsetType(), planeBytes));
                next = out.writeIfd(e, next);
            }
            out.writeHeader(next);
        }
    }
}
