package org.omerosdk.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.fs.OriginalFile;
import org.omerosdk.model.units.UnitsLength;
import org.omerosdk.render.ChannelSettings;
import org.omerosdk.render.ImageEncoder;
import org.omerosdk.render.Projection;
import org.omerosdk.render.Region;
import org.omerosdk.render.RenderedImage;
import org.omerosdk.render.RenderingSettings;
import org.omerosdk.sdk.Rendering;
import org.omerosdk.sdk.Session;

/**
 * OMERO.web's webgateway URLs over {@code session.rendering()}: thumbnails (one, a batch as data URIs, the
 * bird's-eye view), planes and regions or tiles with OMERO's rendering parameters ({@link RenderQuery}), the
 * image's viewer metadata ({@code imgData}) and its original files. Every URL answers 404 for an image the caller
 * may not see exactly as for a missing one.
 */
final class WebgatewayRoutes {
    private static final String W = "/webgateway/";
    private static final String IID = "(\\d+)/";
    private static final String OPT = "(?:(\\d+)/)?";

    /**
     * The resolution levels by image id. An image's pixels never change after import, so its levels are read once
     * (opening its pixels costs the database reads a tile otherwise repeats); callers are checked before every use.
     */
    private final Cache<Long, List<Rendering.Level>> levelsById = Caffeine.newBuilder().maximumSize(10_000).build();
    private final int thumbDefault;
    private final int maxTileLength = 1024;

    /**
     * Encoded tiles ({@code omero.sdk.web.tile_cache_mb}; null when 0). Only asked after the request's own visibility
     * check and settings read: it saves the pixels, the rendering and the encoding, never a permission decision.
     */
    private final Cache<Tile, Reply> tiles;

    WebgatewayRoutes(OmeroConfig web) {
        this.thumbDefault = web.getInt(ConfigKeys.CLIENT_THUMB_DEFAULT_SIZE);
        long mib = web.getLong(ConfigKeys.SDK_WEB_TILE_CACHE_MB);
        this.tiles = mib <= 0 ? null : Caffeine.newBuilder().maximumWeight(mib << 20)
                .weigher((Tile k, Reply v) -> v.body().length + 256).build();
    }

    List<Route> routes() {
        Route.Access a = Route.Access.LOGIN;
        return List.of(
                Route.get(W + "render_thumbnail/" + IID + OPT + OPT, a, (ex, g) ->
                        thumbnail(ex, g.get(0), g.get(1) != null ? g.get(1) : null, g.get(2))),
                Route.get(W + "render_birds_eye_view/" + IID + OPT, a, (ex, g) ->
                        thumbnail(ex, g.get(0), g.get(1), null)),
                Route.get(W + "get_thumbnails/" + OPT, a, (ex, g) -> thumbnails(ex, g.get(0))),
                Route.get(W + "render_image/" + IID + OPT + OPT, a, (ex, g) -> image(ex, g.get(0), g.get(1),
                        g.get(2))),
                Route.get(W + "render_image_region/" + IID + "(\\d+)/(\\d+)/", a, (ex, g) ->
                        region(ex, g.get(0), g.get(1), g.get(2))),
                Route.get(W + "imgData/" + IID + "(?:([^/]+)/)?", a, (ex, g) -> imgData(ex, g.get(0))),
                Route.get(W + "archived_files/download/" + IID, a, (ex, g) -> download(ex, g.get(0))));
    }

    /** The visible image, or the same 404 as for a missing one. */
    static Image image(Session s, String id) {
        long iid = Exchange.parseId("image id", id);
        try {
            return s.images().get(iid);
        } catch (NotFoundException e) {
            throw HttpError.notFound("Image", iid);
        }
    }

    /**
     * {@code work}'s answer, or the same 404 as {@link #image(Session, String)} gives when the SDK finds the image
     * missing, invisible or without pixels: the caller learns only that it is not there.
     */
    private static <T> T orNotFound(long imageId, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (NotFoundException e) {
            throw HttpError.notFound("Image", imageId);
        }
    }

    private static int size(String name, String value) {
        int v = (int) Math.min(Integer.MAX_VALUE, Exchange.parseId(name, value));
        if (v < 1 || v > 4096) {
            throw HttpError.badRequest("Invalid parameter value: " + name + " must be from 1 to 4096");
        }
        return v;
    }

