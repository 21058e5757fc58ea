package org.omerosdk.render.codec.zarr;

import tools.jackson.databind.ObjectMapper;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Locale;
import org.omerosdk.model.FormatException;
import org.omerosdk.model.PixelType;

/**
 * One Zarr v2 array of a pyramid level: shape and chunks in (t, c, z, y, x) order, the dtype, the compressor,
 * the fill value and the chunk-key separator. Reads and writes the {@code .zarray} document.
 */
public record ZarrArray(int[] shape, int[] chunks, PixelType type, ByteOrder order, Compression compression,
                 double fillValue, String separator) {
    public static final ObjectMapper JSON = new ObjectMapper();

    public int sizeX() {
        return shape[4];
    }

    public int sizeY() {
        return shape[3];
    }

    public int chunkX() {
        return chunks[4];
    }

    public int chunkY() {
        return chunks[3];
    }

    /** The key of chunk (t, c, z, cy, cx) below the array's path. */
    public String chunkKey(String arrayPath, int t, int c, int z, int cy, int cx) {
        String s = separator;
        return arrayPath + "/" + t + s + c + s + z + s + cy + s + cx;
    }

    public int chunkBytes() {
        return chunks[3] * chunks[4] * type.bytesPerPixel();
    }

    public String toJson() {
        return String.format(Locale.ROOT, "{\"zarr_format\":2,\"shape\":[%d,%d,%d,%d,%d],\"chunks\":[1,1,1,%d,%d],"
                        + "\"dtype\":\"%s\",\"compressor\":%s,\"fill_value\":0,\"order\":\"C\",\"filters\":null,"
                        + "\"dimension_separator\":\"%s\"}",
                shape[0], shape[1], shape[2], shape[3], shape[4], chunks[3], chunks[4], dtype(type),
                compression.zarrJson(), separator);
    }

    public static String dtype(PixelType t) {
        switch (t) {
            case INT8: return "|i1";
            case UINT8: return "|u1";
            case BIT: return "|b1";
            case INT16: return "<i2";
            case UINT16: return "<u2";
            case INT32: return "<i4";
            case UINT32: return "<u4";
            case FLOAT: return "<f4";
            default: return "<f8";
        }
    }

    /** The general array model of this array (what {@link ZarrArrayReader} reads). */
    public ZarrArrayMetadata metadata(String where) {
        List<ChunkCodec> codecs = compression == Compression.NONE ? List.of()
                : List.of(compression == Compression.ZLIB ? ChunkCodec.ZLIB : ChunkCodec.ZSTD);
        return new ZarrArrayMetadata(where, 2, shape, chunks, type, order, fillValue, codecs, new int[] {0, 1, 2, 3, 4},
                false, separator, List.of());
    }

    /**
     * Parses a pyramid level's {@code .zarray} (5-dimensional, t, c, z, y, x; C order; no compressor, zlib or zstd,
     * as {@link org.omerosdk.render.pyramid.PyramidBuilder} writes it) through {@link ZarrArrayMetadata#parseV2}.
     */
    public static ZarrArray parse(byte[] json, String where) {
        ZarrArrayMetadata m = ZarrArrayMetadata.parseV2(json, where);
        int[] shape = m.shape();
        if (shape.length != 5) {
            throw new FormatException(where + " has " + shape.length + " dimensions; (t, c, z, y, x) expected");
        }
        for (int s : shape) {
            if (s < 1) {
                throw new FormatException(where + " has the empty shape " + java.util.Arrays.toString(shape));
            }
        }
        int[] t = m.transpose();
        for (int i = 0; i < 5; i++) {
            if (t[i] != i) {
                throw new FormatException(where + " uses Fortran order; pyramid levels are C order");
            }
        }
        Compression compression;
        if (m.codecs().isEmpty()) {
            compression = Compression.NONE;
        } else if (m.codecs().equals(List.of(ChunkCodec.ZLIB))) {
            compression = Compression.ZLIB;
        } else if (m.codecs().equals(List.of(ChunkCodec.ZSTD))) {
            compression = Compression.ZSTD;
        } else {
            throw new FormatException(where + " uses the compressor " + m.codecs().get(0).zarrName()
                    + "; pyramid levels use none, zlib or zstd (read other OME-Zarr images with the OME-Zarr reader)");
        }
        return new ZarrArray(shape, m.chunks(), m.type(), m.order(), compression, m.fillValue(), m.separator());
    }
}
