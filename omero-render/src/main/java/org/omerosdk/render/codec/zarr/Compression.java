package org.omerosdk.render.codec.zarr;

import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.omerosdk.model.FormatException;

/** Chunk compression of a Zarr array: none, zlib (numcodecs' "zlib"), or zstd (pure Java). */
public enum Compression {
    NONE, ZLIB, ZSTD;

    /** The Zarr v2 {@code compressor} JSON value. */
    public String zarrJson() {
        switch (this) {
            case ZLIB: return "{\"id\":\"zlib\",\"level\":1}";
            case ZSTD: return "{\"id\":\"zstd\",\"level\":1}";
            default: return "null";
        }
    }

    public byte[] compress(byte[] raw) {
        switch (this) {
            case ZLIB: {
                Deflater d = new Deflater(1);
                try {
                    d.setInput(raw);
                    d.finish();
                    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
                    byte[] buf = new byte[65536];
                    while (!d.finished()) {
                        out.write(buf, 0, d.deflate(buf));
                    }
                    return out.toByteArray();
                } finally {
                    d.end();
                }
            }
            case ZSTD: {
                ZstdCompressor c = new ZstdCompressor();
                byte[] out = new byte[c.maxCompressedLength(raw.length)];
                int n = c.compress(raw, 0, raw.length, out, 0, out.length);
                return Arrays.copyOf(out, n);
            }
            default:
                return raw;
        }
    }

    /** Decompresses one chunk of {@code expected} bytes; a corrupt chunk is a {@link FormatException}. */
    public byte[] decompress(byte[] data, int expected, String where) {
        try {
            switch (this) {
                case ZLIB: {
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
                        check(n, expected, where);
                        return out;
                    } finally {
                        inf.end();
                    }
                }
                case ZSTD: {
                    byte[] out = new byte[expected];
                    int n = new ZstdDecompressor().decompress(data, 0, data.length, out, 0, expected);
                    check(n, expected, where);
                    return out;
                }
                default:
                    check(data.length, expected, where);
                    return data;
            }
        } catch (DataFormatException | RuntimeException e) {
            if (e instanceof FormatException f) {
                throw f;
            }
            throw new FormatException("chunk " + where + " cannot be decompressed (" + this + "): " + e.getMessage(), e);
        }
    }

    private static void check(int n, int expected, String where) {
        if (n != expected) {
            throw new FormatException("chunk " + where + " holds " + n + " bytes; " + expected + " expected");
        }
    }

    /** The compression a Zarr {@code compressor} id names. */
    public static Compression fromZarrId(String id, String where) {
        if (id == null) {
            return NONE;
        }
        switch (id) {
            case "zlib": return ZLIB;
            case "zstd": return ZSTD;
            default:
                throw new FormatException(where + " uses the compressor \"" + id + "\"; supported: none, zlib, zstd");
        }
    }
}
