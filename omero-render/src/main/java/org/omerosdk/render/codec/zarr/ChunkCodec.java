package org.omerosdk.render.codec.zarr;

import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.CRC32C;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.omerosdk.model.FormatException;

/**
 * One bytes-to-bytes stage of a Zarr chunk's decoding: a Zarr v2 {@code compressor} or a Zarr v3 bytes-to-bytes
 * codec. Each decoder is told how many bytes the chunk must hold and never produces (or allocates) more: a stream
 * that decodes to more or fewer bytes, or that is corrupt, is a {@link FormatException} naming the chunk.
 */
public enum ChunkCodec {
    /** zlib stream (numcodecs {@code "zlib"}). */
    ZLIB("zlib"),
    /** gzip member(s) (numcodecs and Zarr v3 {@code "gzip"}). */
    GZIP("gzip"),
    /** Zstandard frame(s), pure Java (aircompressor). */
    ZSTD("zstd"),
    /** A Blosc 1 container ({@link Blosc}). */
    BLOSC("blosc"),
    /** Zarr v3 {@code crc32c}: the data followed by its little-endian CRC-32C, checked and removed. */
    CRC32C("crc32c");

    private final String zarrName;

    ChunkCodec(String zarrName) {
        this.zarrName = zarrName;
    }

    /** The codec's name in Zarr metadata. */
    public String zarrName() {
        return zarrName;
    }

    /** The codec a Zarr name denotes, or empty. */
    static java.util.Optional<ChunkCodec> named(String name) {
        for (ChunkCodec c : values()) {
            if (c.zarrName.equals(name)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Decodes {@code data} into exactly {@code expected} bytes (for {@link #CRC32C}: checks and strips the checksum;
     * {@code expected} is then the size after the later stages, not checked here).
     */
    public byte[] decode(byte[] data, int expected, String where) {
        try {
            switch (this) {
                case ZLIB: return inflate(data, expected, where);
                case GZIP: return gunzip(data, expected, where);
                case ZSTD: return unzstd(data, expected, where);
                case BLOSC: return Blosc.decode(data, expected, where);
                default: return crc32c(data, where);
            }
        } catch (FormatException e) {
            throw e;
        } catch (DataFormatException | IOException | RuntimeException e) {
            throw new FormatException("chunk " + where + " is corrupt (" + zarrName + "): " + e.getMessage(), e);
        }
    }

    private static byte[] inflate(byte[] data, int expected, String where) throws DataFormatException {
        Inflater inf = new Inflater();
        try {
            inf.setInput(data);
            byte[] out = new byte[expected];
            int n = 0;
            while (n < expected && !inf.finished()) {
                int k = inf.inflate(out, n, expected - n);
                if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                n += k;
            }
            if (n == expected && !inf.finished()) {
                // more output is waiting: the stream holds more than the chunk can
                byte[] one = new byte[1];
                if (inf.inflate(one) > 0) {
                    throw new FormatException("chunk " + where + " decodes to more than the " + expected
                            + " bytes its shape and dtype allow (zlib)");
                }
            }
            sizeCheck(n, expected, where, "zlib");
            return out;
        } finally {
            inf.end();
        }
    }

    private static byte[] gunzip(byte[] data, int expected, String where) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data), 8192)) {
            byte[] out = new byte[expected];
            int n = in.readNBytes(out, 0, expected);
            if (n == expected && in.read() >= 0) {
                throw new FormatException("chunk " + where + " decodes to more than the " + expected
                        + " bytes its shape and dtype allow (gzip)");
            }
            sizeCheck(n, expected, where, "gzip");
            return out;
        }
    }

    private static byte[] unzstd(byte[] data, int expected, String where) {
        byte[] out = new byte[expected];
        int n = new ZstdDecompressor().decompress(data, 0, data.length, out, 0, expected);
        sizeCheck(n, expected, where, "zstd");
        return out;
    }

    private static byte[] crc32c(byte[] data, String where) {
        if (data.length < 4) {
            throw new FormatException("chunk " + where + " is shorter than its 4-byte crc32c checksum");
        }
        int n = data.length - 4;
        CRC32C crc = new CRC32C();
        crc.update(data, 0, n);
        long stored = (data[n] & 0xffL) | (data[n + 1] & 0xffL) << 8 | (data[n + 2] & 0xffL) << 16
                | (data[n + 3] & 0xffL) << 24;
        if (crc.getValue() != stored) {
            throw new FormatException(String.format(Locale.ROOT,
                    "chunk %s fails its crc32c checksum (stored %08x, computed %08x)", where, stored, crc.getValue()));
        }
        return java.util.Arrays.copyOf(data, n);
    }

    private static void sizeCheck(int n, int expected, String where, String codec) {
        if (n != expected) {
            throw new FormatException("chunk " + where + " decodes to " + n + " bytes; " + expected
                    + " expected from the array's chunk shape and dtype (" + codec + ")");
        }
    }
}
