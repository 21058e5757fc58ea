package org.omerosdk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.omerosdk.model.Permissions.Right;
import org.omerosdk.model.Permissions.Role;

class PermissionsTest {
    @Test
    void standardLevelsHaveOmerosStoredLongs() {
        assertEquals(-120L, Permissions.parse("rw----").toLong());
        assertEquals(-56L, Permissions.parse("rwr---").toLong());
        assertEquals(-40L, Permissions.parse("rwra--").toLong());
        assertEquals(-8L, Permissions.parse("rwrw--").toLong());
        assertEquals(-52L, Permissions.parse("rwr-r-").toLong());
        assertEquals(-1L, Permissions.parse("rwrwrw").toLong());
    }

    @Test
    void writeImpliesAnnotateWhenParsed() {
        Permissions p = Permissions.parse("rwrw--");
        assertTrue(p.isGranted(Role.GROUP, Right.ANNOTATE));
        assertTrue(p.isGranted(Role.GROUP, Right.WRITE));
        assertFalse(p.isGranted(Role.WORLD, Right.READ));
    }

    @Test
    void writeWithoutAnnotateBitsPrintAsW() {
        Permissions p = Permissions.parse("rw----").with(Role.GROUP, Right.WRITE, true);
        assertEquals("rw-w--", p.toString());
    }

    @Test
    void roundTripsEveryStringForm() {
        String[] firsts = {"r", "-"};
        String[] seconds = {"w", "a", "-"};
        for (String a : firsts) for (String b : seconds) for (String c : firsts) for (String d : seconds)
            for (String e : firsts) for (String f : seconds) {
                String s = a + b + c + d + e + f;
                assertEquals(s, Permissions.parse(s).toString());
                assertEquals(s, Permissions.fromLong(Permissions.parse(s).toLong()).toString());
            }
    }

    @Test
    void levelsMapBothWays() {
        for (Permissions.Level l : Permissions.Level.values()) {
            assertEquals(l, l.permissions().level().orElseThrow());
        }
        assertTrue(Permissions.parse("rwr-r-").level().isEmpty());
    }

    @Test
    void malformedTextIsRefused() {
        assertThrows(ValidationException.class, () -> Permissions.parse("rwx---"));
        assertThrows(ValidationException.class, () -> Permissions.parse("rw--"));
    }
}
