package org.omerosdk.render.codec.zarr;

import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.omerosdk.model.FormatException;

/**
 * Decodes Blosc 1 containers (numcodecs' {@code "blosc"} compressor, the default of zarr-python and bioformats2raw):
 * the 16-byte header, the block offsets, per block one stream or one stream per byte of the type, the inner codec
 * (LZ4 and LZ4HC through aircompressor's LZ4 block decoder, Zstandard through aircompressor, zlib through the JDK)
 * and the byte-shuffle or bit-shuffle filter. Pure Java; BloscLZ and Snappy are refused by name.
 *
 * <p>Every length and offset in the container is checked against the buffer before it is used, and the decoded
 * size against what the caller expects, so a corrupt or hostile chunk fails with a {@link FormatException} and
 * never allocates more than the caller's {@code expected} bytes.
 */
public final class Blosc {
    private static final int HEADER = 16;
    private static final int DOSHUFFLE = 0x1;
    private static final int MEMCPYED = 0x2;
    private static final int DOBITSHUFFLE = 0x4;
    private static final int DONT_SPLIT = 0x10;
    private static final int MAX_SPLITS = 16;
    private static final int MIN_BUFFERSIZE = 128;

    private Blosc() {
    }

    /**
     * Decodes one container holding exactly {@code expected} bytes.
     *
     * @param where names the chunk in error messages (its store key or path)
     * @throws FormatException when the container is corrupt, truncated, uses an unsupported inner codec, or does
     *                         not hold {@code expected} bytes
     */
    public static byte[] decode(byte[] src, int expected, String where) {
        if (src.length < HEADER) {
            throw new FormatException("blosc chunk " + where + " has " + src.length
                    + " bytes, fewer than the 16-byte blosc header");
        }
        int version = src[0] & 0xff;
        int flags = src[2] & 0xff;
        int typesize = src[3] & 0xff;
        long nbytes = u32(src, 4);
        long blocksize = u32(src, 8);
        long cbytes = u32(src, 12);
        if (version < 1 || version > 4) {
            throw new FormatException("blosc chunk " + where + " has the format version " + version
                    + "; blosc 1 containers (versions 1..4) are read");
        }
        if (nbytes != expected) {
            throw new FormatException("blosc chunk " + where + " holds " + nbytes + " bytes; " + expected
                    + " expected from the array's chunk shape and dtype");
        }
        if (cbytes > src.length) {
            throw new FormatException("blosc chunk " + where + " is truncated: its header declares " + cbytes
                    + " bytes, the chunk has " + src.length);
        }
        if (typesize < 1) {
            throw new FormatException("blosc chunk " + where + " declares a type size of 0");
        }
        byte[] out = new byte[expected];
        if (expected == 0) {
            return out;
        }
        if ((flags & MEMCPYED) != 0) {
            if (cbytes < HEADER + nbytes) {
                throw new FormatException("blosc chunk " + where + " is stored uncompressed but has "
                        + (cbytes - HEADER) + " bytes of data; " + nbytes + " expected");
            }
            System.arraycopy(src, HEADER, out, 0, expected);
            return out;
        }
        if (blocksize < 1) {
            throw new FormatException("blosc chunk " + where + " declares the block size 0");
        }
        // blosc never writes a block larger than the buffer; read one as a single block of nbytes
        blocksize = Math.min(blocksize, nbytes);
        int bsize = (int) blocksize;
        int nblocks = (int) ((nbytes + blocksize - 1) / blocksize);
        int leftover = (int) (nbytes % blocksize);
        if (HEADER + 4L * nblocks > cbytes) {
            throw new FormatException("blosc chunk " + where + " is truncated: " + nblocks
                    + " block offsets do not fit in " + cbytes + " bytes");
        }
        int compformat = (flags & 0xe0) >> 5;
        boolean shuffle = (flags & DOSHUFFLE) != 0 && typesize > 1;
        boolean bitshuffle = !shuffle && (flags & DOBITSHUFFLE) != 0;
        boolean dontSplit = (flags & DONT_SPLIT) != 0;
        byte[] tmp = shuffle || bitshuffle ? new byte[bsize] : null;
        byte[] tmp2 = bitshuffle ? new byte[bsize] : null;
        Inner inner = Inner.of(compformat, where);
        for (int j = 0; j < nblocks; j++) {
            boolean last = j == nblocks - 1 && leftover > 0;
            int size = last ? leftover : bsize;
            int outOff = j * bsize;
            long start = u32(src, HEADER + 4 * j);
            if (start < HEADER + 4L * nblocks || start >= cbytes) {
                throw new FormatException("blosc chunk " + where + ": block " + j + " starts at " + start
                        + ", outside the " + cbytes + "-byte container");
            }
            byte[] target = tmp != null ? tmp : out;
            int targetOff = tmp != null ? 0 : outOff;
            int nsplits = !dontSplit && typesize <= MAX_SPLITS && size / typesize >= MIN_BUFFERSIZE && !last
                    ? typesize : 1;
            int neblock = size / nsplits;
            long pos = start;
            for (int s = 0; s < nsplits; s++) {
                if (pos + 4 > cbytes) {
                    throw new FormatException("blosc chunk " + where + " is truncated in block " + j);
                }
                long len = u32(src, (int) pos);
                pos += 4;
                if (len > cbytes - pos) {
                    throw new FormatException("blosc chunk " + where + ": block " + j + " stream " + s
                            + " declares " + len + " bytes past the end of the container");
                }
                int dst = targetOff + s * neblock;
                if (len == neblock) {
                    System.arraycopy(src, (int) pos, target, dst, neblock);
                } else {
                    int n = inner.decode(src, (int) pos, (int) len, target, dst, neblock, where);
                    if (n != neblock) {
                        throw new FormatException("blosc chunk " + where + ": block " + j + " decodes to " + n
                                + " bytes; " + neblock + " expected");
                    }
                }
                pos += len;
            }
            if (shuffle) {
                unshuffle(typesize, size, tmp, out, outOff);
            } else if (bitshuffle) {
                bitunshuffle(typesize, size, tmp, out, outOff, tmp2, version);
            }
        }
        return out;
    }

