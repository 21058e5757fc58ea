package org.omerosdk.render.pyramid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
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
        private final FileChannel ch;
        private final boolean big;
        private final PixelSource src;
        private final String name;
        private long position;

        Writer(FileChannel ch, boolean big, PixelSource src, String name) {
            this.ch = ch;
            this.big = big;
            this.src = src;
            this.name = name;
        }

        void write() throws IOException {
            position = big ? 16 : 8;
            ch.position(position);
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
                    subOffsets[i][k] = writeIfd(subs.get(i).get(k), null, 0);
                }
            }
            long[] mainOffsets = new long[mains.size()];
            long next = 0;
            for (int i = mains.size() - 1; i >= 0; i--) {
                mainOffsets[i] = writeIfd(mains.get(i), subOffsets[i], next);
                next = mainOffsets[i];
            }
            ByteBuffer header = ByteBuffer.allocate(big ? 16 : 8).order(ByteOrder.LITTLE_ENDIAN);
            header.put((byte) 'I').put((byte) 'I');
            if (big) {
                header.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(mainOffsets[0]);
            } else {
                header.putShort((short) 42).putInt((int) mainOffsets[0]);
            }
            header.flip();
            ch.write(header, 0);
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
            ByteBuffer out = ByteBuffer.allocate(tile * tile * bpp);
            for (int ty = 0; ty < down; ty++) {
                for (int tx = 0; tx < across; tx++) {
                    int x = tx * tile;
                    int y = ty * tile;
                    int rw = Math.min(tile, w - x);
                    int rh = Math.min(tile, h - y);
                    region.clear();
                    src.readRegion(level, z, c, t, x, y, rw, rh, region);
                    // TIFF tiles are always full size; pad right and bottom with zeros
                    java.util.Arrays.fill(out.array(), (byte) 0);
                    for (int row = 0; row < rh; row++) {
                        System.arraycopy(region.array(), row * rw * bpp, out.array(), row * tile * bpp, rw * bpp);
                    }
                    out.clear();
                    offsets[ty * across + tx] = position;
                    counts[ty * across + tx] = out.capacity();
                    while (out.hasRemaining()) {
                        position += ch.write(out, position);
                    }
                }
            }
            return new Ifd(w, h, level > 0, offsets, counts, description);
        }

        private long writeIfd(Ifd ifd, long[] subIfds, long next) throws IOException {
            PixelType type = src.pixelType();
            List<long[]> entries = new ArrayList<>(); // tag, type, count, value-or-offset
            List<byte[]> extra = new ArrayList<>();
            int shortT = 3;
            int longT = 4;
            int long8T = 16;
            int offT = big ? long8T : longT;
            // values that do not fit the entry go after the entries; the offsets are filled in below
            entries.add(new long[] {254, longT, 1, ifd.reduced() ? 1 : 0});
            entries.add(new long[] {256, longT, 1, ifd.width()});
            entries.add(new long[] {257, longT, 1, ifd.height()});
            entries.add(new long[] {258, shortT, 1, type.bytesPerPixel() * 8L});
            entries.add(new long[] {259, shortT, 1, 1});
            entries.add(new long[] {262, shortT, 1, 1});
            if (ifd.description() != null) {
                byte[] text = (ifd.description() + "\0").getBytes(StandardCharsets.UTF_8);
                entries.add(new long[] {270, 2, text.length, -1 - extra.size()});
                extra.add(text);
            }
            entries.add(new long[] {277, shortT, 1, 1});
            entries.add(new long[] {284, shortT, 1, 1});
            entries.add(new long[] {322, shortT, 1, tile});
            entries.add(new long[] {323, shortT, 1, tile});
            entries.add(array(324, offT, ifd.offsets(), extra));
            entries.add(array(325, offT, ifd.counts(), extra));
            if (subIfds != null && subIfds.length > 0) {
                entries.add(array(330, big ? 18 : 13, subIfds, extra));
            }
            int format = type.isFloatingPoint() ? 3 : type.isSigned() ? 2 : 1;
            entries.add(new long[] {339, shortT, 1, format});
            int entrySize = big ? 20 : 12;
            long ifdStart = position + (position & 1);
            long afterEntries = ifdStart + (big ? 8 : 2) + (long) entries.size() * entrySize + (big ? 8 : 4);
            long[] extraOffsets = new long[extra.size()];
            long cursor = afterEntries;
            for (int i = 0; i < extra.size(); i++) {
                extraOffsets[i] = cursor;
                cursor += extra.get(i).length + (extra.get(i).length & 1);
            }
            ByteBuffer b = ByteBuffer.allocate((int) (cursor - ifdStart)).order(ByteOrder.LITTLE_ENDIAN);
            if (big) {
                b.putLong(entries.size());
            } else {
                b.putShort((short) entries.size());
            }
            for (long[] e : entries) {
                b.putShort((short) e[0]).putShort((short) e[1]);
                long value = e[3] < 0 ? extraOffsets[(int) (-1 - e[3])] : e[3];
                if (big) {
                    b.putLong(e[2]);
                    if (e[3] >= 0 && (e[1] == shortT)) {
                        b.putShort((short) value).putShort((short) 0).putInt(0);
                    } else {
                        b.putLong(value);
                    }
                } else {
                    b.putInt((int) e[2]);
                    if (e[3] >= 0 && e[1] == shortT) {
                        b.putShort((short) value).putShort((short) 0);
                    } else {
                        b.putInt((int) value);
                    }
                }
            }
            if (big) {
                b.putLong(next);
            } else {
                b.putInt((int) next);
            }
            for (byte[] x : extra) {
                b.put(x);
                if ((x.length & 1) == 1) {
                    b.put((byte) 0);
                }
            }
            b.flip();
            long at = ifdStart;
            while (b.hasRemaining()) {
                at += ch.write(b, at);
            }
            position = at;
            return ifdStart;
        }

        /** An entry of {@code values}; stored inline when one fits, else after the entries. */
        private long[] array(int tag, int type, long[] values, List<byte[]> extra) {
            boolean eight = type == 16 || type == 18;
            int width = eight ? 8 : 4;
            if (values.length * width <= (big ? 8 : 4)) {
                return new long[] {tag, type, values.length, values.length == 0 ? 0 : values[0]};
            }
            ByteBuffer b = ByteBuffer.allocate(values.length * width).order(ByteOrder.LITTLE_ENDIAN);
            for (long v : values) {
                if (eight) {
                    b.putLong(v);
                } else {
                    b.putInt((int) v);
                }
            }
            extra.add(b.array());
            return new long[] {tag, type, values.length, -extra.size()};
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
