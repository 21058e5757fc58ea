package org.omerosdk.imagej;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.plugin.RoiScaler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.roi.Shape;
import org.omerosdk.sdk.Session;

/**
 * ROIs between an image opened from the repository and its ImageJ overlay. OMERO ROIs hold shapes in full-resolution
 * pixel coordinates; an image opened from a pyramid level shows them scaled to that level, and saving scales back.
 * Every ImageJ ROI carries the OMERO ROI it belongs to ({@link ShapeConversion#ROI_ID}), so the shapes of one OMERO
 * ROI travel together.
 */
final class RoiTransfer {
    private final Session session;

    RoiTransfer(Session session) {
        this.session = session;
    }

    /** The image {@code imp} was opened from (its {@code OMERO_ID} property), as the session sees it now. */
    Image imageOf(ImagePlus imp) {
        Object id = imp.getProp(ImageOpener.ID);
        if (id == null) {
            throw new ValidationException("\"" + imp.getTitle() + "\" was not opened from an OMERO repository (it "
                    + "has no " + ImageOpener.ID + " property)");
        }
        return session.images().get(Long.parseLong(id.toString()));
    }

    /**
     * Replaces the overlay's ROIs that came from OMERO with the image's ROIs the session may see, keeping ROIs drawn
     * in ImageJ and not saved yet; returns the number of ImageJ ROIs added.
     */
    int load(ImagePlus imp) {
        Image image = imageOf(imp);
        double scale = scale(imp, image);
        Overlay overlay = imp.getOverlay() == null ? new Overlay() : imp.getOverlay();
        for (Roi r : overlay.toArray()) {
            if (r.getProperty(ShapeConversion.ROI_ID) != null) {
                overlay.remove(r);
            }
        }
        int added = 0;
        for (org.omerosdk.model.roi.Roi roi : session.rois().on(image)) {
            for (Shape shape : session.rois().shapes(roi)) {
                Roi r = ShapeConversion.toImageJ(shape);
                if (scale != 1) {
                    r = scaled(r, 1 / scale);
                }
                r.setProperty(ShapeConversion.ROI_ID, String.valueOf(roi.id()));
                if (r.getName() == null) {
                    roi.name().ifPresent(r::setName);
                }
                overlay.add(r);
                added++;
            }
        }
        imp.setOverlay(overlay);
        return added;
    }

    /**
     * Saves the overlay's ROIs on the image: ROIs drawn in ImageJ become new OMERO ROIs (one per ImageJ ROI); ROIs
     * loaded from OMERO are saved as new ROIs grouped as they were when {@code replace} is false, and replace the
     * ROIs they came from when it is true (those are deleted first; deleting needs the right to, as in OMERO).
     *
     * @return the number of OMERO ROIs written
     * @throws ValidationException when the image has no overlay or an ImageJ ROI has no OMERO shape
     */
    int save(ImagePlus imp, boolean replace) {
        Image image = imageOf(imp);
        Overlay overlay = imp.getOverlay();
        if (overlay == null || overlay.size() == 0) {
            throw new ValidationException("\"" + imp.getTitle() + "\" has no ROIs in its overlay to save");
        }
        double scale = scale(imp, image);
        // converted first, so that an ROI without an OMERO shape refuses the save before anything is deleted
        Map<String, List<Shape>> groups = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        int fresh = 0;
        for (Roi r : overlay.toArray()) {
            Object from = r.getProperty(ShapeConversion.ROI_ID);
            String key = from != null ? "omero:" + from : "new:" + fresh++;
            Roi full = scale == 1 ? r : scaled(r, scale);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).addAll(ShapeConversion.toShapes(full,
                    Optional.of(imp)));
            names.putIfAbsent(key, r.getName() == null ? "" : r.getName());
        }
        if (replace) {
            for (org.omerosdk.model.roi.Roi old : session.rois().on(image)) {
                if (groups.containsKey("omero:" + old.id())) {
                    session.rois().delete(old);
                }
            }
        }
        List<Long> written = new ArrayList<>();
        for (Map.Entry<String, List<Shape>> g : groups.entrySet()) {
            written.add(session.rois().draw(image, names.get(g.getKey()), g.getValue()).id());
        }
        // every ROI of the overlay was stored: it now shows what was stored, with its ids
        overlay.clear();
        load(imp);
        return written.size();
    }

    /** Full-resolution pixels per pixel of {@code imp} (1 unless it shows a pyramid level). */
    private double scale(ImagePlus imp, Image image) {
        Object level = imp.getProp(ImageOpener.LEVEL);
        if (level == null || level.toString().equals("0")) {
            return 1;
        }
        return (double) session.rendering().levels(image).get(0).sizeX() / imp.getWidth();
    }

    /**
     * {@code roi} with its coordinates times {@code factor}, its type, position, style and properties kept
     * (ImageJ's RoiScaler turns rectangles and ovals into polygons).
     */
    static Roi scaled(Roi roi, double factor) {
        java.awt.geom.Rectangle2D.Double b = roi.getFloatBounds();
        Roi out;
        if (roi.getType() == Roi.RECTANGLE && roi.getClass() == Roi.class) {
            out = new Roi(b.x * factor, b.y * factor, b.width * factor, b.height * factor);
        } else if (roi instanceof ij.gui.OvalRoi) {
            out = new ij.gui.OvalRoi(b.x * factor, b.y * factor, b.width * factor, b.height * factor);
        } else {
            out = RoiScaler.scale(roi, factor, factor, false);
        }
        copyProperties(roi, out);
        return out;
    }

    private static void copyProperties(Roi from, Roi to) {
        if (from.hasHyperStackPosition()) {
            to.setPosition(from.getCPosition(), from.getZPosition(), from.getTPosition());
        } else {
            to.setPosition(from.getPosition());
        }
        to.setStrokeColor(from.getStrokeColor());
        to.setFillColor(from.getFillColor());
        to.setStrokeWidth(from.getStrokeWidth());
        to.setName(from.getName());
        String props = from.getProperties();
        if (props != null) {
            to.setProperties(props);
        }
    }
}
