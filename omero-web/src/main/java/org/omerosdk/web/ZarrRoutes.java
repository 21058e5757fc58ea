package org.omerosdk.web;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.UnitsLength;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.RenderingSettings;
import org.omerosdk.render.codec.zarr.Compression;
import org.omerosdk.render.codec.zarr.ZarrArray;
import org.omerosdk.render.pyramid.PyramidBuilder;
import org.omerosdk.render.pyramid.PyramidMetadata;
import org.omerosdk.sdk.Session;

/**
 * OME-Zarr over HTTP: {@code zarr/{imageId}.zarr/} is the image as an OME-NGFF 0.4 multiscale image (Zarr v2), one
 * array per resolution level the SDK reads the image at, so that any NGFF viewer (vizarr, napari-ome-zarr,
 * neuroglancer, a zarrita script) opens it by URL. Documents and chunks are made on request from
 * {@code session.images().pixels(image)}: nothing is copied or converted ahead of time, and the pixels are those the
 * SDK itself reads.
 *
 * <p>Chunks are uncompressed little-endian, one plane tile each ({@code [1, 1, 1, h, w]}, the level's tile size
 * when it is a sensible chunk, else 512), keyed with {@code /} as NGFF 0.4 recommends; {@code .}-separated keys
 * are answered too. An image the caller may not see answers 404 exactly as a missing one; pixels that
 * {@code omero.policy.binary_access} restricts answer 403. Every answer carries CORS headers allowing any origin
 * without credentials: a page of another site reads what the public user may read, never a logged-in user's images
 * (browsers send no SameSite cookie cross-site, and refuse a credentialed answer with {@code *}). Single byte ranges
 * ({@code Range: bytes=a-b}) answer 206.
 */
final class ZarrRoutes {
    static final String PREFIX = "/zarr/";
    static final int MIN_CHUNK = 64;
    static final int MAX_CHUNK = 1024;
    static final int FALLBACK_CHUNK = 512;

    /** The headers of every answer below {@link #PREFIX}, refusals included (so a reader sees the status). */
    static final Map<String, List<String>> CORS = Map.of(
            "Access-Control-Allow-Origin", List.of("*"),
            "Access-Control-Expose-Headers", List.of("Content-Length, Content-Range, Accept-Ranges"));

    private static final Pattern CHUNK = Pattern.compile("(\\d+)/(\\d+)[/.](\\d+)[/.](\\d+)[/.](\\d+)[/.](\\d+)");
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    List<Route> routes() {
        return List.of(
                Route.get("/zarr/(\\d+)\\.zarr/(.*)", Route.Access.LOGIN, (ex, g) -> serve(ex, g.get(0), g.get(1))),
                new Route("OPTIONS", Pattern.compile("/zarr/\\d+\\.zarr/.*"), Route.Access.ANYONE, (ex, g) -> preflight()));
    }

    /** A CORS preflight: GET and HEAD from any origin, with the headers readers send (Range). */
    private static Reply preflight() {
        return new Reply(204, "text/plain", Map.of(
                "Access-Control-Allow-Methods", List.of("GET, HEAD, OPTIONS"),
                "Access-Control-Allow-Headers", List.of("Range, Content-Type, Accept"),
                "Access-Control-Max-Age", List.of("86400")), new byte[0]);
    }

    private Reply serve(Exchange ex, String id, String key) {
        Session s = ex.caller().session();
        long iid = Exchange.parseId("image id", id);
        Image image;
        try {
            image = s.images().get(iid);
        } catch (NotFoundException e) {
            throw HttpError.notFound("Image", iid);
        }
        try (PixelSource px = s.images().pixels(image)) {
            Reply reply;
            if (key.equals(".zgroup")) {
                reply = Reply.text(200, Reply.JSON, "{\"zarr_format\":2}");
            } else if (key.equals(".zattrs")) {
                reply = Reply.text(200, Reply.JSON, attributes(s, image, px));
            } else if (key.matches("\\d+/\\.zarray")) {
                int level = level(px, key.substring(0, key.indexOf('/')));
                reply = Reply.text(200, Reply.JSON, array(px, level).toJson());
            } else {
                Matcher m = CHUNK.matcher(key);
                if (!m.matches()) {
                    throw HttpError.notFound();
                }
                reply = Reply.bytes("application/octet-stream", chunk(px, m));
            }
            return ranged(ex, reply);
        } catch (NotFoundException noPixels) {
            throw HttpError.notFound("Image", iid);
        }
    }

