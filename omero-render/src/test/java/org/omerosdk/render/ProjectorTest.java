package org.omerosdk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;

class ProjectorTest {
    private static final Projector PROJECTOR = Projector.from(OmeroConfig.defaults());

    /** A 2x1 stack whose section z holds {values[z][0], values[z][1]}. */
    private static PixelSource stack(PixelType type, double[][] values) {
        InMemoryPixelSource.Builder b = InMemoryPixelSource.builder(type, 2, 1).sizeZ(values.length);
        for (int z = 0; z < values.length; z++) {
            ByteBuffer buf = ByteBuffer.allocate(2 * type.bytesPerPixel()).order(ByteOrder.LITTLE_ENDIAN);
            for (double v : values[z]) {
                switch (type) {
                    case UINT8: case INT8: buf.put((byte) v); break;
                    case UINT16: case INT16: buf.putShort((short) v); break;
                    default: buf.putFloat((float) v); break;
                }
            }
            b.plane(0, z, 0, 0, buf.array());
        }
        return b.build();
    }

    private static double at(PixelSource p, int i) {
        ByteBuffer b = p.readPlane(0, 0, 0);
        switch (p.pixelType()) {
            case UINT8: return b.get(i) & 0xFF;
            case INT8: return b.get(i);
            case UINT16: return b.getShort(i * 2) & 0xFFFF;
            case INT16: return b.getShort(i * 2);
            default: return b.getFloat(i * 4);
        }
    }

    @Test
    void maximumTakesTheBrightestSection() {
        PixelSource p = PROJECTOR.project(stack(PixelType.UINT8, new double[][] {{1, 9}, {7, 2}, {3, 3}}),
                Projection.MAXIMUM, 0, 0, 0, 2, 1);
        assertEquals(7, at(p, 0));
        assertEquals(9, at(p, 1));
        assertEquals(PixelType.UINT8, p.pixelType());
    }

    @Test
    void maximumOfNegativeSignedDataStaysNegative() {
        // OMERO starts its maximum at 0 and would give 0 here
        PixelSource p = PROJECTOR.project(stack(PixelType.INT16, new double[][] {{-5, -9}, {-7, -2}}),
                Projection.MAXIMUM, 0, 0, 0, 1, 1);
        assertEquals(-5, at(p, 0));
        assertEquals(-2, at(p, 1));
    }

    @Test
    void meanAndSumIncludeTheLastSection() {
        // OMERO's loop stops before the last section: mean would be 1, sum 2
        PixelSource stack = stack(PixelType.UINT16, new double[][] {{1, 0}, {1, 0}, {10, 0}});
        assertEquals(4, at(PROJECTOR.project(stack, Projection.MEAN, 0, 0, 0, 2, 1), 0));
        assertEquals(12, at(PROJECTOR.project(stack, Projection.SUM, 0, 0, 0, 2, 1), 0));
    }

    @Test
    void meanIsTruncatedTowardZeroIntoTheSourceType() {
        PixelSource p = PROJECTOR.project(stack(PixelType.UINT8, new double[][] {{1, 0}, {2, 0}, {2, 0}}),
                Projection.MEAN, 0, 0, 0, 2, 1);
        assertEquals(1, at(p, 0));
    }

    @Test
    void sumIsClippedToTheTypeRange() {
        PixelSource up = PROJECTOR.project(stack(PixelType.UINT8, new double[][] {{200, 0}, {200, 0}}),
                Projection.SUM, 0, 0, 0, 1, 1);
        assertEquals(255, at(up, 0));
        PixelSource down = PROJECTOR.project(stack(PixelType.INT8, new double[][] {{-100, 0}, {-100, 0}}),
                Projection.SUM, 0, 0, 0, 1, 1);
        assertEquals(-128, at(down, 0));
    }

    @Test
    void stepSkipsSections() {
        PixelSource p = PROJECTOR.project(stack(PixelType.UINT8, new double[][] {{1, 0}, {100, 0}, {3, 0}}),
                Projection.MAXIMUM, 0, 0, 0, 2, 2);
        assertEquals(3, at(p, 0));
    }

    @Test
    void badRangesAreRefused() {
        PixelSource s = stack(PixelType.UINT8, new double[][] {{1, 0}, {2, 0}});
        assertThrows(ValidationException.class, () -> PROJECTOR.project(s, Projection.MAXIMUM, 0, 0, 0, 2, 1));
        assertThrows(ValidationException.class, () -> PROJECTOR.project(s, Projection.MAXIMUM, 0, 0, 1, 0, 1));
        assertThrows(ValidationException.class, () -> PROJECTOR.project(s, Projection.MAXIMUM, 0, 0, 0, 1, 0));
    }

    @Test
    void stacksAboveTheConfiguredLimitAreRefusedNamingTheKey() {
        Projector small = Projector.from(OmeroConfig.defaults().with(ConfigKeys.PIXELDATA_MAX_PROJECTION_BYTES, "3"));
        ValidationException e = assertThrows(ValidationException.class, () -> small.project(
                stack(PixelType.UINT8, new double[][] {{1, 0}, {2, 0}}), Projection.SUM, 0, 0, 0, 1, 1));
        assertTrue(e.getMessage().contains("omero.pixeldata.max_projection_bytes"), e.getMessage());
    }
}
