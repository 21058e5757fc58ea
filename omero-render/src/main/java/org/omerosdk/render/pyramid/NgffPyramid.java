package org.omerosdk.render.pyramid;

import tools.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.omerosdk.model.FormatException;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.store.BinaryStore;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.PixelSources;
import org.omerosdk.render.codec.zarr.ZarrArray;
import org.omerosdk.render.codec.zarr.ZarrLevel;

/**
 * An OME-NGFF 0.4 multiscale image (Zarr v2) in a {@link BinaryStore}, read as a {@link PixelSource}: one
 * resolution level per dataset, tile reads that decode only the chunks they touch. {@link #open} refuses a pyramid
 * without its {@code multiscales} metadata, which {@link PyramidBuilder} writes last: an interrupted build is never
 * mistaken for a complete one.
 */
public final class NgffPyramid implements PixelSource {
    private final String prefix;
    private final List<ZarrLevel> levels;
    private final List<double[]> scales;
    private final JsonNode attributes;

    private NgffPyramid(String prefix, List<ZarrLevel> levels, List<double[]> scales, JsonNode attributes) {
        this.prefix = prefix;
        this.levels = List.copyOf(levels);
        this.scales = List.copyOf(scales);
        this.attributes = attributes;
    }

    /**
     * Opens the multiscale image at {@code prefix} ({@code ""} for the store's root).
     *
     * @throws FormatException when the metadata is missing (an incomplete build), malformed, or not 5-D
     */
    public static NgffPyramid open(BinaryStore store, String prefix) {
        String base = prefix.isEmpty() ? "" : prefix + "/";
        JsonNode attrs;
        try {
            attrs = ZarrArray.JSON.readTree(store.read(base + ".zattrs"));
        } catch (NotFoundException e) {
            throw new FormatException("no pyramid at " + store.describe() + "/" + prefix
                    + ": .zattrs is missing (not OME-NGFF, or a build that did not finish)");
        } catch (tools.jackson.core.JacksonException e) {
            throw new FormatException(base + ".zattrs is not valid JSON: " + e.getMessage(), e);
        }
        JsonNode ms = attrs.path("multiscales");
        if (!ms.isArray() || ms.isEmpty()) {
            throw new FormatException(base + ".zattrs has no multiscales: the pyramid is incomplete or not OME-NGFF");
        }
        JsonNode datasets = ms.get(0).path("datasets");
        if (!datasets.isArray() || datasets.isEmpty()) {
            throw new FormatException(base + ".zattrs lists no datasets");
        }
        List<ZarrLevel> levels = new ArrayList<>();
        List<double[]> scales = new ArrayList<>();
        for (JsonNode d : datasets) {
            String path = base + d.path("path").asString();
            ZarrArray array;
            try {
                array = ZarrArray.parse(store.read(path + "/.zarray"), path + "/.zarray");
            } catch (NotFoundException e) {
                throw new FormatException("pyramid level " + path + " has no .zarray");
            }
            levels.add(new ZarrLevel(store, path, array));
            double[] scale = new double[] {1, 1, 1, 1, 1};
            for (JsonNode tr : d.path("coordinateTransformations")) {
                if (tr.path("type").asString().equals("scale") && tr.path("scale").size() == 5) {
                    for (int i = 0; i < 5; i++) {
                        scale[i] = tr.path("scale").get(i).asDouble();
                    }
                }
            }
            scales.add(scale);
        }
        ZarrArray first = levels.get(0).array;
        for (ZarrLevel l : levels) {
            if (l.array.type() != first.type() || l.array.shape()[0] != first.shape()[0]
                    || l.array.shape()[1] != first.shape()[1] || l.array.shape()[2] != first.shape()[2]) {
                throw new FormatException("pyramid levels of " + base + " disagree on type or t/c/z sizes");
            }
        }
        return new NgffPyramid(prefix, levels, scales, attrs);
    }

    public String prefix() {
        return prefix;
    }

    /** The {@code scale} transform of {@code level}, in (t, c, z, y, x) order. */
    public double[] scale(int level) {
        return scales.get(level).clone();
    }

    /** The group attributes ({@code multiscales}, {@code omero}). */
    public JsonNode attributes() {
        return attributes.deepCopy();
    }

    private ZarrArray a(int level) {
        return levels.get(level).array;
    }

    @Override
    public PixelType pixelType() {
        return a(0).type();
    }

    @Override
    public int sizeZ() {
        return a(0).shape()[2];
    }

    @Override
    public int sizeC() {
        return a(0).shape()[1];
    }

    @Override
    public int sizeT() {
        return a(0).shape()[0];
    }

    @Override
    public int levelCount() {
        return levels.size();
    }

    @Override
    public int sizeX(int level) {
        return a(level).sizeX();
    }

    @Override
    public int sizeY(int level) {
        return a(level).sizeY();
    }

    @Override
    public int tileWidth(int level) {
        return a(level).chunkX();
    }

    @Override
    public int tileHeight(int level) {
        return a(level).chunkY();
    }

    @Override
    public void readRegion(int level, int z, int c, int t, int x, int y, int w, int h, ByteBuffer dst) {
        PixelSources.checkRegion(this, level, z, c, t, x, y, w, h, dst);
        levels.get(level).read(z, c, t, x, y, w, h, dst);
    }
}