    /** A run of digits as a number; one too long for any index as Long.MAX_VALUE (then not found). */
    private static long index(String digits) {
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private static int level(PixelSource px, String digits) {
        long l = index(digits);
        if (l >= px.levelCount()) {
            throw HttpError.notFound();
        }
        return (int) l;
    }

    /** The chunk size of a level: its tile size when that is a fair chunk, else 512; never more than the level. */
    private static int chunkSide(int tile, int size) {
        int side = tile >= MIN_CHUNK && tile <= MAX_CHUNK ? tile : FALLBACK_CHUNK;
        return Math.min(side, size);
    }

    static ZarrArray array(PixelSource px, int level) {
        int w = px.sizeX(level);
        int h = px.sizeY(level);
        return new ZarrArray(new int[] {px.sizeT(), px.sizeC(), px.sizeZ(), h, w},
                new int[] {1, 1, 1, chunkSide(px.tileHeight(level), h), chunkSide(px.tileWidth(level), w)},
                px.pixelType(), ByteOrder.LITTLE_ENDIAN, Compression.NONE, 0, "/");
    }

    /** Chunk (t, c, z, cy, cx) of a level at its full chunk size, the part past the image's edge 0 (the fill value). */
    private static byte[] chunk(PixelSource px, Matcher m) {
        int level = level(px, m.group(1));
        ZarrArray a = array(px, level);
        long t = index(m.group(2));
        long c = index(m.group(3));
        long z = index(m.group(4));
        long cy = index(m.group(5));
        long cx = index(m.group(6));
        int cw = a.chunkX();
        int ch = a.chunkY();
        if (t >= px.sizeT() || c >= px.sizeC() || z >= px.sizeZ() || cy >= (a.sizeY() + ch - 1) / ch
                || cx >= (a.sizeX() + cw - 1) / cw) {
            throw HttpError.notFound();
        }
        int x0 = (int) cx * cw;
        int y0 = (int) cy * ch;
        int w = Math.min(cw, a.sizeX() - x0);
        int h = Math.min(ch, a.sizeY() - y0);
        int bpp = px.pixelType().bytesPerPixel();
        byte[] out = new byte[cw * ch * bpp];
        if (w == cw) {
            // a chunk as wide as the region: read straight into it
            px.readRegion(level, (int) z, (int) c, (int) t, x0, y0, w, h,
                    ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN));
        } else {
            ByteBuffer region = ByteBuffer.allocate(w * h * bpp).order(ByteOrder.LITTLE_ENDIAN);
            px.readRegion(level, (int) z, (int) c, (int) t, x0, y0, w, h, region);
            for (int row = 0; row < h; row++) {
                System.arraycopy(region.array(), row * w * bpp, out, row * cw * bpp, w * bpp);
            }
        }
        return out;
    }

    /** The multiscales of the image's levels with its physical sizes, and its rendering settings as {@code omero}. */
    private static String attributes(Session s, Image image, PixelSource px) {
        Pixels pixels = s.images().primaryPixels(image);
        List<Channel> channels = s.images().channels(image);
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < px.sizeC(); c++) {
            Channel ch = c < channels.size() ? channels.get(c) : null;
            labels.add(ch == null ? "Channel " + c : ch.logicalChannel().name().orElse("Channel " + c));
        }
        RenderingSettings settings = s.rendering().settings(image);
        PyramidMetadata meta = new PyramidMetadata(image.name(), micrometres(pixels.physicalSizeX()),
                micrometres(pixels.physicalSizeY()), micrometres(pixels.physicalSizeZ()), labels,
                Optional.of(settings));
        List<int[]> sizes = new ArrayList<>();
        for (int l = 0; l < px.levelCount(); l++) {
            sizes.add(new int[] {px.sizeX(l), px.sizeY(l)});
        }
        return PyramidBuilder.attributes(sizes, meta, false);
    }

    private static OptionalDouble micrometres(Optional<Length> l) {
        return l.map(v -> OptionalDouble.of(v.to(UnitsLength.MICROMETER).value())).orElse(OptionalDouble.empty());
    }

    /** {@code reply}, or the one byte range a {@code Range} header asks of it (206; 416 when it lies outside). */
    private static Reply ranged(Exchange ex, Reply reply) {
        Reply full = reply.withHeader("Accept-Ranges", "bytes");
        Optional<String> range = ex.header("Range");
        if (range.isEmpty()) {
            return full;
        }
        Matcher m = RANGE.matcher(range.get().trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return full;   // several ranges or another unit: RFC 9110 lets a server answer the whole
        }
        long length = reply.body().length;
        long first;
        long last;
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                first = Math.max(0, length - suffix);
                last = length - 1;
            } else {
                first = Long.parseLong(m.group(1));
                last = m.group(2).isEmpty() ? length - 1 : Math.min(Long.parseLong(m.group(2)), length - 1);
            }
        } catch (NumberFormatException tooLong) {
            first = Long.MAX_VALUE;
            last = -1;
        }
        if (first >= length || last < first) {
            return new Reply(416, "text/plain", Map.of("Content-Range", List.of("bytes */" + length)),
                    "Range not satisfiable".getBytes(StandardCharsets.UTF_8));
        }
        byte[] part = java.util.Arrays.copyOfRange(reply.body(), (int) first, (int) last + 1);
        return new Reply(206, reply.contentType(), Map.of("Content-Range",
                List.of("bytes " + first + "-" + last + "/" + length), "Accept-Ranges", List.of("bytes")), part);
    }
}
