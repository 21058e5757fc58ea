package org.omerosdk.imagej;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import java.util.ArrayList;
import java.util.List;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.UnitsLength;
import org.omerosdk.model.units.UnitsTime;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.RenderingSettings;
import org.omerosdk.sdk.Session;

/**
 * Opens OMERO images as ImageJ hyperstacks, in one session's context (so only images that session may see): planes in
 * ImageJ's XYCZT order, the calibration from the pixels' physical sizes and time increment, a LUT and display range
 * per channel from the rendering settings the session would show ({@code session.rendering().settings}: its own, else
 * the owner's, else the imported defaults),
 * the channel names as slice labels, and the image's name as title.
 *
 * <p>Properties set on every opened image: {@value #ID} (the image id), {@value #NAME}, {@value #GROUP} (the id of the
 * image's group), {@value #CHANNELS} (the channel names, comma-separated), {@value #LEVEL} (the pyramid level).
 *
 * <p>Images too large for memory open as an {@link OmeroVirtualStack}, read plane by plane from a pyramid level.
 * What is too large is decided on the JVM's maximum heap ({@code -Xmx}, {@link Runtime#maxMemory()}, fixed for the
 * JVM's life), never on the memory free at that moment, so the same image opens the same way every time: in memory
 * when all its planes take at most a quarter of the heap ({@link #IN_MEMORY_FRACTION}); else virtual, from the
 * largest pyramid level whose plane takes at most an eighth of it ({@link #PLANE_FRACTION}), with a plane cache of
 * at most an eighth of it and 256 MiB ({@link #CACHE_FRACTION}, {@link #DEFAULT_CACHE_BYTES}).
 */
public final class ImageOpener {
    /** The OMERO image id, the property OMERO's own ImageJ plugin sets too. */
    public static final String ID = "OMERO_ID";
    public static final String NAME = "OMERO_NAME";
    public static final String GROUP = "OMERO_GROUP";
    public static final String CHANNELS = "OMERO_CHANNELS";
    /** The pyramid level the planes come from (0: full resolution). */
    public static final String LEVEL = "OMERO_LEVEL";
    /** The most a virtual stack's plane cache holds (less with a small heap): 256 MiB. */
    static final long DEFAULT_CACHE_BYTES = 256L << 20;
    /** An image opens in memory when all its planes take at most this share of the maximum heap. */
    public static final double IN_MEMORY_FRACTION = 0.25;
    /** A virtual stack reads the largest pyramid level whose plane takes at most this share of the maximum heap. */
    public static final double PLANE_FRACTION = 0.125;
    /** A virtual stack's plane cache takes at most this share of the maximum heap (and 256 MiB). */
    public static final double CACHE_FRACTION = 0.125;

    private final Session session;
    private final long maxHeap;

    public ImageOpener(Session session) {
        this(session, Runtime.getRuntime().maxMemory());
    }

    /** An opener deciding as if the maximum heap were {@code maxHeap} bytes (tests; hosts that share their heap). */
    ImageOpener(Session session, long maxHeap) {
        this.session = session;
        this.maxHeap = maxHeap;
    }

    /**
     * Opens image {@code imageId}: in memory when all its planes take at most {@link #IN_MEMORY_FRACTION} of the
     * maximum heap, else as a virtual stack ({@link #openVirtual(Image)}).
     *
     * @throws org.omerosdk.model.NotFoundException when the image does not exist, is not visible, or has no pixel data
     */
    public ImagePlus open(long imageId) {
        return open(session.images().get(imageId));
    }

