package org.omerosdk.render.codec.zarr;

import io.airlift.compress.zstd.ZstdCompressor;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * How {@link org.omerosdk.render.pyramid.PyramidBuilder} compresses chunks: none, zlib (numcodecs' "zlib"), or zstd
 * (pure Java). Decoding, of these and of every other codec read, is {@link ChunkCodec}'s.
 */
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
}
