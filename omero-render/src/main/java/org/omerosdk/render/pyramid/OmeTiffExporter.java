package org.omerosdk.render.pyramid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.StorageException;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.codec.tiff.TiffTags;
import org.omerosdk.render.codec.tiff.TiffWriter;

/**
 * Writes a multi-resolution {@link PixelSource} (for example an {@link NgffPyramid}) as a pyramidal OME-TIFF:
 * one tiled IFD per plane in XYZCT order with OME-XML in the first IFD's ImageDescription, and the lower
 * resolutions of each plane as its SubIFDs (the OME-TIFF pyramid layout Bio-Formats, QuPath and libvips read).
 * BigTIFF is used automatically when the file could exceed 4 GiB, or on request. Uncompressed, little-endian.
 * The file appears atomically (written beside it, then renamed).
 */
public final class OmeTiffExporter {
    private static final long CLASSIC_LIMIT = (1L << 32) - (1L << 26);
    private final int tile;
    private final boolean forceBigTiff;

    private OmeTiffExporter(int tile, boolean forceBigTiff) {
        this.tile = tile;
        this.forceBigTiff = forceBigTiff;
    }

    /** 256 x 256 tiles, BigTIFF only when needed. */
    public static OmeTiffExporter standard() {
        return new OmeTiffExporter(256, false);
    }

    /** A copy that always writes BigTIFF. */
    public OmeTiffExporter bigTiff() {
        return new OmeTiffExporter(tile, true);
    }

