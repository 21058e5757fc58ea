package org.omerosdk.model.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.omerosdk.model.ValidationException;

class LengthTest {
    @Test
    void micrometersConvertToNanometers() {
        assertEquals(250.0, Length.micrometers(0.25).to(UnitsLength.NANOMETER).value(), 1e-9);
    }

    @Test
    void angstromsConvertToMicrometers() {
        assertEquals(1e-4, Length.of(1, UnitsLength.ANGSTROM).to(UnitsLength.MICROMETER).value(), 1e-15);
    }

    @Test
    void inchesConvertToMillimeters() {
        assertEquals(25.4, Length.of(1, UnitsLength.INCH).to(UnitsLength.MILLIMETER).value(), 1e-9);
    }

    @Test
    void pixelsDoNotConvertToPhysicalUnits() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> Length.of(3, UnitsLength.PIXEL).to(UnitsLength.MICROMETER));
        assertTrue(e.getMessage().contains("3.0 pixel"), e.getMessage());
    }

    @Test
    void nonFiniteLengthsAreRefused() {
        assertThrows(ValidationException.class, () -> Length.micrometers(Double.NaN));
    }

    @Test
    void lengthIsAbsentUnlessValueAndUnitAreBothStored() {
        assertTrue(Length.ofNullable(1.0, null).isEmpty());
        assertTrue(Length.ofNullable(null, UnitsLength.METER).isEmpty());
    }

    @Test
    void millisecondsConvertToSeconds() {
        assertEquals(0.5, Time.of(500, UnitsTime.MILLISECOND).to(UnitsTime.SECOND).value(), 1e-12);
        assertEquals(2.0, Time.of(120, UnitsTime.SECOND).to(UnitsTime.MINUTE).value(), 1e-12);
    }
}
