package org.omerosdk.importer.format;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.FormatException;
import org.omerosdk.model.NotFoundException;

import org.omerosdk.model.store.ForwardingBinaryStore;
import org.omerosdk.model.store.MemoryBinaryStore;
import org.omerosdk.render.PixelSource;

/**
 * Mutated copies of every sample file of ../shared/testdata (bit flips, truncations, big numbers written into
 * headers, numbers and names changed in Zarr's JSON documents; a fixed seed) go through every reader on the class
 * path: each must open and read, or fail with a {@link FormatException}, within {@link #CASE_SECONDS}. Any other
 * exception, an {@link OutOfMemoryError} or a hang fails the test, with the case's seed to reproduce it.
 *
 * <p>Reads are bounded ({@link #READ_BUDGET} pixels per case, in tiles), so a header mutated to claim a huge image
 * that the reader accepts costs the budget, not the heap.
 */
class FormatFuzzTest {
    static final Path TESTDATA = Path.of(System.getProperty("omerosdk.repo.root", "."), "../shared/testdata")
            .normalize();
    static final long SEED = 20261201L;
    static final int CASES_PER_SAMPLE = 90;
    static final long CASE_SECONDS = 10;
    static final long READ_BUDGET = 1L << 21;
    static final int TILE = 256;

    /** One sample: a file, or a directory tree (OME-Zarr), as keys and bytes. */
    record Sample(String name, boolean tree, List<String> keys, List<byte[]> contents) {
    }

    static List<Sample> samples() throws Exception {
        String json = Files.readString(TESTDATA.resolve("expected.json"));
        Matcher m = Pattern.compile("\"path\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        List<Sample> out = new ArrayList<>();
        while (m.find()) {
            Path p = TESTDATA.resolve(m.group(1));
            List<String> keys = new ArrayList<>();
            List<byte[]> contents = new ArrayList<>();
            if (Files.isDirectory(p)) {
                try (Stream<Path> files = Files.walk(p)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        keys.add(p.relativize(f).toString().replace('\\', '/'));
                        contents.add(Files.readAllBytes(f));
                    }
                }
                out.add(new Sample(p.getFileName().toString(), true, keys, contents));
            } else if (Files.isRegularFile(p)) {
                keys.add(p.getFileName().toString());
                contents.add(Files.readAllBytes(p));
                out.add(new Sample(p.getFileName().toString(), false, keys, contents));
            }
        }
        return out;
    }