    public ImagePlus open(Image image) {
        PixelSource source = session.images().pixels(image);
        try {
            long bytes = planeCount(source) * OmeroVirtualStack.planeBytes(source, 0);
            if (bytes > (long) (maxHeap * IN_MEMORY_FRACTION)) {
                return virtual(image, source, levelThatFits(source, maxHeap));
            }
            try (source) {
                return inMemory(image, source);
            }
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /**
     * Opens {@code image} as a virtual stack at the largest pyramid level whose planes fit (full resolution unless a
     * plane is over ImageJ's 2<sup>31</sup> pixels or {@link #PLANE_FRACTION} of the maximum heap).
     */
    public ImagePlus openVirtual(Image image) {
        PixelSource source = session.images().pixels(image);
        try {
            return virtual(image, source, levelThatFits(source, maxHeap));
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /**
     * Opens {@code image} as a virtual stack read from pyramid level {@code level} (0 is full resolution; see
     * {@code session.rendering().levels(image)}), calibrated for that level's pixel size.
     *
     * @throws ValidationException when the image has no such level
     */
    public ImagePlus openVirtual(Image image, int level) {
        PixelSource source = session.images().pixels(image);
        try {
            if (level < 0 || level >= source.levelCount()) {
                throw new ValidationException(image + " has pyramid levels 0.." + (source.levelCount() - 1)
                        + "; there is no level " + level);
            }
            return virtual(image, source, level);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    private ImagePlus inMemory(Image image, PixelSource source) {
        Pixels px = session.images().primaryPixels(image);
        List<String> names = channelNames(session.images().channels(image), px.sizeC());
        ImageStack stack = new ImageStack(source.sizeX(0), source.sizeY(0));
        for (int t = 0; t < source.sizeT(); t++) {
            for (int z = 0; z < source.sizeZ(); z++) {
                for (int c = 0; c < source.sizeC(); c++) {
                    stack.addSlice(names.get(c), PlaneConversion.read(source, 0, z, c, t));
                }
            }
        }
        return finish(image, px, names, stack, source, 0);
    }

    private ImagePlus virtual(Image image, PixelSource source, int level) {
        Pixels px = session.images().primaryPixels(image);
        List<String> names = channelNames(session.images().channels(image), px.sizeC());
        long cache = Math.min(DEFAULT_CACHE_BYTES, (long) (maxHeap * CACHE_FRACTION));
        OmeroVirtualStack stack = new OmeroVirtualStack(source, level, names, cache);
        ImagePlus imp = finish(image, px, names, stack, source, level);
        stack.closeWith(imp);
        return imp;
    }

    private ImagePlus finish(Image image, Pixels px, List<String> names, ImageStack stack, PixelSource source,
                             int level) {
        RenderingSettings settings = session.rendering().settings(image);
        ImagePlus imp = new ImagePlus(image.name(), stack);
        imp.setDimensions(px.sizeC(), px.sizeZ(), px.sizeT());
        imp.setOpenAsHyperStack(true);
        ImagePlus shown = ChannelDisplay.apply(imp, settings);
        Calibration cal = calibration(px);
        cal.pixelWidth *= (double) source.sizeX(0) / source.sizeX(level);
        cal.pixelHeight *= (double) source.sizeY(0) / source.sizeY(level);
        shown.setCalibration(cal);
        shown.setProp(ID, image.id());
        shown.setProp(NAME, image.name());
        image.details().groupId().ifPresent(g -> shown.setProp(GROUP, g));
        shown.setProp(CHANNELS, String.join(",", names));
        shown.setProp(LEVEL, level);
        return shown;
    }

    /**
     * The first (largest) level whose plane ImageJ can hold and that takes at most {@link #PLANE_FRACTION} of
     * {@code maxHeap}.
     *
     * @throws ValidationException when no level is that small
     */
    static int levelThatFits(PixelSource source, long maxHeap) {
        long budget = (long) (maxHeap * PLANE_FRACTION);
        for (int l = 0; l < source.levelCount(); l++) {
            long pixels = (long) source.sizeX(l) * source.sizeY(l);
            if (pixels < Integer.MAX_VALUE && OmeroVirtualStack.planeBytes(source, l) <= budget) {
                return l;
            }
        }
        throw new ValidationException("no pyramid level of " + source.sizeX(0) + "x" + source.sizeY(0)
                + " has planes of at most " + budget + " bytes (an eighth of the " + maxHeap + "-byte maximum heap; "
                + "the smallest is " + OmeroVirtualStack.planeBytes(source, source.levelCount() - 1) + "): give "
                + "ImageJ more memory (Edit › Options › Memory & Threads)");
    }

    private static long planeCount(PixelSource s) {
        return (long) s.sizeC() * s.sizeZ() * s.sizeT();
    }

    /** The channel names, OMERO's logical channel names, else their indices (0-based, as OMERO shows them). */
    static List<String> channelNames(List<Channel> channels, int sizeC) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < sizeC; c++) {
            String fallback = String.valueOf(c);
            names.add(c < channels.size() ? channels.get(c).logicalChannel().name().orElse(fallback) : fallback);
        }
        return names;
    }

    /** X, Y and Z in X's unit (ImageJ has one unit for all three in most of its tools); the frame interval. */
    static Calibration calibration(Pixels px) {
        Calibration cal = new Calibration();
        px.physicalSizeX().filter(l -> l.unit().isPhysical()).ifPresent(x -> {
            UnitsLength unit = x.unit();
            cal.pixelWidth = x.value();
            cal.pixelHeight = px.physicalSizeY().filter(l -> l.unit().isPhysical()).map(l -> l.to(unit).value())
                    .orElse(x.value());
            px.physicalSizeZ().filter(l -> l.unit().isPhysical()).map((Length l) -> l.to(unit).value())
                    .ifPresent(z -> cal.pixelDepth = z);
            cal.setUnit(unit.symbol());
        });
        px.timeIncrement().ifPresent(t -> {
            cal.frameInterval = t.value();
            cal.setTimeUnit(t.unit() == UnitsTime.SECOND ? "sec" : t.unit().symbol());
        });
        return cal;
    }
}
