package org.omerosdk.sdk;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.Optional;
import java.util.OptionalDouble;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.units.UnitsLength;
import org.omerosdk.render.ChannelStatistics;
import org.omerosdk.render.ImageEncoder;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.Projection;
import org.omerosdk.render.Region;
import org.omerosdk.render.RenderedImage;
import org.omerosdk.render.RenderingDefaults;
import org.omerosdk.render.RenderingSettings;

/**
 * Rendering images by id, as OMERO's rendering engine and BlitzGateway's {@code renderJpeg()} do: a plane or a region
 * at any resolution level, a Z projection, a thumbnail, each as packed ARGB or encoded as JPEG or PNG.
 *
 * <pre>{@code
 * byte[] jpeg = session.rendering().renderJpeg(image);             // the default plane, the settings OMERO would use
 * RenderedImage tile = session.rendering().render(image, new Region(1, 0, 0, 0, 0, 256, 256));
 * RenderedImage thumb = session.rendering().thumbnail(image, 128);
 * }</pre>
 *
 * <p>Without explicit settings, an image is shown with {@link #settings(Image) the settings OMERO would load}: the
 * caller's saved settings, else the image owner's, else the imported defaults (computed from the pixels as import
 * computes them). Every method that takes settings renders with those instead: that is how a viewer shows changes
 * before saving them, and how the public user, who never saves, changes the display. Save settings with
 * {@link Session#renderings()}.
 *
 * <p>Who may render: whoever may see the image; an image the caller may not see answers exactly as a missing one
 * ({@link NotFoundException}). {@code omero.policy.binary_access} does not apply: as in OMERO, it restricts
 * downloading raw pixels and files ({@link Images#pixels}, {@link Images#download}), not rendered views, so images
 * in wells render under OMERO's default policy as they do in OMERO.web.
 *
 * <p>Rendering goes through {@link org.omerosdk.render.Renderer#render(PixelSource, RenderingSettings, Region, int[])}
 * with the renderer this SDK instance shares: the region is read in bands into buffers reused per thread, so a
 * render allocates little besides its output (pass {@code out} to reuse that too). Thumbnails are cached in memory
 * by image, size and the value of the settings used, so a change of those settings, by whoever made them, gives a
 * new thumbnail on the next call. Thread-safe.
 */
public final class Rendering {
    private final Session session;

    Rendering(Session session) {
        this.session = session;
    }

    /** One resolution level of an image: its size and the tile size reads are cheapest at. */
    public record Level(int index, int sizeX, int sizeY, int tileWidth, int tileHeight) {
    }

    /** The resolution levels of {@code image}, full resolution first. */
    public List<Level> levels(Image image) {
        try (PixelSource s = source(image)) {
            List<Level> out = new ArrayList<>();
            for (int l = 0; l < s.levelCount(); l++) {
                out.add(new Level(l, s.sizeX(l), s.sizeY(l), s.tileWidth(l), s.tileHeight(l)));
            }
            return List.copyOf(out);
        }
    }

    /**
     * The settings OMERO would show {@code image} with for the caller: their own saved settings, else the image
     * owner's, else the imported defaults.
     *
     * @throws NotFoundException when the image does not exist, is not visible, or has no pixels
     */
    public RenderingSettings settings(Image image) {
        return settingsOf(session.read(q -> Renderings.shown(q, image)));
    }

    /** The settings of what {@link Renderings#shown} found: the saved ones, else the imported defaults. */
    private RenderingSettings settingsOf(Renderings.Shown shown) {
        return shown.saved().orElseGet(() -> imported(shown.image(), shown.pixels()));
    }

    /**
     * The settings import gives {@code image} ("Set Imported"): OMERO's defaults from its channels' colours and
     * emission wavelengths and each channel's minimum and maximum over every plane (read once, then kept).
     *
     * @throws NotFoundException as {@link #settings(Image)}
     */
    public RenderingSettings imported(Image image) {
        return imported(image, session.images().primaryPixels(image));
    }

    /** The imported defaults of {@code image}, visible with pixels {@code px} (both read by this call). */
    private RenderingSettings imported(Image image, Pixels px) {
        RenderingParts parts = session.sdk().rendering();
        return parts.imported.get(image.id(), id -> {
            List<Channel> channels = session.images().channels(image);
            ChannelStatistics stats;
            try (PixelSource s = session.images().renderableVisible(image)) {
                stats = ChannelStatistics.measure(s, ProgressListener.NONE);
            }
            List<RenderingDefaults.ChannelInfo> info = new ArrayList<>();
            for (int c = 0; c < px.sizeC(); c++) {
                Channel ch = c < channels.size() ? channels.get(c) : null;
                OptionalDouble emission = ch == null ? OptionalDouble.empty()
                        : ch.logicalChannel().emissionWave().map(l -> OptionalDouble.of(
                                l.to(UnitsLength.NANOMETER).value())).orElse(OptionalDouble.empty());
                info.add(new RenderingDefaults.ChannelInfo(ch == null ? Optional.empty() : ch.color(), emission,
                        stats.min(c), stats.max(c)));
            }
            return RenderingDefaults.of(px.pixelsType(), px.sizeZ(), info);
        });
    }