    /** Reverses the byte shuffle: byte k of every element was stored together, for k in 0..typesize-1. */
    static void unshuffle(int typesize, int size, byte[] src, byte[] dst, int dstOff) {
        int n = size / typesize;
        for (int k = 0; k < typesize; k++) {
            int from = k * n;
            for (int i = 0; i < n; i++) {
                dst[dstOff + i * typesize + k] = src[from + i];
            }
        }
        int done = n * typesize;
        System.arraycopy(src, done, dst, dstOff + done, size - done);
    }

    /**
     * Reverses the bit shuffle (bitshuffle's bit transpose of elements): bit b of every element was stored as one
     * bit row, eight elements per byte, least significant bit first. Only whole groups of eight elements are
     * transposed; the rest is stored as is (format version 2 transposes nothing unless all elements are grouped).
     */
    static void bitunshuffle(int typesize, int size, byte[] src, byte[] dst, int dstOff, byte[] scratch,
                             int version) {
        int elements = size / typesize;
        if (version == 2 && elements % 8 != 0) {
            System.arraycopy(src, 0, dst, dstOff, size);
            return;
        }
        elements -= elements % 8;
        int rowBytes = elements / 8;
        int bits = 8 * typesize;
        java.util.Arrays.fill(scratch, 0, elements * typesize, (byte) 0);
        for (int b = 0; b < bits; b++) {
            int row = b * rowBytes;
            int byteInElem = b >> 3;
            int bit = b & 7;
            for (int g = 0; g < rowBytes; g++) {
                int v = src[row + g] & 0xff;
                if (v == 0) {
                    continue;
                }
                int base = (g * 8) * typesize + byteInElem;
                for (int e = 0; e < 8; e++) {
                    if ((v & (1 << e)) != 0) {
                        scratch[base + e * typesize] |= (byte) (1 << bit);
                    }
                }
            }
        }
        int done = elements * typesize;
        System.arraycopy(scratch, 0, dst, dstOff, done);
        System.arraycopy(src, done, dst, dstOff + done, size - done);
    }

    private static long u32(byte[] b, int off) {
        return (b[off] & 0xffL) | (b[off + 1] & 0xffL) << 8 | (b[off + 2] & 0xffL) << 16 | (b[off + 3] & 0xffL) << 24;
    }

    /** The inner codec of a blosc container, by the format code in the header's top three flag bits. */
    private enum Inner {
        LZ4, ZLIB, ZSTD;

        static Inner of(int code, String where) {
            switch (code) {
                case 1: return LZ4;
                case 3: return ZLIB;
                case 4: return ZSTD;
                case 0: throw new FormatException("blosc chunk " + where
                        + " uses BloscLZ inside; supported inner codecs: lz4, lz4hc, zstd, zlib");
                case 2: throw new FormatException("blosc chunk " + where
                        + " uses Snappy inside; supported inner codecs: lz4, lz4hc, zstd, zlib");
                default: throw new FormatException("blosc chunk " + where + " names the unknown inner codec "
                        + code);
            }
        }

        int decode(byte[] src, int off, int len, byte[] dst, int dstOff, int expected, String where) {
            try {
                switch (this) {
                    case LZ4:
                        return new Lz4Decompressor().decompress(src, off, len, dst, dstOff, expected);
                    case ZSTD:
                        return new ZstdDecompressor().decompress(src, off, len, dst, dstOff, expected);
                    default: {
                        Inflater inf = new Inflater();
                        try {
                            inf.setInput(src, off, len);
                            int n = 0;
                            while (n < expected && !inf.finished()) {
                                int k = inf.inflate(dst, dstOff + n, expected - n);
                                if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                                    break;
                                }
                                n += k;
                            }
                            return n;
                        } finally {
                            inf.end();
                        }
                    }
                }
            } catch (DataFormatException | RuntimeException e) {
                throw new FormatException("blosc chunk " + where + " is corrupt (" + name().toLowerCase(
                        java.util.Locale.ROOT) + " stream): " + e.getMessage(), e);
            }
        }
    }
}
