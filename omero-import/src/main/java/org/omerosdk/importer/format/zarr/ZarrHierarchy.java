package org.omerosdk.importer.format.zarr;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import java.util.Optional;
import org.omerosdk.importer.format.Location;
import org.omerosdk.model.FormatException;
import org.omerosdk.render.codec.zarr.ChunkStore;
import org.omerosdk.render.codec.zarr.ZarrArrayMetadata;
import org.omerosdk.render.codec.zarr.ZarrArrayReader;

/**
 * A Zarr hierarchy below one {@link Location} (a directory, or a store prefix): group attributes and array metadata
 * by relative path, in Zarr v2 ({@code .zgroup}, {@code .zattrs}, {@code .zarray}) or v3 ({@code zarr.json}), and
 * array readers sharing one chunk cache.
 */
final class ZarrHierarchy {
    /** The largest metadata document read (JSON or OME-XML). */
    static final long MAX_DOCUMENT_BYTES = 64L << 20;
    /** Decoded chunks kept per opened fileset. */
    static final long CACHE_BYTES = 64L << 20;

    private final Location root;
    private final int zarrFormat;
    private final ChunkStore chunks;
    private final ZarrArrayReader.ChunkCache cache = new ZarrArrayReader.ChunkCache(CACHE_BYTES);

    private ZarrHierarchy(Location root, int zarrFormat) {
        this.root = root;
        this.zarrFormat = zarrFormat;
        this.chunks = new LocationChunkStore(root);
    }

    /**
     * The hierarchy rooted at {@code root}.
     *
     * @throws FormatException when {@code root} holds neither {@code zarr.json} nor {@code .zgroup}/{@code .zattrs}
     */
    static ZarrHierarchy open(Location root) {
        if (exists(root, "zarr.json")) {
            return new ZarrHierarchy(root, 3);
        }
        if (exists(root, ".zgroup") || exists(root, ".zattrs")) {
            return new ZarrHierarchy(root, 2);
        }
        throw new FormatException(root.describe() + " is not a Zarr group: it has neither zarr.json (Zarr v3) nor "
                + ".zgroup/.zattrs (Zarr v2)");
    }

    static boolean exists(Location dir, String name) {
        Location l = dir.resolve(name);
        return l.exists() && !l.isDirectory();
    }

    Location root() {
        return root;
    }

    int zarrFormat() {
        return zarrFormat;
    }

    String describe(String path) {
        return root.describe() + (path.isEmpty() ? "" : "/" + path);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "/" + name;
    }

    /** The document at {@code path}, or empty when there is none. */
    Optional<byte[]> document(String path) {
        return chunks.read(path, MAX_DOCUMENT_BYTES);
    }

    /**
     * The attributes of the group at {@code path}: v2's {@code .zattrs} (an empty object when the group has none),
     * v3's {@code attributes} with an NGFF 0.5 {@code ome} object lifted to the top, or empty when there is no group.
     */
    Optional<JsonNode> groupAttributes(String path) {
        if (zarrFormat == 3) {
            Optional<byte[]> doc = document(join(path, "zarr.json"));
            if (doc.isEmpty()) {
                return Optional.empty();
            }
            String where = describe(join(path, "zarr.json"));
            JsonNode n = ZarrArrayMetadata.readJson(doc.get(), where);
            if (!n.path("node_type").asString("").equals("group")) {
                throw new FormatException(where + " is not a group (node_type " + n.path("node_type") + ")");
            }
            JsonNode attrs = n.path("attributes");
            if (attrs.path("ome").isObject()) {
                return Optional.of(attrs.path("ome"));
            }
            return Optional.of(attrs.isObject() ? attrs : JsonNodeFactory.instance.objectNode());
        }
        Optional<byte[]> doc = document(join(path, ".zattrs"));
        if (doc.isPresent()) {
            return Optional.of(ZarrArrayMetadata.readJson(doc.get(), describe(join(path, ".zattrs"))));
        }
        return document(join(path, ".zgroup")).map(b -> JsonNodeFactory.instance.objectNode());
    }

    /**
     * A reader of the array at {@code path}.
     *
     * @throws FormatException when there is no array there or its metadata is unusable
     */
    ZarrArrayReader array(String path) {
        String name = zarrFormat == 3 ? "zarr.json" : ".zarray";
        String where = describe(join(path, name));
        byte[] doc = document(join(path, name)).orElseThrow(() -> new FormatException(where
                + " is missing: the multiscales metadata names an array that is not there"));
        ZarrArrayMetadata m = zarrFormat == 3
                ? ZarrArrayMetadata.parseV3(ZarrArrayMetadata.readJson(doc, where), where)
                : ZarrArrayMetadata.parseV2(doc, where);
        return new ZarrArrayReader(chunks, path, m, cache);
    }

    /** Objects of a {@link Location} as a {@link ChunkStore}: one read per chunk, missing or not. */
    private static final class LocationChunkStore implements ChunkStore {
        private final Location root;

        LocationChunkStore(Location root) {
            this.root = root;
        }

        @Override
        public Optional<byte[]> read(String key, long maxBytes) {
            return root.resolve(key).readIfExists(maxBytes);
        }

        @Override
        public String describe() {
            return root.describe();
        }
    }
}