    /** The default plane (the settings' default Z and T) at full resolution, with {@link #settings(Image)}. */
    public RenderedImage render(Image image) {
        RenderingSettings s = settings(image);
        return render(image, s.defaultZ(), s.defaultT(), s);
    }

    /** Plane {@code (z, t)} at full resolution, with {@link #settings(Image)}. */
    public RenderedImage render(Image image, int z, int t) {
        return render(image, z, t, settings(image));
    }

    /** Plane {@code (z, t)} at full resolution, with {@code settings}. */
    public RenderedImage render(Image image, int z, int t, RenderingSettings settings) {
        try (PixelSource s = source(image)) {
            return session.sdk().rendering().renderer.render(s, settings, Region.plane(s, 0, z, t));
        }
    }

    /**
     * {@code region} (any level, plane and rectangle), with {@link #settings(Image)}.
     *
     * @throws ValidationException when the region lies outside the image or needs more memory than
     *                             {@code omero.sdk.pixeldata.max_bytes}
     */
    public RenderedImage render(Image image, Region region) {
        return render(image, region, UnaryOperator.identity());
    }

    /**
     * {@code region} with {@link #settings(Image)} changed by {@code edit} (a viewer's or URL's display choices:
     * channels on and off, windows, colours), in one read of the database: the path of a tile server. {@code image}
     * may be an id-only reference ({@code IObject.reference(Image.class, id)}).
     *
     * @throws NotFoundException   when the image does not exist, is not visible, or has no pixels
     * @throws ValidationException as {@link #render(Image, Region)}
     */
    public RenderedImage render(Image image, Region region, UnaryOperator<RenderingSettings> edit) {
        Renderings.Shown shown = session.read(q -> Renderings.shown(q, image));
        RenderingSettings settings = edit.apply(settingsOf(shown));
        try (PixelSource s = session.images().renderableVisible(shown.image())) {
            return session.sdk().rendering().renderer.render(s, settings, region);
        }
    }

    /**
     * {@code region} with {@code settings} (for example settings being edited, or another user's).
     *
     * @throws ValidationException as {@link #render(Image, Region)}, and when the settings have another number of
     *                             channels than the image
     */
    public RenderedImage render(Image image, Region region, RenderingSettings settings) {
        try (PixelSource s = source(image)) {
            return session.sdk().rendering().renderer.render(s, settings, region);
        }
    }

    /**
     * {@code region} with {@code settings} into {@code out} (at least {@code region.pixelCount()} ints, row-major),
     * returned wrapped: a viewer that reuses {@code out} renders tile after tile without allocating pixels.
     */
    public RenderedImage render(Image image, Region region, RenderingSettings settings, int[] out) {
        try (PixelSource s = source(image)) {
            return session.sdk().rendering().renderer.render(s, settings, region, out);
        }
    }

    /**
     * The projection of sections {@code startZ..endZ} (inclusive) at time {@code t}, every active channel projected
     * with {@code algorithm} and then rendered with {@link #settings(Image)}, as OMERO's
     * {@code renderProjectedCompressed} (full resolution, in the image's pixel type; see
     * {@link org.omerosdk.render.Projector} for the two OMERO defects fixed).
     *
     * @throws ValidationException for a range outside the image, or a stack above
     *                             {@code omero.pixeldata.max_projection_bytes}
     */
    public RenderedImage project(Image image, Projection algorithm, int startZ, int endZ, int t) {
        return project(image, algorithm, startZ, endZ, t, settings(image));
    }

    /** As {@link #project(Image, Projection, int, int, int)}, rendered with {@code settings}. */
    public RenderedImage project(Image image, Projection algorithm, int startZ, int endZ, int t,
                                 RenderingSettings settings) {
        RenderingParts parts = session.sdk().rendering();
        try (PixelSource s = source(image)) {
            if (settings.channels().size() != s.sizeC()) {
                throw new ValidationException("rendering settings have " + settings.channels().size()
                        + " channels; Image:" + image.id() + " has " + s.sizeC());
            }
            if (t < 0 || t >= s.sizeT()) {
                throw new ValidationException("timepoint " + t + " is not inside 0.." + (s.sizeT() - 1));
            }
            PixelSource[] projected = new PixelSource[s.sizeC()];
            for (int c : settings.activeChannels()) {
                projected[c] = parts.projector.project(s, algorithm, c, t, startZ, endZ, 1);
            }
            PixelSource planes = new Projected(s.pixelType(), s.sizeX(0), s.sizeY(0), projected);
            return parts.renderer.render(planes, settings.withDefaultPlane(0, 0), Region.plane(planes, 0, 0, 0));
        }
    }