    /** Writes {@code source} to {@code file}; returns whether BigTIFF was used. */
    public boolean write(PixelSource source, String name, Path file) {
        long bytes = 0;
        for (int l = 0; l < source.levelCount(); l++) {
            bytes += (long) ceil(source.sizeX(l), tile) * tile * ceil(source.sizeY(l), tile) * tile
                    * source.pixelType().bytesPerPixel();
        }
        bytes *= (long) source.sizeZ() * source.sizeC() * source.sizeT();
        boolean big = forceBigTiff || bytes > CLASSIC_LIMIT;
        Path temp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".part");
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            new Writer(ch, big, source, name).write();
            ch.force(true);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new StorageException("cannot write " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException(e);
        }
        return big;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // reporting the original failure matters more
        }
    }

    private static int ceil(int a, int b) {
        return (a + b - 1) / b;
    }

    /** One IFD's worth of entries and where its tiles went. */
    private record Ifd(int width, int height, boolean reduced, long[] offsets, long[] counts, String description) {
    }

    private final class Writer {
        private final TiffWriter out;
        private final PixelSource src;
        private final String name;

        Writer(FileChannel ch, boolean big, PixelSource src, String name) {
            this.out = new TiffWriter(ch, big);
            this.src = src;
            this.name = name;
        }

        void write() throws IOException {
            List<Ifd> mains = new ArrayList<>();
            List<List<Ifd>> subs = new ArrayList<>();
            int sz = src.sizeZ();
            int sc = src.sizeC();
            int st = src.sizeT();
            for (int t = 0; t < st; t++) {
                for (int c = 0; c < sc; c++) {
                    for (int z = 0; z < sz; z++) {
                        List<Ifd> levels = new ArrayList<>();
                        for (int l = 0; l < src.levelCount(); l++) {
                            levels.add(tiles(l, z, c, t, mains.isEmpty() && l == 0 ? omeXml() : null));
                        }
                        mains.add(levels.get(0));
                        subs.add(levels.subList(1, levels.size()));
                    }
                }
            }
            // sub-IFDs first (their offsets go into the main IFDs), then the chain of main IFDs
            long[][] subOffsets = new long[mains.size()][];
            for (int i = 0; i < mains.size(); i++) {
                subOffsets[i] = new long[subs.get(i).size()];
                for (int k = 0; k < subs.get(i).size(); k++) {
                    subOffsets[i][k] = out.writeIfd(entries(subs.get(i).get(k), null), 0);
                }
            }
            long next = 0;
            for (int i = mains.size() - 1; i >= 0; i--) {
                next = out.writeIfd(entries(mains.get(i), subOffsets[i]), next);
            }
            out.writeHeader(next);
        }

        private Ifd tiles(int level, int z, int c, int t, String description) throws IOException {
            int w = src.sizeX(level);
            int h = src.sizeY(level);
            int bpp = src.pixelType().bytesPerPixel();
            int across = ceil(w, tile);
            int down = ceil(h, tile);
            long[] offsets = new long[across * down];
            long[] counts = new long[across * down];
            ByteBuffer region = ByteBuffer.allocate(tile * tile * bpp).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer block = ByteBuffer.allocate(tile * tile * bpp);
            for (int ty = 0; ty < down; ty++) {
                for (int tx = 0; tx < across; tx++) {
                    int x = tx * tile;
                    int y = ty * tile;
                    int rw = Math.min(tile, w - x);
                    int rh = Math.min(tile, h - y);
                    region.clear();
                    src.readRegion(level, z, c, t, x, y, rw, rh, region);
                    // TIFF tiles are always full size; pad right and bottom with zeros
                    java.util.Arrays.fill(block.array(), (byte) 0);
                    for (int row = 0; row < rh; row++) {
                        System.arraycopy(region.array(), row * rw * bpp, block.array(), row * tile * bpp, rw * bpp);
                    }
                    block.clear();
                    counts[ty * across + tx] = block.capacity();
                    offsets[ty * across + tx] = out.writeBlock(block);
                }
            }
            return new Ifd(w, h, level > 0, offsets, counts, description);
        }

        private List<TiffWriter.Entry> entries(Ifd ifd, long[] subIfds) {
            PixelType type = src.pixelType();
            List<TiffWriter.Entry> e = new ArrayList<>();
            e.add(TiffWriter.Entry.of(TiffTags.NEW_SUBFILE_TYPE, TiffWriter.LONG, ifd.reduced() ? 1 : 0));
            e.add(TiffWriter.Entry.of(TiffTags.IMAGE_WIDTH, TiffWriter.LONG, ifd.width()));
            e.add(TiffWriter.Entry.of(TiffTags.IMAGE_LENGTH, TiffWriter.LONG, ifd.height()));
            e.add(TiffWriter.Entry.of(TiffTags.BITS_PER_SAMPLE, TiffWriter.SHORT, type.bytesPerPixel() * 8L));
            e.add(TiffWriter.Entry.of(TiffTags.COMPRESSION, TiffWriter.SHORT, TiffTags.COMPRESSION_NONE));
            e.add(TiffWriter.Entry.of(TiffTags.PHOTOMETRIC, TiffWriter.SHORT, TiffTags.PHOTOMETRIC_BLACK_IS_ZERO));
            if (ifd.description() != null) {
                e.add(TiffWriter.Entry.ascii(TiffTags.IMAGE_DESCRIPTION, ifd.description()));
            }
            e.add(TiffWriter.Entry.of(TiffTags.SAMPLES_PER_PIXEL, TiffWriter.SHORT, 1));
            e.add(TiffWriter.Entry.of(TiffTags.PLANAR_CONFIGURATION, TiffWriter.SHORT, 1));
            e.add(TiffWriter.Entry.of(TiffTags.TILE_WIDTH, TiffWriter.SHORT, tile));
            e.add(TiffWriter.Entry.of(TiffTags.TILE_LENGTH, TiffWriter.SHORT, tile));
            e.add(TiffWriter.Entry.of(TiffTags.TILE_OFFSETS, out.offsetType(), ifd.offsets()));
            e.add(TiffWriter.Entry.of(TiffTags.TILE_BYTE_COUNTS, out.offsetType(), ifd.counts()));
            if (subIfds != null && subIfds.length > 0) {
                e.add(TiffWriter.Entry.of(TiffTags.SUB_IFDS, out.ifdType(), subIfds));
            }
            int format = type.isFloatingPoint() ? 3 : type.isSigned() ? 2 : 1;
            e.add(TiffWriter.Entry.of(TiffTags.SAMPLE_FORMAT, TiffWriter.SHORT, format));
            return e;
        }

        private String omeXml() {
            String type = src.pixelType().omeroName();
            StringBuilder x = new StringBuilder();
            x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                    .append("<OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\" ")
                    .append("Creator=\"omero-sdk\">")
                    .append("<Image ID=\"Image:0\" Name=\"").append(escape(name)).append("\">")
                    .append(String.format(Locale.ROOT, "<Pixels ID=\"Pixels:0\" DimensionOrder=\"XYZCT\" "
                                    + "Type=\"%s\" SizeX=\"%d\" SizeY=\"%d\" SizeZ=\"%d\" SizeC=\"%d\" SizeT=\"%d\" "
                                    + "BigEndian=\"false\">", type, src.sizeX(0), src.sizeY(0), src.sizeZ(),
                            src.sizeC(), src.sizeT()));
            for (int c = 0; c < src.sizeC(); c++) {
                x.append("<Channel ID=\"Channel:0:").append(c).append("\" SamplesPerPixel=\"1\"/>");
            }
            x.append(String.format(Locale.ROOT, "<TiffData IFD=\"0\" PlaneCount=\"%d\"/>",
                    src.sizeZ() * src.sizeC() * src.sizeT()));
            x.append("</Pixels></Image></OME>");
            return x.toString();
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
