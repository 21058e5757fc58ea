package org.omerosdk.render.codec.zarr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteOrder;
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

    /** Parses a {@code .zarray} of a 5-dimensional (t, c, z, y, x) array. */
    public static ZarrArray parse(byte[] json, String where) {
        try {
            JsonNode n = JSON.readTree(json);
            if (n.path("zarr_format").asInt() != 2) {
                throw new FormatException(where + " is not a Zarr v2 array (zarr_format " + n.path("zarr_format") + ")");
            }
            int[] shape = ints(n.path("shape"), where);
            int[] chunks = ints(n.path("chunks"), where);
            if (shape.length != 5 || chunks.length != 5) {
                throw new FormatException(where + " has " + shape.length + " dimensions; (t, c, z, y, x) expected");
            }
            for (int i = 0; i < 5; i++) {
                if (shape[i] < 1 || chunks[i] < 1) {
                    throw new FormatException(where + " has an impossible shape or chunk size");
                }
            }
            String dtype = n.path("dtype").asText("");
            ByteOrder order = dtype.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            PixelType type = parseDtype(dtype.substring(Math.min(1, dtype.length())), where);
            JsonNode comp = n.path("compressor");
            Compression compression = Compression.fromZarrId(comp.isNull() || comp.isMissingNode() ? null
                    : comp.path("id").asText(), where);
            String sep = n.path("dimension_separator").asText(".");
            if (!n.path("order").asText("C").equals("C")) {
                throw new FormatException(where + " uses Fortran order; only C order is read");
            }
            if (!n.path("filters").isNull() && !n.path("filters").isMissingNode()) {
                throw new FormatException(where + " uses filters; none are supported");
            }
            return new ZarrArray(shape, chunks, type, order, compression, n.path("fill_value").asDouble(0), sep);
        } catch (java.io.IOException e) {
            throw new FormatException(where + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static int[] ints(JsonNode a, String where) {
        if (!a.isArray()) {
            throw new FormatException(where + " lacks shape or chunks");
        }
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asInt();
        }
        return v;
    }

    private static PixelType parseDtype(String d, String where) {
        switch (d) {
            case "i1": return PixelType.INT8;
            case "u1": return PixelType.UINT8;
            case "b1": return PixelType.BIT;
            case "i2": return PixelType.INT16;
            case "u2": return PixelType.UINT16;
            case "i4": return PixelType.INT32;
            case "u4": return PixelType.UINT32;
            case "f4": return PixelType.FLOAT;
            case "f8": return PixelType.DOUBLE;
            default: throw new FormatException(where + " has the unsupported dtype \"" + d + "\"");
        }
    }
}
