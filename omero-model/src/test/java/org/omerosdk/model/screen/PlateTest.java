package org.omerosdk.model.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.omerosdk.model.ValidationException;

class PlateTest {
    @Test
    void defaultConventionsNameRowsByLetterAndColumnsByNumber() {
        assertEquals("B3", new Plate("p").wellLabel(1, 2));
    }

    @Test
    void lettersContinuePastZ() {
        assertEquals("Z", NamingConvention.LETTER.label(25));
        assertEquals("AA", NamingConvention.LETTER.label(26));
        assertEquals("AF", NamingConvention.LETTER.label(31));
    }

    @Test
    void conventionsCanBeSwapped() {
        Plate p = new Plate("p");
        p.setNamingConventions(NamingConvention.NUMBER, NamingConvention.LETTER);
        assertEquals("2C", p.wellLabel(1, 2));
    }

    @Test
    void negativeWellPositionsAreRefused() {
        assertThrows(ValidationException.class, () -> new Well(new Plate("p"), -1, 0));
    }
}