    private Reply thumbnail(Exchange ex, String id, String w, String h) {
        Session s = ex.caller().session();
        // the thumbnail call checks that the caller may see the image (NotFoundException: 404)
        Image image = IObject.reference(Image.class, Exchange.parseId("image id", id));
        int longest = w == null ? thumbDefault : size("size", w);
        if (h != null) {
            longest = Math.max(longest, size("size", h));
        }
        int size = longest;
        return Reply.bytes("image/jpeg", orNotFound(image.id(), () -> s.rendering().thumbnailJpeg(image, size)));
    }

    /** {@code {"ID": "data:image/jpeg;base64,...", ...}}; an id that is missing, invisible or has no pixels: null. */
    private Reply thumbnails(Exchange ex, String w) {
        Session s = ex.caller().session();
        int longest = w == null ? thumbDefault : size("size", w);
        List<String> ids = ex.queryAll("id");
        if (ids.isEmpty()) {
            throw HttpError.badRequest("No images provided: give ?id=");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String raw : ids) {
            long id = Exchange.parseId("id", raw);
            String uri = null;
            try {
                Image image = s.images().get(id);
                uri = "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(
                        s.rendering().thumbnailJpeg(image, longest));
            } catch (NotFoundException e) {
                // null, as OMERO answers for an image it has no thumbnail of
            }
            out.put(Long.toString(id), uri);
        }
        return Reply.json(out);
    }

    private Reply image(Exchange ex, String id, String z, String t) {
        Session s = ex.caller().session();
        Image image = image(s, id);
        RenderQuery q = RenderQuery.parse(ex);
        Rendering r = s.rendering();
        RenderingSettings settings = q.settings().apply(r.settings(image));
        int zz = z == null ? settings.defaultZ() : (int) Exchange.parseId("z", z);
        int tt = t == null ? settings.defaultT() : (int) Exchange.parseId("t", t);
        RenderedImage rendered;
        if (q.projection().isPresent()) {
            Pixels px = s.images().primaryPixels(image);
            int[] range = q.projectionRange().orElse(new int[] {0, px.sizeZ() - 1});
            rendered = r.project(image, q.projection().get(), range[0], range[1], tt, settings);
        } else {
            rendered = r.render(image, zz, tt, settings);
        }
        return encode(rendered, q);
    }

    /**
     * {@code tile=level,x,y[,w,h]} (tile indices; level 0 the full resolution, as OMERO.web counts them; w and h
     * default to the level's tile size, at most 1024) or {@code region=x,y,w,h} (pixels at full resolution). A
     * rectangle reaching past the image's edge is cut there, as OMERO's rendering engine does.
     */
    private Reply region(Exchange ex, String id, String z, String t) {
        Session s = ex.caller().session();
        // the SDK's calls below check that the caller may see the image, in the one read a tile costs; a refusal
        // that depends on the image's levels is answered only after a visibility check of its own
        Image image = IObject.reference(Image.class, Exchange.parseId("image id", id));
        RenderQuery q = RenderQuery.parse(ex);
        Rendering r = s.rendering();
        List<Rendering.Level> levels = orNotFound(image.id(), () -> levelsById.get(image.id(), k -> r.levels(image)));
        Region reg;
        try {
            reg = region(ex, levels, z, t);
        } catch (HttpError e) {
            image(s, id);   // the same 404 as for a missing image, before anything about its levels
            throw e;
        }
        if (tiles == null) {
            return encode(orNotFound(image.id(), () -> r.render(image, reg, q.settings()::apply)), q);
        }
        // the visibility check and the settings as stored, then the kept tile for exactly those settings
        RenderingSettings settings = orNotFound(image.id(), () -> q.settings().apply(r.settings(image)));
        Tile key = new Tile(image.id(), reg, q.format(), q.quality(), settings);
        Reply cached = tiles.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        Reply reply = encode(orNotFound(image.id(), () -> r.render(image, reg, settings)), q);
        tiles.put(key, reply);
        return reply;
    }

    /**
     * What an encoded tile is found again by: the image (whose pixels never change after import), the rectangle and
     * plane, the encoding, and the exact settings the request's own read produced (a record, compared by value; a
     * saved change has a new version).
     */
    private record Tile(long imageId, Region region, String format, java.util.OptionalDouble quality,
                        RenderingSettings settings) {
    }

    /** The rectangle a {@code tile=} or {@code region=} parameter names at one of {@code levels}. */
    private Region region(Exchange ex, List<Rendering.Level> levels, String z, String t) {
        int level = 0;
        long x;
        long y;
        long w;
        long h;
        if (ex.query("tile").isPresent()) {
            String tile = ex.query("tile").get();
            long[] v = longs(tile, "tile");
            if (v.length < 3) {
                throw HttpError.badRequest("malformed tile argument, tile=" + tile);
            }
            if (v[0] < 0) {
                throw HttpError.badRequest("Invalid resolution level " + v[0] + " < 0");
            }
            if (levels.size() == 1 && v[0] > 0) {
                throw HttpError.badRequest("Invalid resolution level " + v[0] + ", non pyramid file");
            }
            if (v[0] > levels.size() - 1) {
                throw HttpError.badRequest("Invalid resolution level, " + v[0]
                        + " > number of available levels " + (levels.size() - 1));
            }
            level = (int) v[0];
            Rendering.Level l = levels.get(level);
            w = l.tileWidth();
            h = l.tileHeight();
            if (v.length > 4) {
                w = v[3] <= 0 ? w : Math.min(v[3], maxTileLength);
                h = v[4] <= 0 ? h : Math.min(v[4], maxTileLength);
            }
            x = v[1] * w;
            y = v[2] * h;
        } else if (ex.query("region").isPresent()) {
            String region = ex.query("region").get();
            long[] v = longs(region, "region");
            if (v.length < 4) {
                throw HttpError.badRequest("malformed region argument, region=" + region);
            }
            x = v[0];
            y = v[1];
            w = v[2];
            h = v[3];
        } else {
            throw HttpError.badRequest("tile or region argument required");
        }
        Rendering.Level l = levels.get(level);
        if (x < 0 || y < 0 || w <= 0 || h <= 0 || x >= l.sizeX() || y >= l.sizeY()) {
            throw HttpError.badRequest("region x=" + x + " y=" + y + " w=" + w + " h=" + h
                    + " is outside the image's " + l.sizeX() + "x" + l.sizeY() + " at level " + level);
        }
        w = Math.min(w, l.sizeX() - x);
        h = Math.min(h, l.sizeY() - y);
        return new Region(level, (int) Exchange.parseId("z", z), (int) Exchange.parseId("t", t), (int) x,
                (int) y, (int) w, (int) h);
    }

    private static long[] longs(String csv, String name) {
        String[] parts = csv.split(",");
        long[] v = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Long.parseLong(parts[i].trim());
            } catch (NumberFormatException e) {
                throw HttpError.badRequest("malformed " + name + " argument, " + name + "=" + csv);
            }
        }
        return v;
    }

    private static Reply encode(RenderedImage rendered, RenderQuery q) {
        return switch (q.format()) {
            case "png" -> Reply.bytes("image/png", ImageEncoder.png(rendered));
            case "tif", "tiff" -> Reply.bytes("image/tiff", ImageEncoder.tiff(rendered));
            default -> Reply.bytes("image/jpeg", q.quality().isPresent()
                    ? ImageEncoder.jpeg(rendered, (float) q.quality().getAsDouble()) : ImageEncoder.jpeg(rendered));
        };
    }

    /** OMERO.web's {@code imageMarshal}: what a viewer needs to show the image. */
    private Reply imgData(Exchange ex, String id) {
        Session s = ex.caller().session();
        return Reply.json(imgData(s, image(s, id)));
    }

    /** The {@code imgData} JSON of a visible image (the viewer page embeds it). */
    static Map<String, Object> imgData(Session s, Image image) {
        Pixels px;
        List<Rendering.Level> levels;
        RenderingSettings settings;
        try {
            px = s.images().primaryPixels(image);
            levels = s.rendering().levels(image);
            settings = s.rendering().settings(image);
        } catch (NotFoundException noPixels) {
            throw HttpError.notFound("Image", image.id());
        }
        List<Channel> channels = s.images().channels(image);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", image.id());
        Map<String, Object> meta = Json.object("imageName", image.name(),
                "imageDescription", image.description().orElse(""), "imageId", image.id(),
                "pixelsType", px.pixelsType().omeroName());
        image.acquisitionDate().ifPresent(d -> meta.put("imageTimestamp", d.getEpochSecond()));
        m.put("meta", meta);
        boolean tiled = levels.size() > 1;
        m.put("tiles", tiled);
        if (tiled) {
            Rendering.Level full = levels.get(0);
            m.put("tile_size", Json.object("width", full.tileWidth(), "height", full.tileHeight()));
            m.put("levels", levels.size());
            Map<String, Object> scaling = new LinkedHashMap<>();
            for (Rendering.Level l : levels) {
                scaling.put(Integer.toString(l.index()), (double) l.sizeX() / full.sizeX());
            }
            m.put("zoomLevelScaling", scaling);
        }
        m.put("interpolate", true);
        m.put("size", Json.object("width", px.sizeX(), "height", px.sizeY(), "z", px.sizeZ(), "t", px.sizeT(),
                "c", px.sizeC()));
        m.put("pixel_size", Json.object(
                "x", px.physicalSizeX().map(l -> l.to(UnitsLength.MICROMETER).value()).orElse(null),
                "y", px.physicalSizeY().map(l -> l.to(UnitsLength.MICROMETER).value()).orElse(null),
                "z", px.physicalSizeZ().map(l -> l.to(UnitsLength.MICROMETER).value()).orElse(null)));
        double[] range = ChannelSettings.typeRange(px.pixelsType());
        m.put("pixel_range", px.pixelsType() == PixelType.FLOAT || px.pixelsType() == PixelType.DOUBLE
                ? List.of(range[0], range[1]) : List.of((long) range[0], (long) range[1]));
        List<Map<String, Object>> chs = new ArrayList<>();
        for (int c = 0; c < settings.channels().size(); c++) {
            ChannelSettings cs = settings.channels().get(c);
            Channel ch = c < channels.size() ? channels.get(c) : null;
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("emissionWave", ch == null ? null : ch.logicalChannel().emissionWave()
                    .map(l -> l.to(UnitsLength.NANOMETER).value()).orElse(null));
            String label = ch == null ? null : ch.logicalChannel().name().orElse(null);
            cm.put("label", label != null ? label : Integer.toString(c));
            cm.put("color", cs.lookupTable().map(lut -> lut.name()).orElse(String.format("%02X%02X%02X",
                    cs.color().red(), cs.color().green(), cs.color().blue())));
            cm.put("inverted", cs.reverse());
            cm.put("reverseIntensity", cs.reverse());
            cm.put("family", cs.family().omeroName());
            cm.put("coefficient", cs.coefficient());
            cm.put("window", Json.object("min", cs.extentMin(), "max", cs.extentMax(), "start", cs.windowStart(),
                    "end", cs.windowEnd()));
            cm.put("active", cs.active());
            chs.add(cm);
        }
        m.put("channels", chs);
        m.put("rdefs", Json.object("model", settings.model() == RenderingSettings.Model.GREYSCALE ? "greyscale"
                : "color", "projection", "normal", "defaultZ", settings.defaultZ(), "defaultT", settings.defaultT(),
                "invertAxis", false));
        return m;
    }

    /**
     * The image's original files: one file as itself, several as a zip, as OMERO.web's
     * {@code archived_files}; 403 when {@code omero.policy.binary_access} restricts the download.
     */
    private Reply download(Exchange ex, String id) throws IOException {
        Session s = ex.caller().session();
        Image image = image(s, id);
        List<OriginalFile> files = s.images().originalFiles(image);
        if (files.isEmpty()) {
            throw HttpError.notFound("Image", image.id());
        }
        try {
            if (files.size() == 1) {
                OriginalFile f = files.get(0);
                byte[] body;
                try (InputStream in = s.images().download(f)) {
                    body = in.readAllBytes();
                }
                return Reply.bytes("application/octet-stream", body).withHeader("Content-Disposition",
                        "attachment; filename=\"" + safeName(f.name()) + "\"");
            }
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(zip)) {
                for (OriginalFile f : files) {
                    z.putNextEntry(new ZipEntry(f.name()));
                    try (InputStream in = s.images().download(f)) {
                        in.transferTo(z);
                    }
                    z.closeEntry();
                }
            }
            return Reply.bytes("application/zip", zip.toByteArray()).withHeader("Content-Disposition",
                    "attachment; filename=\"" + safeName(image.name()) + ".zip\"");
        } catch (SecurityViolation restricted) {
            throw HttpError.forbidden("Download of Image " + image.id() + " is restricted");
        }
    }

    /** A file name fit for a quoted header value. */
    private static String safeName(String name) {
        return name.replaceAll("[\"\\\\\\r\\n]", "_");
    }
}
