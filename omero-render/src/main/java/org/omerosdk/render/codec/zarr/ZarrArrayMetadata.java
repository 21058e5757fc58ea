package org.omerosdk.render.codec.zarr;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.omerosdk.model.FormatException;
import org.omerosdk.model.PixelType;

/**
 * The metadata of one Zarr array, v2 ({@code .zarray}) or v3 ({@code zarr.json}), in any number of dimensions:
 * shape, regular chunk shape, data type and byte order, fill value, the chunk-key encoding and the codecs that
 * decode a stored chunk. Parsing checks everything a reader will trust later: a shape or chunk that is missing,
 * negative, of another rank, or whose decoded chunk would exceed {@link #MAX_CHUNK_BYTES} is refused here, before
 * any chunk is read or buffer allocated.
 *
 * @param where      the metadata document, for messages ({@code "plate.zarr/A/1/0/0/.zarray"})
 * @param zarrFormat 2 or 3
 * @param shape      the array's size per dimension, outermost first
 * @param chunks     the chunk size per dimension (a chunk may be larger than the array: it is then cropped)
 * @param type       the pixel type ({@link PixelType#BIT} for booleans, one byte each)
 * @param order      the byte order of multi-byte values in a decoded chunk
 * @param fillValue  the value of every element of a chunk that is not stored
 * @param codecs     the bytes-to-bytes codecs in the order they were applied when writing (decode in reverse)
 * @param transpose  the chunk's storage order as a permutation of the dimensions (identity: C order)
 * @param v3Keys     true for Zarr v3's default chunk keys ({@code c/0/1}), false for v2-style keys ({@code 0.1})
 * @param separator  the separator between chunk indices in keys
 * @param dimensionNames the v3 {@code dimension_names} (empty when absent; entries may be empty strings)
 */
