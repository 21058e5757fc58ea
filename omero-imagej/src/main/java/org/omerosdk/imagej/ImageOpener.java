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
 * image's group), {@value #CHANNELS} (the channel names, comma-separated).
 */
public final class ImageOpener {
    /** The OMERO image id, the property OMERO's own ImageJ plugin sets too. */
    public static final String ID = "OMERO_ID";
    public static final String NAME = "OMERO_NAME";
    public static final String GROUP = "OMERO_GROUP";
    public static final String CHANNELS = "OMERO_CHANNELS";

    private final Session session;

    public ImageOpener(Session session) {
        this.session = session;
    }

    /**
     * @throws org.omerosdk.model.NotFoundException when the image does not exist, is not visible, or has no pixel data
     * @throws ValidationException when the image is too large for the memory this JVM has left
     */
    public ImagePlus open(long imageId) {
        return open(session.images().get(imageId));
    }

    public ImagePlus open(Image image) {
        Pixels px = session.images().primaryPixels(image);
        List<Channel> channels = session.images().channels(image);
        RenderingSettings settings = session.rendering().settings(image);
        List<String> names = channelNames(channels, px.sizeC());
        ImageStack stack;
        try (PixelSource source = session.images().pixels(image)) {
            int w = source.sizeX(0);
            int h = source.sizeY(0);
            long bytes = (long) w * h * (PlaneConversion.bitDepth(source.pixelType()) / 8) * source.sizeC()
                    * source.sizeZ() * source.sizeT();
            Runtime rt = Runtime.getRuntime();
            long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
            if (bytes > free) {
                throw new ValidationException(image + " needs " + bytes + " bytes in memory and " + free
                        + " are free; open it as a virtual stack");
            }
            stack = new ImageStack(w, h);
            for (int t = 0; t < source.sizeT(); t++) {
                for (int z = 0; z < source.sizeZ(); z++) {
                    for (int c = 0; c < source.sizeC(); c++) {
                        stack.addSlice(names.get(c), PlaneConversion.read(source, 0, z, c, t));
                    }
                }
            }
        }
        ImagePlus imp = new ImagePlus(image.name(), stack);
        imp.setDimensions(px.sizeC(), px.sizeZ(), px.sizeT());
        imp.setOpenAsHyperStack(true);
        ImagePlus shown = ChannelDisplay.apply(imp, settings);
        shown.setCalibration(calibration(px));
        shown.setProp(ID, image.id());
        shown.setProp(NAME, image.name());
        image.details().groupId().ifPresent(g -> shown.setProp(GROUP, g));
        shown.setProp(CHANNELS, String.join(",", names));
        return shown;
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