    /**
     * The thumbnail of the default size ({@code omero.client.browser.thumb_default_size}, 96): the default plane with
     * {@link #settings(Image)}, scaled so that its longest side is that size.
     */
    public RenderedImage thumbnail(Image image) {
        return thumbnail(image, session.sdk().rendering().thumbnails.defaultSize());
    }

    /**
     * The thumbnail whose longest side is {@code longestSide} (1..4096), with {@link #settings(Image)}; cached.
     *
     * @throws ValidationException for a size outside 1..4096
     */
    public RenderedImage thumbnail(Image image, int longestSide) {
        Renderings.Shown shown = session.read(q -> Renderings.shown(q, image));
        return thumbnailOf(shown.image(), longestSide, settingsOf(shown));
    }

    /** The thumbnail whose longest side is {@code longestSide}, with {@code settings}; cached by their value. */
    public RenderedImage thumbnail(Image image, int longestSide, RenderingSettings settings) {
        return thumbnailOf(session.images().get(image.id()), longestSide, settings);
    }

    /** The thumbnail of an image this call has just found visible ({@code visible}, as stored). */
    private RenderedImage thumbnailOf(Image visible, int longestSide, RenderingSettings settings) {
        return session.sdk().rendering().thumbnails.thumbnail(visible.id(),
                () -> session.images().renderableVisible(visible), settings, longestSide);
    }

    /** The default plane as JPEG (quality 0.85), like BlitzGateway's {@code image.renderJpeg()}. */
    public byte[] renderJpeg(Image image) {
        return ImageEncoder.jpeg(render(image));
    }

    /** Plane {@code (z, t)} as JPEG (quality 0.85). */
    public byte[] renderJpeg(Image image, int z, int t) {
        return ImageEncoder.jpeg(render(image, z, t));
    }

    /** {@code region} as JPEG (quality 0.85). */
    public byte[] renderJpeg(Image image, Region region) {
        return ImageEncoder.jpeg(render(image, region));
    }

    /** The default plane as PNG. */
    public byte[] renderPng(Image image) {
        return ImageEncoder.png(render(image));
    }

    /** Plane {@code (z, t)} as PNG. */
    public byte[] renderPng(Image image, int z, int t) {
        return ImageEncoder.png(render(image, z, t));
    }

    /** {@code region} as PNG. */
    public byte[] renderPng(Image image, Region region) {
        return ImageEncoder.png(render(image, region));
    }

    /** The thumbnail of the default size as JPEG (quality 0.85), as OMERO stores and serves thumbnails. */
    public byte[] thumbnailJpeg(Image image) {
        return ImageEncoder.jpeg(thumbnail(image));
    }

    /** The thumbnail whose longest side is {@code longestSide} as JPEG (quality 0.85). */
    public byte[] thumbnailJpeg(Image image, int longestSide) {
        return ImageEncoder.jpeg(thumbnail(image, longestSide));
    }

    /** Forgets the cached thumbnails of {@code image} (settings operations call this for the images they change). */
    static void invalidate(Session session, long imageId) {
        session.sdk().rendering().thumbnails.invalidate(imageId);
    }

    private PixelSource source(Image image) {
        return session.images().renderable(image);
    }

    /** One projected plane per active channel (inactive channels are never read) as a one-plane source. */
    private static final class Projected implements PixelSource {
        private final PixelType type;
        private final int w;
        private final int h;
        private final PixelSource[] channels;

        Projected(PixelType type, int w, int h, PixelSource[] channels) {
            this.type = type;
            this.w = w;
            this.h = h;
            this.channels = channels;
        }

        @Override
        public PixelType pixelType() {
            return type;
        }

        @Override
        public int sizeZ() {
            return 1;
        }

        @Override
        public int sizeC() {
            return channels.length;
        }

        @Override
        public int sizeT() {
            return 1;
        }

        @Override
        public int sizeX(int level) {
            return w;
        }

        @Override
        public int sizeY(int level) {
            return h;
        }

        @Override
        public boolean cheapRegionReads() {
            return true;
        }

        @Override
        public void readRegion(int level, int z, int c, int t, int x, int y, int rw, int rh, ByteBuffer dst) {
            if (c < 0 || c >= channels.length || channels[c] == null) {
                throw new ValidationException("channel " + c + " was not projected (it is not active)");
            }
            channels[c].readRegion(level, z, 0, t, x, y, rw, rh, dst);
        }
    }
}
