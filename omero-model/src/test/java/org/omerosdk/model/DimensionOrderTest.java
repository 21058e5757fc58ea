package org.omerosdk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DimensionOrderTest {
    @Test
    void xyczt_putsChannelsFastest() {
        // ImageJ hyperstack order: index = c + C * (z + Z * t)
        assertEquals(1 + 2 * (2 + 3 * 1), DimensionOrder.XYCZT.planeIndex(2, 1, 1, 3, 2, 2));
    }

    @Test
    void xyzct_putsZFastest() {
        assertEquals(4 + 5 * 2, DimensionOrder.XYZCT.planeIndex(4, 2, 0, 5, 3, 1));
    }

    @Test
    void unknownOrderIsRefusedWithTheAcceptedList() {
        ValidationException e = assertThrows(ValidationException.class, () -> DimensionOrder.parse("XYQ"));
        assertEquals(true, e.getMessage().contains("XYZCT"));
    }

    @Test
    void pixelTypeParsesOmeroNames() {
        assertEquals(PixelType.UINT16, PixelType.fromOmeroName("uint16"));
        assertEquals(PixelType.DOUBLE, PixelType.fromOmeroName("float64"));
        assertThrows(ValidationException.class, () -> PixelType.fromOmeroName("uint12"));
    }
}