public record ZarrArrayMetadata(String where, int zarrFormat, int[] shape, int[] chunks, PixelType type,
                                ByteOrder order, double fillValue, List<ChunkCodec> codecs, int[] transpose,
                                boolean v3Keys, String separator, List<String> dimensionNames) {
    /**
     * The largest decoded chunk read (256 MiB): a chunk is decoded whole whatever the region read, so a larger one
     * could exhaust memory on a 1-pixel read. Real OME-Zarr chunks are well below a megabyte to a few tens.
     */
    public static final long MAX_CHUNK_BYTES = 256L << 20;

    static final ObjectMapper JSON = new ObjectMapper();

    public ZarrArrayMetadata {
        shape = shape.clone();
        chunks = chunks.clone();
        transpose = transpose.clone();
        codecs = List.copyOf(codecs);
        dimensionNames = List.copyOf(dimensionNames);
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public int[] chunks() {
        return chunks.clone();
    }

    @Override
    public int[] transpose() {
        return transpose.clone();
    }

    int shape(int d) {
        return shape[d];
    }

    int chunk(int d) {
        return chunks[d];
    }

    /** Elements in one (full, uncropped) chunk. */
    public int chunkElements() {
        long n = 1;
        for (int c : chunks) {
            n *= c;
        }
        return (int) n;
    }

    /** Bytes of one decoded chunk. */
    public int chunkBytes() {
        return chunkElements() * type.bytesPerPixel();
    }

    /** True when chunks are stored in C order (no transpose). */
    boolean cOrder() {
        for (int i = 0; i < transpose.length; i++) {
            if (transpose[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** The key of the chunk with grid indices {@code index}, relative to the array's own key prefix. */
    public String chunkKey(int[] index) {
        StringBuilder b = new StringBuilder(v3Keys ? "c" : "");
        for (int i = 0; i < index.length; i++) {
            if (v3Keys || i > 0) {
                b.append(separator);
            }
            b.append(index[i]);
        }
        if (!v3Keys && index.length == 0) {
            b.append('0');
        }
        return b.toString();
    }

    /** Parses a {@code .zarray} document. */
    public static ZarrArrayMetadata parseV2(byte[] json, String where) {
        JsonNode n = readJson(json, where);
        if (n.path("zarr_format").asInt(-1) != 2) {
            throw new FormatException(where + " is not a Zarr v2 array: zarr_format is " + n.path("zarr_format")
                    + ", 2 expected");
        }
        int[] shape = dims(n, "shape", where);
        int[] chunks = dims(n, "chunks", where);
        checkShapes(shape, chunks, where);
        String dtype = text(n, "dtype", where);
        if (dtype.length() < 2) {
            throw new FormatException(where + " has the dtype \"" + dtype + "\"; a numpy type string such as \"<u2\""
                    + " is expected");
        }
        char endian = dtype.charAt(0);
        if (endian != '<' && endian != '>' && endian != '|') {
            throw new FormatException(where + " has the dtype \"" + dtype + "\" without a byte order (<, > or |)");
        }
        PixelType type = v2Type(dtype.substring(1), where);
        if (endian == '|' && type.bytesPerPixel() > 1) {
            throw new FormatException(where + " has the dtype \"" + dtype + "\": a multi-byte type needs < or >");
        }
        ByteOrder order = endian == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        String memoryOrder = n.path("order").asString("C");
        int[] transpose = identity(shape.length);
        if (memoryOrder.equals("F")) {
            for (int i = 0; i < transpose.length; i++) {
                transpose[i] = transpose.length - 1 - i;
            }
        } else if (!memoryOrder.equals("C")) {
            throw new FormatException(where + " has the order \"" + memoryOrder + "\"; \"C\" or \"F\" expected");
        }
        JsonNode filters = n.path("filters");
        if (!filters.isMissingNode() && !filters.isNull() && !(filters.isArray() && filters.isEmpty())) {
            throw new FormatException(where + " uses the filters " + filters + "; arrays with filters are not read");
        }
        List<ChunkCodec> codecs = new ArrayList<>();
        JsonNode comp = n.path("compressor");
        if (!comp.isMissingNode() && !comp.isNull()) {
            String id = comp.path("id").asString("");
            codecs.add(ChunkCodec.named(id).filter(c -> c != ChunkCodec.CRC32C).orElseThrow(() ->
                    new FormatException(where + " uses the compressor \"" + id
                            + "\"; supported: none, zlib, gzip, zstd, blosc")));
        }
        String sep = n.path("dimension_separator").asString(".");
        if (!sep.equals(".") && !sep.equals("/")) {
            throw new FormatException(where + " has the dimension_separator \"" + sep + "\"; \".\" or \"/\" expected");
        }
        double fill = fillValue(n.path("fill_value"), type, where);
        return new ZarrArrayMetadata(where, 2, shape, chunks, type, order, fill, codecs, transpose, false, sep,
                List.of());
    }

    /** Parses a Zarr v3 {@code zarr.json} whose {@code node_type} is {@code "array"}. */
    public static ZarrArrayMetadata parseV3(JsonNode n, String where) {
        if (n.path("zarr_format").asInt(-1) != 3) {
            throw new FormatException(where + " is not Zarr v3: zarr_format is " + n.path("zarr_format"));
        }
        if (!n.path("node_type").asString("").equals("array")) {
            throw new FormatException(where + " is not an array: node_type is " + n.path("node_type"));
        }
        int[] shape = dims(n, "shape", where);
        JsonNode grid = n.path("chunk_grid");
        if (!grid.path("name").asString("").equals("regular")) {
            throw new FormatException(where + " has the chunk_grid " + grid.path("name")
                    + "; only \"regular\" grids are read");
        }
        int[] chunks = dims(grid.path("configuration"), "chunk_shape", where);
        checkShapes(shape, chunks, where);
        PixelType type = v3Type(text(n, "data_type", where), where);
        JsonNode enc = n.path("chunk_key_encoding");
        String encName = enc.path("name").asString("default");
        boolean v3Keys;
        String sep;
        if (encName.equals("default")) {
            v3Keys = true;
            sep = enc.path("configuration").path("separator").asString("/");
        } else if (encName.equals("v2")) {
            v3Keys = false;
            sep = enc.path("configuration").path("separator").asString(".");
        } else {
            throw new FormatException(where + " has the chunk_key_encoding \"" + encName
                    + "\"; \"default\" or \"v2\" expected");
        }
        if (!sep.equals(".") && !sep.equals("/")) {
            throw new FormatException(where + " has the chunk key separator \"" + sep + "\"; \".\" or \"/\" expected");
        }
        JsonNode st = n.path("storage_transformers");
        if (st.isArray() && !st.isEmpty()) {
            throw new FormatException(where + " uses storage_transformers " + st + "; none are supported");
        }
        JsonNode list = n.path("codecs");
        if (!list.isArray() || list.isEmpty()) {
            throw new FormatException(where + " lists no codecs; at least the \"bytes\" codec is required");
        }
        int[] transpose = identity(shape.length);
        ByteOrder order = null;
        List<ChunkCodec> codecs = new ArrayList<>();
        for (JsonNode c : list) {
            String name = c.path("name").asString("");
            JsonNode conf = c.path("configuration");
            if (name.equals("transpose")) {
                if (order != null) {
                    throw new FormatException(where + ": the transpose codec must come before \"bytes\"");
                }
                transpose = permutation(conf.path("order"), shape.length, where);
            } else if (name.equals("bytes")) {
                if (order != null) {
                    throw new FormatException(where + " lists two array-to-bytes codecs");
                }
                String endian = conf.path("endian").asString(type.bytesPerPixel() == 1 ? "little" : "");
                if (endian.equals("little")) {
                    order = ByteOrder.LITTLE_ENDIAN;
                } else if (endian.equals("big")) {
                    order = ByteOrder.BIG_ENDIAN;
                } else {
                    throw new FormatException(where + ": the bytes codec has the endian \"" + endian
                            + "\"; \"little\" or \"big\" expected");
                }
            } else if (name.equals("sharding_indexed")) {
                throw new FormatException(where + " is sharded (sharding_indexed); sharded arrays are not read");
            } else {
                Optional<ChunkCodec> known = ChunkCodec.named(name);
                if (known.isEmpty()) {
                    throw new FormatException(where + " uses the codec \"" + name
                            + "\"; supported: bytes, transpose, gzip, zstd, blosc, crc32c");
                }
                if (order == null) {
                    throw new FormatException(where + ": the codec \"" + name + "\" comes before \"bytes\"");
                }
                codecs.add(known.get());
            }
        }
        if (order == null) {
            throw new FormatException(where + " has no \"bytes\" codec");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode d : n.path("dimension_names")) {
            names.add(d.isNull() ? "" : d.asString());
        }
        if (!names.isEmpty() && names.size() != shape.length) {
            throw new FormatException(where + " has " + names.size() + " dimension_names for " + shape.length
                    + " dimensions");
        }
        double fill = fillValue(n.path("fill_value"), type, where);
        return new ZarrArrayMetadata(where, 3, shape, chunks, type, order, fill, codecs, transpose, v3Keys, sep,
                names);
    }

    /** Reads a JSON document, refusing what is not JSON with the document's name. */
    public static JsonNode readJson(byte[] json, String where) {
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || !n.isObject()) {
                throw new FormatException(where + " is not a JSON object");
            }
            return n;
        } catch (tools.jackson.core.JacksonException e) {
            throw new FormatException(where + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.path(field);
        if (!v.isString()) {
            throw new FormatException(where + " lacks the field \"" + field + "\"" + (v.isMissingNode() ? ""
                    : " (found " + v + ")"));
        }
        return v.asString();
    }

    private static int[] dims(JsonNode n, String field, String where) {
        JsonNode a = n.path(field);
        if (!a.isArray()) {
            throw new FormatException(where + " lacks the field \"" + field + "\" (an array of integers)");
        }
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode e = a.get(i);
            if (!e.isIntegralNumber() || !e.canConvertToLong()) {
                throw new FormatException(where + ": " + field + "[" + i + "] is " + e + "; an integer is expected");
            }
            long x = e.asLong();
            if (x < 0 || x > Integer.MAX_VALUE) {
                throw new FormatException(where + ": " + field + "[" + i + "] = " + x + " is outside 0.."
                        + Integer.MAX_VALUE);
            }
            v[i] = (int) x;
        }
        return v;
    }

    private static void checkShapes(int[] shape, int[] chunks, String where) {
        if (shape.length != chunks.length) {
            throw new FormatException(where + " has a " + shape.length + "-dimensional shape "
                    + Arrays.toString(shape) + " but " + chunks.length + "-dimensional chunks "
                    + Arrays.toString(chunks));
        }
        long elements = 1;
        for (int i = 0; i < chunks.length; i++) {
            if (chunks[i] < 1) {
                throw new FormatException(where + ": chunk size " + chunks[i] + " in dimension " + i
                        + " is not positive");
            }
            elements *= chunks[i];
            if (elements > MAX_CHUNK_BYTES) {
                break;
            }
        }
        if (elements > MAX_CHUNK_BYTES) {
            throw new FormatException(where + " declares chunks of " + Arrays.toString(chunks) + " elements; at most "
                    + (MAX_CHUNK_BYTES >> 20) + " MiB per decoded chunk is read");
        }
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    private static int[] permutation(JsonNode order, int rank, String where) {
        if (!order.isArray() || order.size() != rank) {
            throw new FormatException(where + ": the transpose order " + order + " is not a permutation of "
                    + rank + " dimensions");
        }
        int[] p = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            int d = order.get(i).asInt(-1);
            if (!order.get(i).isIntegralNumber() || d < 0 || d >= rank || seen[d]) {
                throw new FormatException(where + ": the transpose order " + order + " is not a permutation of 0.."
                        + (rank - 1));
            }
            seen[d] = true;
            p[i] = d;
        }
        return p;
    }

    private static PixelType v2Type(String t, String where) {
        switch (t) {
            case "i1": return PixelType.INT8;
            case "u1": return PixelType.UINT8;
            case "b1": return PixelType.BIT;
            case "i2": return PixelType.INT16;
            case "u2": return PixelType.UINT16;
            case "i4": return PixelType.INT32;
            case "u4": return PixelType.UINT32;
            case "f4": return PixelType.FLOAT;
            case "f8": return PixelType.DOUBLE;
            default: throw new FormatException(where + " has the dtype \"" + t
                    + "\"; supported: b1, i1, u1, i2, u2, i4, u4, f4, f8 (OMERO's pixel types)");
        }
    }

    private static PixelType v3Type(String t, String where) {
        switch (t) {
            case "bool": return PixelType.BIT;
            case "int8": return PixelType.INT8;
            case "uint8": return PixelType.UINT8;
            case "int16": return PixelType.INT16;
            case "uint16": return PixelType.UINT16;
            case "int32": return PixelType.INT32;
            case "uint32": return PixelType.UINT32;
            case "float32": return PixelType.FLOAT;
            case "float64": return PixelType.DOUBLE;
            default: throw new FormatException(where + " has the data_type \"" + t
                    + "\"; supported: bool, int8, uint8, int16, uint16, int32, uint32, float32, float64");
        }
    }

    private static double fillValue(JsonNode f, PixelType type, String where) {
        if (f.isMissingNode() || f.isNull()) {
            return 0;
        }
        if (f.isBoolean()) {
            return f.asBoolean() ? 1 : 0;
        }
        if (f.isNumber()) {
            return f.asDouble();
        }
        if (f.isString()) {
            String s = f.asString();
            switch (s) {
                case "NaN": return Double.NaN;
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default:
                    if (s.startsWith("0x") && type.isFloatingPoint()) {
                        try {
                            long bits = Long.parseUnsignedLong(s.substring(2), 16);
                            return type == PixelType.FLOAT ? Float.intBitsToFloat((int) bits)
                                    : Double.longBitsToDouble(bits);
                        } catch (NumberFormatException e) {
                            // refused below
                        }
                    }
            }
        }
        throw new FormatException(where + " has the fill_value " + f + "; a number, NaN, Infinity or null is expected");
    }
}
