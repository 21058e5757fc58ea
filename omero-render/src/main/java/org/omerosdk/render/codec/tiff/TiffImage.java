package org.omerosdk.render.codec.tiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.omerosdk.model.FormatException;
import org.omerosdk.model.PixelType;

/**
 * The pixels of one IFD: strips or tiles, chunky or planar, decompressed (none, LZW, Deflate, PackBits, JPEG) with
 * the predictor undone, read by region for one sample at a time. Only the strips or tiles a region touches are
 * read and decoded; nothing is cached but the decoded blocks of chunky multi-sample images (see {@link BlockCache}),
 * so memory stays at one block per thread. Safe for concurrent reads.
 *
 * <p>Construction checks the structure (sizes, offsets, counts) but not the compression: an IFD whose compression
 * cannot be decoded opens, and its reads throw a {@link FormatException} that names the compression.
 */
public final class TiffImage {
    /** Largest decoded strip or tile accepted (a guard against absurd tile sizes in damaged headers). */
    static final long MAX_BLOCK_BYTES = 1L << 30;

    private final TiffFile file;
    private final Ifd ifd;
    private final String where;
    private final int width;
    private final int height;
    private final int spp;
    private final int bits;
    private final int sampleFormat;
    private final int compression;
    private final int predictor;
    private final int photometric;
    private final boolean planar;
    private final boolean tiled;
    private final int blockW;
    private final int blockH;
    private final int across;
    private final int down;
    private final long[] offsets;
    private final long[] counts;
    private final byte[] jpegTables;
    private final int fillOrder;
    private final PixelType type;
    /** This image's key in {@link BlockCache}. */
    private final long id = BlockCache.nextId();

    private TiffImage(TiffFile file, Ifd ifd) {
        this.file = file;
        this.ifd = ifd;
        this.where = ifd.where();
        width = ifd.intValue(TiffTags.IMAGE_WIDTH, 0);
        height = ifd.intValue(TiffTags.IMAGE_LENGTH, 0);
        if (width < 1 || height < 1) {
            throw new FormatException(where + " has the impossible size " + width + "x" + height);
        }
        spp = ifd.intValue(TiffTags.SAMPLES_PER_PIXEL, 1);
        if (spp < 1 || spp > 64) {
            throw new FormatException(where + " has SamplesPerPixel " + spp + "; 1..64 accepted");
        }
        long[] bps = ifd.longs(TiffTags.BITS_PER_SAMPLE);
        bits = bps.length == 0 ? 1 : (int) bps[0];
        for (long b : bps) {
            if (b != bits) {
                throw new FormatException(where + " has samples of different sizes (BitsPerSample "
                        + java.util.Arrays.toString(bps) + "); only equal sizes are read");
            }
        }
        sampleFormat = ifd.intValue(TiffTags.SAMPLE_FORMAT, 1);
        compression = ifd.intValue(TiffTags.COMPRESSION, TiffTags.COMPRESSION_NONE);
        predictor = ifd.intValue(TiffTags.PREDICTOR, 1);
        photometric = ifd.intValue(TiffTags.PHOTOMETRIC, spp >= 3 ? TiffTags.PHOTOMETRIC_RGB
                : TiffTags.PHOTOMETRIC_BLACK_IS_ZERO);
        planar = spp > 1 && ifd.intValue(TiffTags.PLANAR_CONFIGURATION, 1) == 2;
        fillOrder = ifd.intValue(TiffTags.FILL_ORDER, 1);
        tiled = ifd.has(TiffTags.TILE_WIDTH) || ifd.has(TiffTags.TILE_OFFSETS);
        if (tiled) {
            blockW = ifd.intValue(TiffTags.TILE_WIDTH, 0);
            blockH = ifd.intValue(TiffTags.TILE_LENGTH, 0);
            offsets = ifd.longs(TiffTags.TILE_OFFSETS);
            counts = ifd.longs(TiffTags.TILE_BYTE_COUNTS);
        } else {
            long rps = ifd.longValue(TiffTags.ROWS_PER_STRIP, height);
            blockW = width;
            blockH = (int) Math.max(1, Math.min(rps <= 0 ? height : rps, height));
            offsets = ifd.longs(TiffTags.STRIP_OFFSETS);
            counts = ifd.longs(TiffTags.STRIP_BYTE_COUNTS);
        }
        if (blockW < 1 || blockH < 1 || blockW > 1 << 20 || blockH > 1 << 20) {
            throw new FormatException(where + " has the impossible tile size " + blockW + "x" + blockH);
        }
        if (blockBytes(blockH) > MAX_BLOCK_BYTES) {
            throw new FormatException(where + ": one " + (tiled ? "tile" : "strip") + " of " + blockW + "x" + blockH
                    + " would take " + blockBytes(blockH) + " bytes decoded; at most " + MAX_BLOCK_BYTES
                    + " are accepted");
        }
        across = (int) ((width + (long) blockW - 1) / blockW);
        down = (int) ((height + (long) blockH - 1) / blockH);
        long blocks = (long) across * down * (planar ? spp : 1);
        if (offsets.length < blocks) {
            throw new FormatException(where + " has " + offsets.length + " " + (tiled ? "tile" : "strip")
                    + " offsets; " + blocks + " are needed for " + width + "x" + height + " in blocks of " + blockW
                    + "x" + blockH);
        }
        if (counts.length < blocks && compression != TiffTags.COMPRESSION_NONE) {
            throw new FormatException(where + " has " + counts.length + " byte counts; " + blocks + " needed");
        }
        jpegTables = ifd.bytes(TiffTags.JPEG_TABLES).orElse(null);
        type = pixelType(bits, sampleFormat);
    }

