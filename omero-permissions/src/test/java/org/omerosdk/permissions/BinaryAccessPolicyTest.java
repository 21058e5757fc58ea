package org.omerosdk.permissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.permissions.BinaryAccessPolicy.Component;
import org.omerosdk.permissions.BinaryAccessPolicy.Target;

/** The worked examples of semantics/permissions.md section 11, and the pessimistic combination rule. */
class BinaryAccessPolicyTest {
    private static final BinaryAccessPolicy DEFAULT =
            BinaryAccessPolicy.parse(OmeroConfig.defaults().get(ConfigKeys.POLICY_BINARY_ACCESS));

    private static boolean allowed(BinaryAccessPolicy p, Target t, boolean mayEdit) {
        return p.restriction(t, mayEdit).isEmpty();
    }

    @Test
    void theDefaultAllowsImagesAndTheirFilesToEveryReader() {
        assertTrue(allowed(DEFAULT, Target.image(false), false));
        assertTrue(allowed(DEFAULT, Target.originalFile("cells.tif", true, false), false));
        assertTrue(allowed(DEFAULT, Target.fileAnnotation(), false));
    }

    @Test
    void theDefaultRestrictsPlatesForEveryoneIncludingOwnersAndAdmins() {
        for (boolean mayEdit : new boolean[] {false, true}) {
            assertEquals("plate (HCS) downloads are disabled (binary access policy +read, +write, +image lacks "
                    + "+plate)", DEFAULT.restriction(Target.plate(), mayEdit).orElseThrow());
            assertFalse(allowed(DEFAULT, Target.image(true), mayEdit));
            assertFalse(allowed(DEFAULT, Target.originalFile("plate.flex", true, true), mayEdit));
        }
        // a text file of an HCS fileset stays downloadable
        assertTrue(allowed(DEFAULT, Target.originalFile("results.TXT", true, true), false));
    }

    @Test
    void aGroupMayEnablePlatesUnlessTheServerSaysMinus() {
        assertTrue(allowed(DEFAULT.withGroup("+plate"), Target.plate(), false));
        BinaryAccessPolicy server = BinaryAccessPolicy.parse("+read,+write,+image,-plate");
        assertFalse(allowed(server.withGroup("+plate"), Target.plate(), true));
    }

    @Test
    void minusReadLeavesDownloadsToThoseWhoMayEdit() {
        BinaryAccessPolicy p = DEFAULT.withGroup("-read");
        assertFalse(allowed(p, Target.image(false), false));
        assertTrue(allowed(p, Target.image(false), true));
        assertTrue(p.restriction(Target.image(false), false).orElseThrow().contains("+read"));
    }

    @Test
    void withoutWriteNobodyDownloadsAnything() {
        for (String value : new String[] {"+read,-write,+image", "+read,+image"}) {
            BinaryAccessPolicy p = BinaryAccessPolicy.parse(value);
            assertFalse(allowed(p, Target.image(false), true), value);
            assertFalse(allowed(p, Target.originalFile("notes.txt", false, false), true), value);
            assertFalse(allowed(p, Target.fileAnnotation(), true), value);
        }
        assertFalse(allowed(DEFAULT.withGroup("-write"), Target.image(false), true));
    }

    @Test
    void documentationExampleOneAllowsEditorsImagesButNoPlates() {
        BinaryAccessPolicy p = BinaryAccessPolicy.parse("-read,+write,+image,-plate");
        assertTrue(allowed(p, Target.image(false), true));
        assertFalse(allowed(p, Target.image(false), false));
        assertFalse(allowed(p, Target.plate(), true));
    }

    @Test
    void componentsCombinePessimistically() {
        BinaryAccessPolicy p = BinaryAccessPolicy.parse("+image").withGroup("-image,+plate");
        assertFalse(p.enabled(Component.IMAGE));
        assertTrue(p.enabled(Component.PLATE));
        assertFalse(p.enabled(Component.READ));
        assertFalse(BinaryAccessPolicy.parse("").enabled(Component.WRITE));
    }

    @Test
    void malformedValuesAreRefusedNamingTheEntry() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> BinaryAccessPolicy.parse("+read, write"));
        assertTrue(e.getMessage().contains("\"write\""), e.getMessage());
        assertThrows(ValidationException.class, () -> BinaryAccessPolicy.parse("+movies"));
        assertThrows(ValidationException.class, () -> DEFAULT.withGroup("*plate"));
    }
}
