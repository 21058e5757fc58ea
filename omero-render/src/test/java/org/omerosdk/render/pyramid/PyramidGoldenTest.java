package org.omerosdk.render.pyramid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.store.BinaryStore;
import org.omerosdk.model.store.MemoryBinaryStore;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.codec.zarr.Compression;

/**
 * The bytes a build writes, level by level, against digests taken from the builder as it was before the write path
 * was reworked for speed (issue 18): a faster builder must write exactly the same objects. Each digest is SHA-256
 * over every key of the level, sorted, followed by its bytes.
 */
class PyramidGoldenTest {
    private static OmeroConfig tiles(int w, int h) {
        return OmeroConfig.defaults().with(ConfigKeys.PIXELDATA_TILE_WIDTH, Integer.toString(w))
                .with(ConfigKeys.PIXELDATA_TILE_HEIGHT, Integer.toString(h));
    }

    /** Per level ("0", "1", ..., and "" for the group's own objects): the digest of its keys and bytes. */
    static Map<String, String> digests(BinaryStore store, String prefix) throws Exception {
        Map<String, MessageDigest> byLevel = new java.util.TreeMap<>();
        for (String key : store.list(prefix + "/")) {
            String rest = key.substring(prefix.length() + 1);
            String level = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : "";
            MessageDigest d = byLevel.computeIfAbsent(level, l -> sha256());
            d.update(rest.getBytes(StandardCharsets.UTF_8));
            d.update(store.read(key));
        }
        Map<String, String> out = new LinkedHashMap<>();
        byLevel.forEach((l, d) -> out.put(l, HexFormat.of().formatHex(d.digest()).substring(0, 16)));
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String build(OmeroConfig config, Compression c, PixelSource src) throws Exception {
        MemoryBinaryStore store = new MemoryBinaryStore();
        PyramidBuilder.from(config).compression(c).build(src, store, "g", PyramidMetadata.named("golden"),
                ProgressListener.NONE);
        return digests(store, "g").entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    @Test
    void uint16WithOddEdgesAndDefaultTilesWritesTheSameBytesAsBefore() throws Exception {
        assertEquals("=d724d789fcc51dda 0=3c97b99fb10916b3 1=2e33ee37d21f4a02 2=fa29cf1de79b8e53",
                build(OmeroConfig.defaults(), Compression.NONE, PyramidBuilderTest.random(PixelType.UINT16, 999, 701,
                        1, 18)));
    }

    @Test
    void severalChannelsOfEveryIntegerWidthWriteTheSameBytesAsBefore() throws Exception {
        StringBuilder all = new StringBuilder();
        for (PixelType t : new PixelType[] {PixelType.UINT8, PixelType.INT16, PixelType.UINT32, PixelType.FLOAT}) {
            all.append(t).append(": ").append(build(tiles(32, 32), Compression.NONE,
                    PyramidBuilderTest.random(t, 201, 131, 2, 5))).append("; ");
        }
        assertEquals("uint8: =849d8df014bcc3a1 0=71eefc3021e08cbe 1=87c6b0b20379bf78 2=1bb351a62b5d2384 3=8da1f21a8021a92a; "
                + "int16: =849d8df014bcc3a1 0=2d9bbff7acbc8b23 1=4637de12b1f642b0 2=dc990e2c5eff0a69 3=25e9b5108cdc0aec; "
                + "uint32: =849d8df014bcc3a1 0=aced05b845ee9c5a 1=2c80a2aa8a941005 2=ef8846768acbbe5f 3=9526c811aadf848c; "
                + "float: =849d8df014bcc3a1 0=d1482159fa067280 1=8dd0538e7367d2b0 2=13823d81bc6eedae 3=ef365f60b9363967; ", all.toString());
    }

    @Test
    void compressedChunksAreTheSameBytesAsBefore() throws Exception {
        StringBuilder all = new StringBuilder();
        for (Compression c : new Compression[] {Compression.ZLIB, Compression.ZSTD}) {
            all.append(c).append(": ").append(build(tiles(64, 64), c,
                    PyramidBuilderTest.random(PixelType.UINT16, 300, 257, 1, 7))).append("; ");
        }
        assertEquals("ZLIB: =0fb621f6b696686b 0=3f73754ecd689280 1=8876e2b0f720a725 2=f544ce518f42e017 3=92fa60bda03d24be; "
                + "ZSTD: =0fb621f6b696686b 0=257b6cf322f0ef6d 1=103b0a1f060fb7f4 2=c11bba0f26103725 3=5a5c4ee086950d30; ", all.toString());
    }

    @Test
    void oddTileHeightsBuiltTileByTileWriteTheSameBytesAsBefore() throws Exception {
        assertEquals("=89af80a89c41fe8b 0=3b7af723d5b85d4a 1=fa541fe5dbb4828d 2=61c95ad139643e35 3=eb21d31d60441746", build(tiles(32, 17), Compression.NONE,
                PyramidBuilderTest.random(PixelType.UINT16, 90, 75, 1, 3)));
    }
}
