package org.omerosdk.bench.copy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.fs.ChecksumAlgorithm;
import org.omerosdk.repo.ImportLocation;
import org.omerosdk.repo.ManagedRepository;
import org.omerosdk.repo.StoredFile;
import org.omerosdk.repo.TransferMode;
import org.omerosdk.repo.checksum.ChecksumSink;
import org.omerosdk.repo.store.FileSystemBinaryStore;
import org.omerosdk.repo.template.TemplateContext;

/**
 * {@code benchmarks/run copy [GB]}: copies a file set into the managed repository with SHA1-160 computed on the way
 * (and once with all seven algorithms), side by side in the same run with {@code cp} followed by {@code sha1sum} on
 * the same files. Each side runs twice; the second (warm page cache for the source) is reported.
 */
public final class CopyComparison {
    private static final int FILES = 8;

    private CopyComparison() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        double gb = args.length > 1 ? Double.parseDouble(args[1]) : 2.0;
        long perFile = (long) (gb * (1L << 30) / FILES);
        Path source = work.resolve("source");
        List<Path> files = generate(source, perFile);
        long total = perFile * FILES;
        System.out.printf(Locale.ROOT, "file set: %d files, %.2f GB in %s%n", FILES, total / 1e9, source);

        double ours = 0;
        double oursAll = 0;
        double peer = 0;
        double peerSync = 0;
        List<String> ourHashes = List.of();
        for (int round = 0; round < 2; round++) {
            deleteTree(work.resolve("repo"));
            deleteTree(work.resolve("cp"));
            long t0 = System.nanoTime();
            ourHashes = ours(work.resolve("repo/a"), files, EnumSet.of(ChecksumAlgorithm.SHA1_160));
            ours = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            ours(work.resolve("repo/b"), files, EnumSet.allOf(ChecksumAlgorithm.class));
            oursAll = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            List<String> peerHashes = cpThenSha1sum(files, work.resolve("cp/a"), false);
            peer = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            cpThenSha1sum(files, work.resolve("cp/b"), true);
            peerSync = (System.nanoTime() - t0) / 1e9;
            if (!peerHashes.equals(ourHashes)) {
                throw new IllegalStateException("SHA-1 differs from sha1sum: " + ourHashes + " vs " + peerHashes);
            }
        }
        double mb = total / 1e6;
        System.out.println();
        System.out.println("| what | wall s | MB/s |");
        System.out.println("|---|---|---|");
        row("ours: copy + SHA1-160 in one pass (fsync each file)", ours, mb);
        row("ours: copy + all seven checksums in one pass (fsync)", oursAll, mb);
        row("cp, then sha1sum of the copies", peer, mb);
        row("cp, sync, then sha1sum of the copies", peerSync, mb);
        System.out.printf(Locale.ROOT, "%nSHA-1 of every file agreed with sha1sum.%n");
        System.out.printf(Locale.ROOT, "copy: ours_mb_s=%.0f cp_sha1sum_mb_s=%.0f ratio_cp_sha1sum=%.2f "
                        + "all7_mb_s=%.0f cp_sync_sha1sum_mb_s=%.0f ratio_cp_sync_sha1sum=%.2f%n",
                mb / ours, mb / peer, ours / peer, mb / oursAll, mb / peerSync, ours / peerSync);
    }

    private static void row(String what, double seconds, double mb) {
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.0f |%n", what, seconds, mb / seconds);
    }

    private static List<String> ours(Path repoDir, List<Path> files, EnumSet<ChecksumAlgorithm> algorithms) {
        FileSystemBinaryStore store = new FileSystemBinaryStore(repoDir);
        ManagedRepository repo = ManagedRepository.open(OmeroConfig.defaults(), store);
        TemplateContext ctx = new TemplateContext("bench", 2, "lab", 3, Permissions.PRIVATE, "s", 1,
                Optional.empty(), ZonedDateTime.now(), "bench", List.of());
        List<String> clientPaths = files.stream().map(Path::toString).toList();
        ImportLocation where = repo.prepare(ctx, clientPaths, OptionalInt.of(0));
        if (algorithms.size() == 1) {
            return repo.transfer(where, files, TransferMode.COPY, ChecksumAlgorithm.SHA1_160, ProgressListener.NONE)
                    .stream().map(StoredFile::checksum).toList();
        }
        // all seven in one pass over each file while copying it
        List<String> sha1 = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            ChecksumSink sink = ChecksumSink.of(algorithms);
            try (var in = Files.newInputStream(files.get(i));
                 var out = store.writer(where.keys().get(i))) {
                byte[] buf = new byte[1 << 20];
                int n;
                while ((n = in.read(buf)) > 0) {
                    sink.write(buf, 0, n);
                    out.write(buf, 0, n);
                }
                out.commit();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            sha1.add(sink.finish().get(ChecksumAlgorithm.SHA1_160));
        }
        return sha1;
    }

    private static List<String> cpThenSha1sum(List<Path> files, Path target, boolean sync) throws Exception {
        Files.createDirectories(target);
        List<String> cp = new ArrayList<>(List.of("cp"));
        files.forEach(f -> cp.add(f.toString()));
        cp.add(target.toString());
        run(cp);
        if (sync) {
            run(List.of("sync"));
        }
        List<String> sum = new ArrayList<>(List.of("sha1sum"));
        files.forEach(f -> sum.add(target.resolve(f.getFileName()).toString()));
        Process p = new ProcessBuilder(sum).redirectErrorStream(true).start();
        List<String> hashes = new ArrayList<>();
        for (String line : new String(p.getInputStream().readAllBytes()).split("\n")) {
            if (!line.isBlank()) {
                hashes.add(line.substring(0, 40));
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("sha1sum failed");
        }
        return hashes;
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command.get(0) + " failed");
        }
    }

    private static List<Path> generate(Path dir, long perFile) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(42);
        byte[] block = new byte[1 << 20];
        for (int i = 0; i < FILES; i++) {
            Path f = dir.resolve(String.format(Locale.ROOT, "plate-%02d.raw", i));
            files.add(f);
            if (Files.exists(f) && Files.size(f) == perFile) {
                continue;
            }
            try (OutputStream out = Files.newOutputStream(f)) {
                for (long w = 0; w < perFile; w += block.length) {
                    for (int j = 0; j < block.length; j += 8) {
                        long v = random.nextLong();
                        for (int k = 0; k < 8; k++) {
                            block[j + k] = (byte) (v >>> (8 * k));
                        }
                    }
                    out.write(block, 0, (int) Math.min(block.length, perFile - w));
                }
            }
        }
        return files;
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