    @Test
    void everyMutatedSampleReadsOrFailsWithAFormatExceptionInTime() throws Exception {
        List<Sample> samples = samples();
        assertTrue(samples.size() >= 20, "the sample files are missing: " + TESTDATA);
        FormatReaders readers = FormatReaders.discover();
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            return t;
        });
        List<String> failures = new ArrayList<>();
        int cases = 0;
        int treeCases = 0;
        int treeReads = 0;
        try {
            for (int s = 0; s < samples.size(); s++) {
                Sample sample = samples.get(s);
                for (int i = 0; i < CASES_PER_SAMPLE && failures.size() < 20; i++) {
                    long seed = SEED * 1_000_003L + s * 10_000L + i;
                    Mutation mutation = mutate(sample, new Random(seed));
                    cases++;
                    if (sample.tree()) {
                        treeCases++;
                    }
                    Future<?> f = pool.submit(() -> readEverything(readers, mutation.location()));
                    try {
                        f.get(CASE_SECONDS, TimeUnit.SECONDS);
                        if (sample.tree()) {
                            treeReads++;
                        }
                    } catch (TimeoutException e) {
                        f.cancel(true);
                        failures.add(sample.name() + " " + mutation.what() + " (seed " + seed + "): no answer within "
                                + CASE_SECONDS + " s");
                        // the stuck thread is abandoned; a fresh one serves the next cases
                        pool.shutdownNow();
                        pool = Executors.newSingleThreadExecutor();
                    } catch (ExecutionException e) {
                        Throwable c = e.getCause();
                        if (!(c instanceof FormatException)) {
                            java.io.StringWriter w = new java.io.StringWriter();
                            c.printStackTrace(new java.io.PrintWriter(w));
                            failures.add(sample.name() + " " + mutation.what() + " (seed " + seed + "): "
                                    + c + "\n" + w.toString().lines().limit(8).reduce("", (a, b) -> a + b + "\n"));
                        }
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + cases + " mutated files failed otherwise than with a FormatException:\n"
                    + String.join("\n", failures));
        }
        assertTrue(cases > 2000, "only " + cases + " cases ran");
        // not vacuous: many mutations of a Zarr tree (a flipped bit in a chunk, an unused field) still read
        assertTrue(treeReads > treeCases / 10, treeReads + " of " + treeCases + " mutated OME-Zarr trees read");
        System.out.println("FormatFuzzTest: " + cases + " cases; " + treeReads + " of " + treeCases
                + " mutated OME-Zarr trees read completely");
    }

    /** Opens the location and reads every level of every plane of every series, in tiles, within the budget. */
    static void readEverything(FormatReaders readers, Location location) {
        try (OpenedFileset f = readers.open(location)) {
            long budget = READ_BUDGET;
            f.originalMetadata();
            for (int s = 0; s < f.series().size() && budget > 0; s++) {
                SeriesMetadata m = f.series().get(s);
                PixelSource px = f.pixels(s);
                int bpp = px.pixelType().bytesPerPixel();
                ByteBuffer buf = ByteBuffer.allocate(TILE * TILE * bpp).order(ByteOrder.LITTLE_ENDIAN);
                for (int level = 0; level < px.levelCount() && budget > 0; level++) {
                    int w = px.sizeX(level);
                    int h = px.sizeY(level);
                    for (int p = 0; p < m.planeCount() && budget > 0; p++) {
                        int z = p % m.sizeZ();
                        int c = p / m.sizeZ() % m.sizeC();
                        int t = p / m.sizeZ() / m.sizeC();
                        for (int y = 0; y < h && budget > 0; y += TILE) {
                            for (int x = 0; x < w && budget > 0; x += TILE) {
                                int tw = Math.min(TILE, w - x);
                                int th = Math.min(TILE, h - y);
                                buf.clear();
                                px.readRegion(level, z, c, t, x, y, tw, th, buf);
                                budget -= (long) tw * th;
                            }
                        }
                    }
                }
            }
        } catch (OutOfMemoryError e) {
            throw new AssertionError("out of memory", e);
        }
    }

    record Mutation(String what, Location location) {
    }

    static Mutation mutate(Sample sample, Random r) {
        int k = sample.tree() ? pickTreeFile(sample, r) : 0;
        byte[] original = sample.contents().get(k);
        String key = sample.keys().get(k);
        byte[] b;
        String what;
        boolean json = key.endsWith(".zattrs") || key.endsWith(".zarray") || key.endsWith(".zgroup")
                || key.endsWith("zarr.json");
        int kind = r.nextInt(json ? 5 : 3);
        switch (kind) {
            case 0: {
                b = original.clone();
                int flips = 1 + r.nextInt(8);
                for (int i = 0; i < flips && b.length > 0; i++) {
                    // headers live at the start: half the flips land in the first 4 KiB
                    int at = r.nextBoolean() ? r.nextInt(Math.min(b.length, 4096)) : r.nextInt(b.length);
                    b[at] ^= (byte) (1 << r.nextInt(8));
                }
                what = flips + " bit flips in " + key;
                break;
            }
            case 1: {
                int n = original.length == 0 ? 0 : r.nextInt(original.length);
                b = Arrays.copyOf(original, n);
                what = "truncated to " + n + " bytes: " + key;
                break;
            }
            case 2: {
                b = original.clone();
                int width = new int[] {2, 4, 8}[r.nextInt(3)];
                long[] values = {0xFFFFFFFFFFFFFFFFL, 0x7FFFFFFFL, 0x80000000L, 0xFFFFL, 0x7FFFFFFFFFFFFFFFL, 0,
                    1L << 40, 65536, 40000};
                long v = values[r.nextInt(values.length)];
                int span = Math.min(b.length, 1024);
                if (span > width) {
                    int at = r.nextInt(span - width);
                    for (int i = 0; i < width; i++) {
                        b[at + i] = (byte) (r.nextBoolean() ? v >>> (8 * i) : v >>> (8 * (width - 1 - i)));
                    }
                }
                what = "a big number (" + Long.toUnsignedString(v) + ", " + width + " bytes) in the header of " + key;
                break;
            }
            case 3: {
                String s = new String(original, StandardCharsets.UTF_8);
                Matcher m = Pattern.compile("-?\\d+(\\.\\d+)?").matcher(s);
                List<int[]> spans = new ArrayList<>();
                while (m.find()) {
                    spans.add(new int[] {m.start(), m.end()});
                }
                String[] values = {"2147483647", "99999999999999", "-1", "0", "1e308", "40000", "3.5", "null"};
                String v = values[r.nextInt(values.length)];
                if (!spans.isEmpty()) {
                    int[] sp = spans.get(r.nextInt(spans.size()));
                    s = s.substring(0, sp[0]) + v + s.substring(sp[1]);
                }
                b = s.getBytes(StandardCharsets.UTF_8);
                what = "a number replaced by " + v + " in " + key;
                break;
            }
            default: {
                String s = new String(original, StandardCharsets.UTF_8);
                Matcher m = Pattern.compile("\"([A-Za-z_.]+)\"\\s*:").matcher(s);
                List<int[]> spans = new ArrayList<>();
                while (m.find()) {
                    spans.add(new int[] {m.start(1), m.end(1)});
                }
                if (!spans.isEmpty()) {
                    int[] sp = spans.get(r.nextInt(spans.size()));
                    s = s.substring(0, sp[0]) + "renamed_" + s.substring(sp[0], sp[1]) + s.substring(sp[1]);
                }
                b = s.getBytes(StandardCharsets.UTF_8);
                what = "a field renamed in " + key;
            }
        }
        MemoryBinaryStore base = new MemoryBinaryStore();
        String prefix = "s/" + sample.name();
        if (!sample.tree()) {
            base.put(prefix, b);
            return new Mutation(what, Location.of(base, prefix));
        }
        return new Mutation(what, Location.of(new Overlay(sample, prefix, key, b), prefix));
    }

    /** Metadata documents are picked as often as chunks: they are fewer, and where the parsing is. */
    static int pickTreeFile(Sample s, Random r) {
        List<Integer> docs = new ArrayList<>();
        for (int i = 0; i < s.keys().size(); i++) {
            String k = s.keys().get(i);
            if (k.endsWith(".zattrs") || k.endsWith(".zarray") || k.endsWith("zarr.json") || k.endsWith(".xml")) {
                docs.add(i);
            }
        }
        if (!docs.isEmpty() && r.nextBoolean()) {
            return docs.get(r.nextInt(docs.size()));
        }
        return r.nextInt(s.keys().size());
    }

    /** The sample's files under {@code prefix}, one of them replaced, without copying the others. */
    static final class Overlay extends ForwardingBinaryStore {
        private final Sample sample;
        private final String prefix;
        private final String mutatedKey;
        private final byte[] mutated;

        Overlay(Sample sample, String prefix, String mutatedKey, byte[] mutated) {
            super(new MemoryBinaryStore());
            this.sample = sample;
            this.prefix = prefix + "/";
            this.mutatedKey = mutatedKey;
            this.mutated = mutated;
        }

        private byte[] content(String key) {
            if (key.startsWith(prefix)) {
                String rel = key.substring(prefix.length());
                if (rel.equals(mutatedKey)) {
                    return mutated;
                }
                int i = sample.keys().indexOf(rel);
                if (i >= 0) {
                    return sample.contents().get(i);
                }
            }
            throw new NotFoundException("no object " + key);
        }

        @Override
        public InputStream get(String key) {
            return new ByteArrayInputStream(content(key));
        }

        @Override
        public InputStream get(String key, long offset, long length) {
            byte[] c = content(key);
            int from = (int) Math.min(offset, c.length);
            int n = (int) Math.min(length, c.length - from);
            return new ByteArrayInputStream(c, from, n);
        }

        @Override
        public boolean exists(String key) {
            try {
                content(key);
                return true;
            } catch (NotFoundException e) {
                return false;
            }
        }

        @Override
        public long size(String key) {
            return content(key).length;
        }

        @Override
        public List<String> list(String p) {
            List<String> out = new ArrayList<>();
            for (String k : sample.keys()) {
                String full = prefix + k;
                if (full.startsWith(p)) {
                    out.add(full);
                }
            }
            out.sort(null);
            return out;
        }

        @Override
        public String describe() {
            return "mem:fuzz";
        }
    }

}
