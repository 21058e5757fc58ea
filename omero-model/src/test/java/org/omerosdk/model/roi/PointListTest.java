package org.omerosdk.model.roi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.omerosdk.model.ValidationException;

class PointListTest {
    @Test
    void polygonKeepsOmerosPointText() {
        assertEquals("1,2 3.5,4 5,-6", new Polygon(" 1,2 3.5,4 5,-6 ").points());
    }

    @Test
    void malformedPointsAreRefusedNamingTheText() {
        ValidationException e = assertThrows(ValidationException.class, () -> new Polyline("1,2 x"));
        assertTrue(e.getMessage().contains("\"1,2 x\""), e.getMessage());
    }
}
