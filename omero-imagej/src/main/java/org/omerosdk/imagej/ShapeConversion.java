package org.omerosdk.imagej;

import ij.ImagePlus;
import ij.gui.EllipseRoi;
import ij.gui.ImageRoi;
import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.PointRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.RotatedRectRoi;
import ij.gui.ShapeRoi;
import ij.gui.TextRoi;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;
import ij.process.FloatPolygon;
import ij.process.ImageProcessor;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.roi.Ellipse;
import org.omerosdk.model.roi.Label;
import org.omerosdk.model.roi.Mask;
import org.omerosdk.model.roi.Point;
import org.omerosdk.model.roi.PointList;
import org.omerosdk.model.roi.Polygon;
import org.omerosdk.model.roi.Polyline;
import org.omerosdk.model.roi.Rectangle;
import org.omerosdk.model.roi.Shape;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.UnitsLength;

/**
 * OMERO shapes ⇄ ImageJ ROIs, one ImageJ ROI per shape (an ImageJ multi-point ROI becomes one point shape per point).
 *
 * <table>
 * <caption>shape types</caption>
 * <tr><th>OMERO</th><th>ImageJ</th></tr>
 * <tr><td>Rectangle</td><td>rectangle {@code Roi}</td></tr>
 * <tr><td>Ellipse (centre, radii)</td><td>{@code OvalRoi} (bounds)</td></tr>
 * <tr><td>Point</td><td>{@code PointRoi}</td></tr>
 * <tr><td>Line</td><td>straight {@code Line}</td></tr>
 * <tr><td>Polyline</td><td>{@code PolygonRoi} POLYLINE (freehand lines and angles are saved as polylines)</td></tr>
 * <tr><td>Polygon</td><td>{@code PolygonRoi} POLYGON (freehand, traced, rotated rectangles and rotated ellipses
 * are saved as polygons)</td></tr>
 * <tr><td>Mask (bit-packed, most significant bit first, rows without padding)</td><td>{@code ShapeRoi} (composite
 * ROIs are saved as masks)</td></tr>
 * <tr><td>Label (text)</td><td>{@code TextRoi}</td></tr>
 * </table>
 *
 * <p>Positions: OMERO's 0-based theZ, theC, theT (absent: every plane) are ImageJ's 1-based hyperstack positions
 * (0: every plane). Stroke and fill colours keep their alpha; the stroke width is in pixels. Shape transforms are not
 * applied.
 */
final class ShapeConversion {
    /** The ImageJ ROI property naming the OMERO ROI a shape belongs to, and the shape's own id. */
    static final String ROI_ID = "OMERO_ROI";
    static final String SHAPE_ID = "OMERO_SHAPE";

    private ShapeConversion() {
    }

    static Roi toImageJ(Shape shape) {
        Roi roi;
        if (shape instanceof Rectangle r) {
            roi = new Roi(r.x(), r.y(), r.width(), r.height());
        } else if (shape instanceof Ellipse e) {
            roi = new OvalRoi(e.x() - e.radiusX(), e.y() - e.radiusY(), 2 * e.radiusX(), 2 * e.radiusY());
        } else if (shape instanceof Point p) {
            roi = new PointRoi(p.x(), p.y());
        } else if (shape instanceof org.omerosdk.model.roi.Line l) {
            roi = new Line(l.x1(), l.y1(), l.x2(), l.y2());
        } else if (shape instanceof PointList pl) {
            FloatPolygon fp = parsePoints(pl.points());
            roi = new PolygonRoi(fp, shape instanceof Polyline ? Roi.POLYLINE : Roi.POLYGON);
        } else if (shape instanceof Mask m) {
            roi = maskRoi(m);
        } else if (shape instanceof Label l) {
            roi = new TextRoi(l.x(), l.y(), l.textValue().orElse(""));
        } else {
            throw new ValidationException("no ImageJ ROI for " + shape);
        }
        int c = shape.theC().map(v -> v + 1).orElse(0);
        int z = shape.theZ().map(v -> v + 1).orElse(0);
        int t = shape.theT().map(v -> v + 1).orElse(0);
        roi.setPosition(c, z, t);
        // ImageJ's setFillColor drops the stroke colour: fill first, then stroke
        shape.fillColor().ifPresent(rgba -> roi.setFillColor(color(rgba)));
        shape.strokeColor().ifPresent(rgba -> roi.setStrokeColor(color(rgba)));
        shape.strokeWidth().ifPresent(w -> roi.setStrokeWidth(w.value()));
        if (!(shape instanceof Label)) {
            shape.textValue().ifPresent(roi::setName);
        }
        if (shape.isSaved()) {
            roi.setProperty(SHAPE_ID, String.valueOf(shape.id()));
        }
        return roi;
    }

