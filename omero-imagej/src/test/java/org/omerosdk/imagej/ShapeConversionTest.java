package org.omerosdk.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.PointRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.ShapeRoi;
import ij.gui.TextRoi;
import ij.process.FloatPolygon;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.roi.Ellipse;
import org.omerosdk.model.roi.Label;
import org.omerosdk.model.roi.Mask;
import org.omerosdk.model.roi.Point;
import org.omerosdk.model.roi.Polygon;
import org.omerosdk.model.roi.Polyline;
import org.omerosdk.model.roi.Rectangle;
import org.omerosdk.model.roi.Shape;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.UnitsLength;

/** OMERO shapes to ImageJ ROIs and back: geometry, 0-based OMERO and 1-based ImageJ positions, styles. */
class ShapeConversionTest {
    private static Shape back(Shape s) {
        List<Shape> shapes = ShapeConversion.toShapes(ShapeConversion.toImageJ(s), Optional.empty());
        assertEquals(1, shapes.size());
        assertEquals(s.getClass(), shapes.get(0).getClass());
        return shapes.get(0);
    }

    @Test
    void everyShapeTypeRoundTripsItsGeometry() {
        Rectangle r = (Rectangle) back(new Rectangle(3.5, 4, 10, 20.25));
        assertArrayEquals(new double[] {3.5, 4, 10, 20.25}, new double[] {r.x(), r.y(), r.width(), r.height()});
        Ellipse e = (Ellipse) back(new Ellipse(50, 40, 10, 5));
        assertArrayEquals(new double[] {50, 40, 10, 5}, new double[] {e.x(), e.y(), e.radiusX(), e.radiusY()});
        Point p = (Point) back(new Point(7.25, 8));
        assertArrayEquals(new double[] {7.25, 8}, new double[] {p.x(), p.y()});
        org.omerosdk.model.roi.Line l = (org.omerosdk.model.roi.Line) back(new org.omerosdk.model.roi.Line(1, 2, 30,
                40.5));
        assertArrayEquals(new double[] {1, 2, 30, 40.5}, new double[] {l.x1(), l.y1(), l.x2(), l.y2()});
        assertEquals("1,2 10,2 10,12.5", ((Polyline) back(new Polyline("1,2 10,2 10,12.5"))).points());
        assertEquals("0,0 8,0 4,6", ((Polygon) back(new Polygon("0,0 8,0 4,6"))).points());
        Label text = (Label) back(label("nucleus 1", 12, 14));
        assertEquals(Optional.of("nucleus 1"), text.textValue());
        assertEquals(12, text.x(), 1e-9);
        assertEquals(14, text.y(), 1e-9);
    }

    private static Label label(String text, double x, double y) {
        Label l = new Label(x, y);
        l.setTextValue(text);
        return l;
    }

