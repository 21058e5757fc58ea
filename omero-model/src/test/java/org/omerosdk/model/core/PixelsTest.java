package org.omerosdk.model.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.omerosdk.model.DimensionOrder;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ValidationException;

class PixelsTest {
    @Test
    void zeroSizeIsRefusedNamingTheDimension() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> new Pixels(PixelType.UINT8, DimensionOrder.XYZCT, 10, 10, 0, 1, 1));
        assertTrue(e.getMessage().contains("sizeZ = 0"), e.getMessage());
    }

    @Test
    void significantBitsDefaultToThePixelTypesSize() {
        assertEquals(16, new Pixels(PixelType.UINT16, DimensionOrder.XYZCT, 1, 1, 1, 1, 1).significantBits());
    }

    @Test
    void pixelTypeAndOrderRoundTripThroughTheirConverters() {
        PixelTypeConverter t = new PixelTypeConverter();
        DimensionOrderConverter o = new DimensionOrderConverter();
        for (PixelType p : PixelType.values()) {
            assertEquals(p, t.convertToEntityAttribute(t.convertToDatabaseColumn(p)));
        }
        for (DimensionOrder d : DimensionOrder.values()) {
            assertEquals(d, o.convertToEntityAttribute(o.convertToDatabaseColumn(d)));
        }
    }
}