    /** Opens the pixels of {@code ifd} of {@code file}. */
    public static TiffImage of(TiffFile file, Ifd ifd) {
        return new TiffImage(file, ifd);
    }

    private static PixelType pixelType(int bits, int format) {
        switch (bits) {
            case 1: return PixelType.BIT;
            case 8: return format == 2 ? PixelType.INT8 : PixelType.UINT8;
            case 16: return format == 2 ? PixelType.INT16 : format == 3 ? null : PixelType.UINT16;
            case 32: return format == 3 ? PixelType.FLOAT : format == 2 ? PixelType.INT32 : PixelType.UINT32;
            case 64: return format == 3 ? PixelType.DOUBLE : null;
            default: return null;
        }
    }

    private long blockBytes(int rows) {
        long rowBytes = planar ? ((long) blockW * bits + 7) / 8 : ((long) blockW * spp * bits + 7) / 8;
        return rowBytes * rows;
    }

    public Ifd ifd() {
        return ifd;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int samplesPerPixel() {
        return spp;
    }

    public int bitsPerSample() {
        return bits;
    }

    public int compression() {
        return compression;
    }

    public int photometric() {
        return photometric;
    }

    public boolean isPlanar() {
        return planar;
    }

    public boolean isTiled() {
        return tiled;
    }

    /** The strip or tile width. */
    public int blockWidth() {
        return blockW;
    }

    /** The strip height (rows per strip) or tile height. */
    public int blockHeight() {
        return blockH;
    }

    /**
     * The pixel type of one sample, or empty when TIFF's sample layout has no OMERO type (12-bit, half float,
     * 64-bit integers).
     */
    public Optional<PixelType> pixelType() {
        return Optional.ofNullable(type);
    }

    /** The palette as packed {@code 0xRRGGBB} (8 bits per component), when the image is palette-colour. */
    public Optional<int[]> colorMap() {
        long[] map = ifd.longs(TiffTags.COLOR_MAP);
        if (photometric != TiffTags.PHOTOMETRIC_PALETTE || map.length == 0 || map.length % 3 != 0) {
            return Optional.empty();
        }
        int n = map.length / 3;
        int[] rgb = new int[n];
        for (int i = 0; i < n; i++) {
            rgb[i] = (int) ((map[i] >> 8) << 16 | (map[n + i] >> 8) << 8 | (map[2 * n + i] >> 8));
        }
        return Optional.of(rgb);
    }

    private PixelType requireType() {
        if (compression == TiffTags.COMPRESSION_OJPEG) {
            throw new FormatException(where + " uses old-style JPEG (compression 6), which is not decoded; "
                    + "rewrite the file with new-style JPEG (7) or a lossless compression");
        }
        if (type == null) {
            if (compression == TiffTags.COMPRESSION_JPEG) {
                // let the JPEG check name the real reason (a 12-bit JPEG has 12 or 16 bits per sample)
                decodeBlock(0, 0);
            }
            throw new FormatException(where + " has " + bits + "-bit samples (SampleFormat " + sampleFormat
                    + "); supported: 1, 8, 16, 32-bit integers, 32 and 64-bit floats");
        }
        return type;
    }

    /**
     * Reads the rectangle (x, y, w, h) of sample {@code sample} into {@code dst} at its position, in dst's byte
     * order, and advances the position by {@code w * h * bytesPerPixel}. The caller has checked the bounds.
     *
     * <p>A block whose rows lie contiguous in a heap {@code dst} (a full-width strip, a tile as wide as the region,
     * in the file's byte order) is decoded straight into it, predictor undone in place; other blocks go through a
     * per-thread scratch array, and the blocks of chunky multi-sample images (RGB) through {@link BlockCache}, so
     * that reading the samples of one region one after the other decodes each block once.
     */
    public void read(int sample, int x, int y, int w, int h, ByteBuffer dst) {
        PixelType t = requireType();
        if (sample < 0 || sample >= spp) {
            throw new IllegalArgumentException("sample " + sample + " of " + spp);
        }
        int outBps = t.bytesPerPixel();
        int start = dst.position();
        boolean swap = outBps > 1 && dst.order() != file.order();
        byte[] arr = dst.hasArray() ? dst.array() : null;
        int arrBase = arr == null ? 0 : dst.arrayOffset() + start;
        byte[] row = arr == null ? new byte[w * outBps] : null;
        boolean single = planar || spp == 1;
        int ty0 = y / blockH;
        int ty1 = (y + h - 1) / blockH;
        int tx0 = x / blockW;
        int tx1 = (x + w - 1) / blockW;
        for (int ty = ty0; ty <= ty1; ty++) {
            for (int tx = tx0; tx <= tx1; tx++) {
                int blockIndex = (planar ? sample * across * down : 0) + ty * across + tx;
                int bx0 = tx * blockW;
                int by0 = ty * blockH;
                int cx0 = Math.max(x, bx0);
                int cx1 = Math.min(x + w, Math.min(bx0 + blockW, width));
                int cy0 = Math.max(y, by0);
                int cy1 = Math.min(y + h, Math.min(by0 + blockH, height));
                int decodedRows = tiled ? blockH : Math.min(blockH, height - by0);
                if (arr != null && single && !swap && bits >= 8 && x == bx0 && w == blockW && cy0 == by0
                        && cy1 == by0 + decodedRows) {
                    decodeInto(blockIndex, ty, arr, arrBase + (cy0 - y) * w * outBps);
                    continue;
                }
                byte[] block;
                if (single) {
                    Scratch s = SCRATCH.get();
                    block = s.block((int) blockBytes(decodedRows));
                    decodeInto(blockIndex, ty, block, 0);
                } else {
                    block = BlockCache.SHARED.get(id, blockIndex);
                    if (block == null) {
                        block = decodeBlock(blockIndex, ty);
                        BlockCache.SHARED.put(id, blockIndex, block);
                    }
                }
                int n = cx1 - cx0;
                for (int yy = cy0; yy < cy1; yy++) {
                    int dstOff = ((yy - y) * w + (cx0 - x)) * outBps;
                    byte[] target = arr != null ? arr : row;
                    int tOff = arr != null ? arrBase + dstOff : 0;
                    copyRow(block, yy - by0, cx0 - bx0, n, sample, outBps, swap, target, tOff);
                    if (arr == null) {
                        dst.put(start + dstOff, row, 0, n * outBps);
                    }
                }
            }
        }
        dst.position(start + w * h * outBps);
    }

    /** Copies {@code n} pixels of one sample from row {@code r}, column {@code c} of a decoded block. */
    private void copyRow(byte[] block, int r, int c, int n, int sample, int bps, boolean swap, byte[] out, int o) {
        if (bits == 1) {
            int rowBytes = (blockW * (planar ? 1 : spp) + 7) / 8;
            int base = r * rowBytes;
            int stride = planar ? 1 : spp;
            for (int i = 0; i < n; i++) {
                int bit = (c + i) * stride + (planar ? 0 : sample);
                int v = block[base + (bit >> 3)];
                out[o + i] = (byte) (fillOrder == 2 ? (v >> (bit & 7)) & 1 : (v >> (7 - (bit & 7))) & 1);
            }
            return;
        }
        int pixelStride = (planar ? 1 : spp) * bps;
        int src = (r * blockW + c) * pixelStride + (planar ? 0 : sample * bps);
        if (pixelStride == bps && !swap) {
            System.arraycopy(block, src, out, o, n * bps);
            return;
        }
        if (bps == 1) {
            for (int i = 0; i < n; i++) {
                out[o + i] = block[src + i * pixelStride];
            }
        } else if (!swap) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(block, src + i * pixelStride, out, o + i * bps, bps);
            }
        } else if (bps == 2) {
            // swap pairs: a simple strided loop C2 keeps tight
            for (int i = 0; i < n; i++) {
                int s = src + i * pixelStride;
                out[o + 2 * i] = block[s + 1];
                out[o + 2 * i + 1] = block[s];
            }
        } else {
            for (int i = 0; i < n; i++) {
                int s = src + i * pixelStride;
                int d = o + i * bps;
                for (int k = 0; k < bps; k++) {
                    out[d + k] = block[s + bps - 1 - k];
                }
            }
        }
    }

    /** The decoded bytes of block {@code index} (row {@code blockRow} of blocks), in the file's byte order. */
    public byte[] decodeBlock(int index, int blockRow) {
        int rows = tiled ? blockH : Math.min(blockH, height - blockRow * blockH);
        int expected = (int) blockBytes(rows);
        if (compression == TiffTags.COMPRESSION_JPEG && counts.length > index && counts[index] > 0
                && offsets[index] >= 0 && offsets[index] < file.source().length()) {
            // the decoder's array is already a fresh block: no copy
            String what = where + " " + (tiled ? "tile " : "strip ") + index;
            return jpeg(compressed(offsets[index], counts[index], what, null), rows, expected, what);
        }
        byte[] out = new byte[expected];
        decodeInto(index, blockRow, out, 0);
        return out;
    }

    /**
     * Decodes block {@code index} (row {@code blockRow} of blocks) into {@code out[outOff..)}, which has room for
     * the whole decoded block, in the file's byte order.
     */
    private void decodeInto(int index, int blockRow, byte[] out, int outOff) {
        int rows = tiled ? blockH : Math.min(blockH, height - blockRow * blockH);
        int expected = (int) blockBytes(rows);
        long offset = offsets[index];
        long count = index < counts.length ? counts[index] : expected;
        if (count == 0) {
            java.util.Arrays.fill(out, outOff, outOff + expected, (byte) 0);   // sparse: a block never written
            return;
        }
        String what = where + " " + (tiled ? "tile " : "strip ") + index;
        long fileLength = file.source().length();
        if (offset < 0 || offset >= fileLength) {
            throw new FormatException(what + " starts at offset " + offset + ", past the end of the file ("
                    + fileLength + " bytes)");
        }
        int samples = planar ? 1 : spp;
        switch (compression) {
            case TiffTags.COMPRESSION_NONE: {
                if (offset + expected > fileLength) {
                    throw new FormatException(what + " needs " + expected + " bytes at offset " + offset
                            + " but the file ends at " + fileLength + ": the file is truncated");
                }
                file.source().readFully(offset, out, outOff, expected);
                return;
            }
            case TiffTags.COMPRESSION_LZW: {
                Scratch s = SCRATCH.get();
                byte[] in = compressed(offset, count, what, s);
                check(Lzw.decode(in, (int) count, out, outOff, expected, s.lzwOff, s.lzwLen, what), expected, what);
                Predictors.undo(predictor, out, outOff, rows, blockW, samples, bits / 8, file.order(), what);
                return;
            }
            case TiffTags.COMPRESSION_ADOBE_DEFLATE:
            case TiffTags.COMPRESSION_DEFLATE: {
                Scratch s = SCRATCH.get();
                inflate(compressed(offset, count, what, s), (int) count, out, outOff, expected, what, s.inflater);
                Predictors.undo(predictor, out, outOff, rows, blockW, samples, bits / 8, file.order(), what);
                return;
            }
            case TiffTags.COMPRESSION_PACKBITS: {
                Scratch s = SCRATCH.get();
                byte[] in = compressed(offset, count, what, s);
                check(PackBits.decode(in, (int) count, out, outOff, expected), expected, what);
                Predictors.undo(predictor, out, outOff, rows, blockW, samples, bits / 8, file.order(), what);
                return;
            }
            case TiffTags.COMPRESSION_JPEG: {
                byte[] px = jpeg(compressed(offset, count, what, null), rows, expected, what);
                System.arraycopy(px, 0, out, outOff, expected);
                return;
            }
            case TiffTags.COMPRESSION_OJPEG:
                throw new FormatException(what + " uses old-style JPEG (compression 6), which is not decoded; "
                        + "rewrite the file with new-style JPEG (7) or a lossless compression");
            default:
                throw new FormatException(what + " uses " + TiffTags.compressionName(compression)
                        + " (compression " + compression + "); supported: none, LZW, Deflate, PackBits, JPEG");
        }
    }

    /**
     * The {@code count} compressed bytes at {@code offset}: in the scratch's input array when {@code s} is given
     * (valid until the thread's next read), else in a new array of exactly that length.
     */
    private byte[] compressed(long offset, long count, String what, Scratch s) {
        long fileLength = file.source().length();
        if (count < 0 || offset + count > fileLength) {
            throw new FormatException(what + " claims " + count + " bytes at offset " + offset
                    + " but the file ends at " + fileLength + ": the file is truncated");
        }
        if (count > MAX_BLOCK_BYTES) {
            throw new FormatException(what + " claims " + count + " compressed bytes; at most " + MAX_BLOCK_BYTES);
        }
        if (s == null) {
            return file.source().read(offset, count);
        }
        byte[] in = s.input((int) count);
        file.source().readFully(offset, in, 0, (int) count);
        return in;
    }

    private static void check(int n, int expected, String what) {
        if (n < expected) {
            throw new FormatException(what + " decodes to " + n + " bytes; " + expected
                    + " expected: the data is truncated or corrupt");
        }
    }

    /**
     * What one thread reuses from block to block: the compressed input, a decoded block, LZW's code tables and
     * an {@link Inflater}, so that decoding a strip or tile allocates nothing once the arrays have grown.
     */
    private static final class Scratch {
        final int[] lzwOff = new int[4096];
        final int[] lzwLen = new int[4096];
        final Inflater inflater = new Inflater();
        private byte[] input = new byte[0];
        private byte[] block = new byte[0];

        byte[] input(int n) {
            if (input.length < n) {
                input = new byte[Math.max(n, input.length + input.length / 2)];
            }
            return input;
        }

        byte[] block(int n) {
            if (block.length < n) {
                block = new byte[n];
            }
            return block;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static void inflate(byte[] in, int inLen, byte[] out, int outOff, int expected, String what,
                                Inflater inf) {
        inf.reset();
        inf.setInput(in, 0, inLen);
        int n = 0;
        try {
            while (n < expected) {
                int k = inf.inflate(out, outOff + n, expected - n);
                if (k == 0) {
                    if (inf.finished() || inf.needsInput() || inf.needsDictionary()) {
                        break;
                    }
                }
                n += k;
            }
        } catch (DataFormatException e) {
            throw new FormatException(what + ": corrupt Deflate data (" + e.getMessage() + ")", e);
        }
        check(n, expected, what);
    }

    private byte[] jpeg(byte[] data, int rows, int expected, String what) {
        if (bits != 8) {
            JpegCodec.checkSupported(JpegCodec.splice(jpegTables, data), what);
            throw new FormatException(what + " holds JPEG with " + bits + " bits per sample; only 8 are decoded");
        }
        JpegCodec.Decoded d = JpegCodec.decode(JpegCodec.splice(jpegTables, data), what);
        int bands = planar ? 1 : spp;
        if (d.bands() != bands) {
            throw new FormatException(what + ": the JPEG data has " + d.bands() + " components; the IFD says "
                    + bands);
        }
        if (d.width() < Math.min(blockW, width) || d.height() < Math.min(rows, height)) {
            throw new FormatException(what + ": the JPEG data is " + d.width() + "x" + d.height()
                    + "; the block is " + blockW + "x" + rows);
        }
        if (photometric == TiffTags.PHOTOMETRIC_YCBCR && bands == 3) {
            JpegCodec.ycbcrToRgb(d.pixels(), d.width() * d.height());
        }
        if (d.width() == blockW && d.height() >= rows) {
            return d.pixels().length == expected ? d.pixels() : java.util.Arrays.copyOf(d.pixels(), expected);
        }
        byte[] out = new byte[expected];
        int rowBytes = blockW * bands;
        int copy = Math.min(d.width(), blockW) * bands;
        for (int r = 0; r < Math.min(rows, d.height()); r++) {
            System.arraycopy(d.pixels(), r * d.width() * bands, out, r * rowBytes, copy);
        }
        return out;
    }

    /** The byte order of multi-byte samples in the file. */
    public ByteOrder order() {
        return file.order();
    }
}