    @Test
    void aMaskKeepsItsPixelsAndOrigin() {
        // 10 x 4, an L shape: column 0 on every row and row 3 across (bits most significant first, rows unpadded)
        boolean[][] set = new boolean[4][10];
        for (int y = 0; y < 4; y++) {
            set[y][0] = true;
        }
        for (int x = 0; x < 10; x++) {
            set[3][x] = true;
        }
        byte[] bits = new byte[5];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 10; x++) {
                if (set[y][x]) {
                    int i = y * 10 + x;
                    bits[i / 8] |= (byte) (0x80 >> (i % 8));
                }
            }
        }
        Roi roi = ShapeConversion.toImageJ(new Mask(20, 30, 10, 4, bits));
        assertInstanceOf(ShapeRoi.class, roi);
        assertEquals(new java.awt.Rectangle(20, 30, 10, 4), roi.getBounds());
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 10; x++) {
                assertEquals(set[y][x], roi.contains(20 + x, 30 + y), "pixel " + x + "," + y);
            }
        }
        Mask m = (Mask) ShapeConversion.toShapes(roi, Optional.empty()).get(0);
        assertArrayEquals(new double[] {20, 30, 10, 4}, new double[] {m.x(), m.y(), m.width(), m.height()});
        assertArrayEquals(bits, m.bytes());
    }

    @Test
    void positionsAreZeroBasedInOmeroAndOneBasedInImageJWithNoneMeaningEveryPlane() {
        Rectangle r = new Rectangle(0, 0, 5, 5);
        r.setPosition(2, 1, 0);
        Roi roi = ShapeConversion.toImageJ(r);
        assertEquals(2, roi.getCPosition());
        assertEquals(3, roi.getZPosition());
        assertEquals(1, roi.getTPosition());
        Shape back = ShapeConversion.toShapes(roi, Optional.empty()).get(0);
        assertEquals(Optional.of(2), back.theZ());
        assertEquals(Optional.of(1), back.theC());
        assertEquals(Optional.of(0), back.theT());
        Rectangle everywhere = new Rectangle(0, 0, 5, 5);
        everywhere.setPosition(null, 1, null);
        Roi all = ShapeConversion.toImageJ(everywhere);
        assertEquals(0, all.getZPosition());
        assertEquals(0, all.getTPosition());
        Shape allBack = ShapeConversion.toShapes(all, Optional.empty()).get(0);
        assertEquals(Optional.empty(), allBack.theZ());
        assertEquals(Optional.of(1), allBack.theC());
        assertEquals(Optional.empty(), allBack.theT());
    }

    @Test
    void aStackPositionIsTheHyperstackPositionItHasInTheImage() {
        ImagePlus hyper = TestRepository.knownHyperstack("h", 8, 8, 8, 2, 3, 2);
        Roi roi = new Roi(1, 1, 2, 2);
        // stack index 8 of C2 Z3 T2 (czt order): c=2, z=1, t=2
        roi.setPosition(8);
        Shape s = ShapeConversion.toShapes(roi, Optional.of(hyper)).get(0);
        assertEquals(Optional.of(1), s.theC());
        assertEquals(Optional.of(0), s.theZ());
        assertEquals(Optional.of(1), s.theT());
        // a plain stack's slices are z sections
        Shape plain = ShapeConversion.toShapes(roi, Optional.empty()).get(0);
        assertEquals(Optional.of(7), plain.theZ());
        assertEquals(Optional.empty(), plain.theC());
    }

    @Test
    void coloursWithAlphaStrokeWidthAndNameTravelBothWays() {
        Polygon p = new Polygon("0,0 5,0 5,5");
        p.setStrokeColor(0xFF000080);
        p.setFillColor(0x00FF0040);
        p.setStrokeWidth(Length.of(3, UnitsLength.PIXEL));
        p.setTextValue("cell");
        Roi roi = ShapeConversion.toImageJ(p);
        assertEquals(new java.awt.Color(255, 0, 0, 128), roi.getStrokeColor());
        assertEquals(new java.awt.Color(0, 255, 0, 64), roi.getFillColor());
        assertEquals(3, roi.getStrokeWidth(), 1e-9);
        assertEquals("cell", roi.getName());
        Shape back = ShapeConversion.toShapes(roi, Optional.empty()).get(0);
        assertEquals(Optional.of(0xFF000080), back.strokeColor());
        assertEquals(Optional.of(0x00FF0040), back.fillColor());
        assertEquals(3, back.strokeWidth().orElseThrow().value(), 1e-9);
        assertEquals(Optional.of("cell"), back.textValue());
    }

    @Test
    void imagejOnlyTypesBecomeTheNearestOmeroShape() {
        PointRoi points = new PointRoi(new float[] {1, 2, 3}, new float[] {4, 5, 6}, 3);
        List<Shape> three = ShapeConversion.toShapes(points, Optional.empty());
        assertEquals(3, three.size(), "one point shape per point");
        assertTrue(three.stream().allMatch(s -> s instanceof Point));
        assertEquals(3, ((Point) three.get(2)).x(), 1e-9);
        PolygonRoi freehand = new PolygonRoi(new FloatPolygon(new float[] {0, 4, 4}, new float[] {0, 0, 4}),
                Roi.FREEROI);
        assertInstanceOf(Polygon.class, ShapeConversion.toShapes(freehand, Optional.empty()).get(0));
        PolygonRoi angle = new PolygonRoi(new FloatPolygon(new float[] {0, 4, 4}, new float[] {0, 0, 4}),
                Roi.ANGLE);
        assertInstanceOf(Polyline.class, ShapeConversion.toShapes(angle, Optional.empty()).get(0));
        assertInstanceOf(Ellipse.class, ShapeConversion.toShapes(new OvalRoi(0, 0, 4, 2), Optional.empty()).get(0));
        assertInstanceOf(org.omerosdk.model.roi.Line.class, ShapeConversion.toShapes(new Line(0, 0, 3, 3),
                Optional.empty()).get(0));
        assertInstanceOf(Label.class, ShapeConversion.toShapes(new TextRoi(1, 1, "t"), Optional.empty()).get(0));
    }

    @Test
    void malformedPointsAreRefusedNamingThem() {
        ValidationException e = assertThrows(ValidationException.class, () -> ShapeConversion.parsePoints("1,2 3"));
        assertTrue(e.getMessage().contains("\"3\""), e.getMessage());
    }
}
