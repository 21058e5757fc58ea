package org.omerosdk.bench.pyramid;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.render.codec.zarr.Compression;
import org.omerosdk.render.pyramid.NgffPyramid;
import org.omerosdk.render.pyramid.PyramidBuilder;
import org.omerosdk.render.pyramid.PyramidMetadata;
import org.omerosdk.repo.store.FileSystemBinaryStore;

/**
 * {@code build RAW WIDTH HEIGHT OUTDIR [--no-fsync] [--zstd]}: our side of {@code benchmarks/run pyramid} (run under
 * /usr/bin/time): durable by default (chunks forced to disk before the metadata), {@code --no-fsync} forces nothing
 * (the build's cost without its durability), {@code --zstd} writes zstd chunks.
 * {@code tiles OUTDIR N}: N random 256 x 256 tile reads from level 0 of the built pyramid; prints p50 and p99 in ms.
 * {@code noop}: the JVM's own baseline memory.
 */
public final class PyramidMain {
    private PyramidMain() {
    }

    public static void main(String[] args) {
        switch (args[0]) {
            case "build": {
                RawPlaneSource src = new RawPlaneSource(Path.of(args[1]), Integer.parseInt(args[2]),
                        Integer.parseInt(args[3]));
                java.util.List<String> options = java.util.List.of(args).subList(5, args.length);
                // the default is the durable build: every chunk forced to disk before the metadata is written
                FileSystemBinaryStore.Durability durability = options.contains("--no-fsync")
                        ? FileSystemBinaryStore.Durability.NONE : FileSystemBinaryStore.Durability.ON_FLUSH;
                Compression compression = options.contains("--zstd") ? Compression.ZSTD : Compression.NONE;
                NgffPyramid p = PyramidBuilder.from(OmeroConfig.defaults()).compression(compression).build(src,
                        new FileSystemBinaryStore(Path.of(args[4]), durability),
                        "pyramid.zarr", PyramidMetadata.named("bench"),
                        ProgressListener.NONE);
                System.out.println("levels=" + p.levelCount());
                break;
            }
            case "tiles": {
                NgffPyramid p = NgffPyramid.open(new FileSystemBinaryStore(Path.of(args[1])), "pyramid.zarr");
                int n = Integer.parseInt(args[2]);
                Random r = new Random(7);
                ByteBuffer buf = ByteBuffer.allocate(256 * 256 * 2).order(ByteOrder.LITTLE_ENDIAN);
                int across = p.sizeX(0) / 256;
                int down = p.sizeY(0) / 256;
                for (int i = 0; i < 200; i++) {
                    buf.clear();
                    p.readRegion(0, 0, 0, 0, r.nextInt(across) * 256, r.nextInt(down) * 256, 256, 256, buf);
                }
                long[] ns = new long[n];
                for (int i = 0; i < n; i++) {
                    buf.clear();
                    long t0 = System.nanoTime();
                    p.readRegion(0, 0, 0, 0, r.nextInt(across) * 256, r.nextInt(down) * 256, 256, 256, buf);
                    ns[i] = System.nanoTime() - t0;
                }
                Arrays.sort(ns);
                System.out.printf(Locale.ROOT, "tile_p50_ms=%.3f tile_p99_ms=%.3f%n", ns[n / 2] / 1e6,
                        ns[(int) (n * 0.99)] / 1e6);
                break;
            }
            case "generate": {
                // a smooth field with texture, row by row: SIZE x SIZE little-endian uint16
                int n = Integer.parseInt(args[2]);
                try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(Path.of(args[1]),
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE,
                        java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer row = ByteBuffer.allocate(n * 2).order(ByteOrder.LITTLE_ENDIAN);
                    for (int y = 0; y < n; y++) {
                        row.clear();
                        for (int x = 0; x < n; x++) {
                            row.putShort((short) ((y * 31 + x * 7 + ((x ^ y) % 251)) & 0xFFFF));
                        }
                        row.flip();
                        while (row.hasRemaining()) {
                            ch.write(row);
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                break;
            }
            default:
                System.out.println("noop");
        }
    }
}