    /**
     * The shapes of one ImageJ ROI, at its position in {@code imp} (a stack position of a plain stack is turned into
     * the hyperstack position it has in {@code imp}).
     */
    static List<Shape> toShapes(Roi roi, Optional<ImagePlus> imp) {
        List<Shape> shapes = new ArrayList<>();
        int type = roi.getType();
        if (roi instanceof TextRoi text) {
            shapes.add(new Label(text.getXBase(), text.getYBase()));
            shapes.get(0).setTextValue(text.getText().strip());
        } else if (roi instanceof PointRoi points) {
            FloatPolygon fp = points.getFloatPolygon();
            for (int i = 0; i < fp.npoints; i++) {
                shapes.add(new Point(fp.xpoints[i], fp.ypoints[i]));
            }
        } else if (roi instanceof Line line && type == Roi.LINE) {
            shapes.add(new org.omerosdk.model.roi.Line(line.x1d, line.y1d, line.x2d, line.y2d));
        } else if (roi instanceof OvalRoi) {
            java.awt.geom.Rectangle2D.Double b = roi.getFloatBounds();
            shapes.add(new Ellipse(b.x + b.width / 2, b.y + b.height / 2, b.width / 2, b.height / 2));
        } else if (type == Roi.RECTANGLE && !(roi instanceof RotatedRectRoi) && !(roi instanceof ImageRoi)) {
            java.awt.geom.Rectangle2D.Double b = roi.getFloatBounds();
            shapes.add(new Rectangle(b.x, b.y, b.width, b.height));
        } else if (roi instanceof ShapeRoi || type == Roi.COMPOSITE) {
            shapes.add(mask(roi));
        } else if (type == Roi.POLYLINE || type == Roi.FREELINE || type == Roi.ANGLE || type == Roi.LINE) {
            shapes.add(new Polyline(formatPoints(roi.getFloatPolygon())));
        } else if (type == Roi.POLYGON || type == Roi.FREEROI || type == Roi.TRACED_ROI || roi instanceof EllipseRoi
                || roi instanceof RotatedRectRoi) {
            shapes.add(new Polygon(formatPoints(roi.getFloatPolygon())));
        } else {
            throw new ValidationException("ImageJ ROI \"" + roi.getName() + "\" of type " + roi.getTypeAsString()
                    + " has no OMERO shape");
        }
        int[] czt = position(roi, imp);
        for (Shape s : shapes) {
            s.setPosition(czt[1] > 0 ? czt[1] - 1 : null, czt[0] > 0 ? czt[0] - 1 : null,
                    czt[2] > 0 ? czt[2] - 1 : null);
            if (roi.getStrokeColor() != null) {
                s.setStrokeColor(rgba(roi.getStrokeColor()));
            }
            if (roi.getFillColor() != null) {
                s.setFillColor(rgba(roi.getFillColor()));
            }
            if (roi.getStrokeWidth() > 0) {
                s.setStrokeWidth(Length.of(roi.getStrokeWidth(), UnitsLength.PIXEL));
            }
            if (!(s instanceof Label) && roi.getName() != null) {
                s.setTextValue(roi.getName());
            }
        }
        return shapes;
    }

    /** ImageJ's 1-based (c, z, t), 0 for "every": the hyperstack position, or a stack position placed in imp. */
    static int[] position(Roi roi, Optional<ImagePlus> imp) {
        if (roi.hasHyperStackPosition()) {
            return new int[] {roi.getCPosition(), roi.getZPosition(), roi.getTPosition()};
        }
        int n = roi.getPosition();
        if (n <= 0) {
            return new int[] {0, 0, 0};
        }
        if (imp.isPresent()) {
            ImagePlus i = imp.get();
            if (i.getNChannels() > 1 || i.getNFrames() > 1 || i.isHyperStack()) {
                return i.convertIndexToPosition(n);
            }
        }
        // a plain stack: its slices are z sections
        return new int[] {0, n, 0};
    }

    /** OMERO's packed 0xRRGGBBAA. */
    static int rgba(Color c) {
        return c.getRed() << 24 | c.getGreen() << 16 | c.getBlue() << 8 | c.getAlpha();
    }

    static Color color(int rgba) {
        return new Color(rgba >>> 24, rgba >> 16 & 0xFF, rgba >> 8 & 0xFF, rgba & 0xFF);
    }

    /** OMERO's points text: {@code "x1,y1 x2,y2 ..."}. */
    static String formatPoints(FloatPolygon fp) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fp.npoints; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(number(fp.xpoints[i])).append(',').append(number(fp.ypoints[i]));
        }
        return b.toString();
    }

    private static String number(float v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    static FloatPolygon parsePoints(String points) {
        FloatPolygon fp = new FloatPolygon();
        for (String pair : points.trim().split("[\\s]+")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] xy = pair.split(",");
            if (xy.length != 2) {
                throw new ValidationException("points \"" + points + "\" have \"" + pair + "\" where x,y is expected");
            }
            fp.addPoint(Double.parseDouble(xy[0]), Double.parseDouble(xy[1]));
        }
        return fp;
    }

    /** A mask's set pixels as a composite ROI placed at the mask's origin. */
    private static Roi maskRoi(Mask m) {
        int w = (int) Math.round(m.width());
        int h = (int) Math.round(m.height());
        byte[] bits = m.bytes();
        ByteProcessor bp = new ByteProcessor(w, h);
        for (int i = 0; i < w * h; i++) {
            if (i / 8 < bits.length && (bits[i / 8] >> (7 - i % 8) & 1) != 0) {
                bp.set(i % w, i / w, 255);
            }
        }
        bp.setThreshold(255, 255, ImageProcessor.NO_LUT_UPDATE);
        Roi roi = ThresholdToSelection.run(new ImagePlus("mask", bp));
        // always a composite ROI, so that saving it again gives a mask, not the polygon of its outline
        ShapeRoi shape = roi == null ? new ShapeRoi(new java.awt.geom.Path2D.Double()) : new ShapeRoi(roi);
        shape.setLocation(m.x() + shape.getXBase(), m.y() + shape.getYBase());
        return shape;
    }

    /** A ROI's pixels as an OMERO mask over its bounds. */
    private static Mask mask(Roi roi) {
        java.awt.Rectangle b = roi.getBounds();
        ImageProcessor mask = roi.getMask();
        byte[] bits = new byte[(b.width * b.height + 7) / 8];
        for (int y = 0; y < b.height; y++) {
            for (int x = 0; x < b.width; x++) {
                boolean in = mask == null || mask.get(x, y) != 0;
                if (in) {
                    int i = y * b.width + x;
                    bits[i / 8] |= (byte) (0x80 >> (i % 8));
                }
            }
        }
        return new Mask(b.x, b.y, b.width, b.height, bits);
    }
}
