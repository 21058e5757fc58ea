package org.omerosdk.sdk;

import org.omerosdk.importer.NewImage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.DimensionOrder;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ReadOnlyException;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.LogicalChannel;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.core.Rgba;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.render.ChannelSettings;
import org.omerosdk.render.Family;
import org.omerosdk.render.LookupTable;
import org.omerosdk.render.RenderingSettings;

/** Saved rendering settings: one per user and image, who may save and delete them, the public user. */
class RenderingsTest {
    @TempDir
    Path dir;
    OmeroSdk sdk;
    Session ada;
    Session bob;
    Session pi;
    Image image;
    ExperimenterGroup lab;

    @BeforeEach
    void setUp() {
        sdk = OmeroSdk.builder().dataDirectory(dir).passwordHashIterations(1000).rootPassword("r".toCharArray())
                .set(ConfigKeys.WEB_PUBLIC_ENABLED, "true").set(ConfigKeys.WEB_PUBLIC_USER, "public")
                .set(ConfigKeys.WEB_PUBLIC_PASSWORD, "pub").open();
        Session root = sdk.rootSession();
        lab = root.admin().createGroup("lab", Permissions.Level.READ_ONLY);
        ExperimenterGroup secret = root.admin().createGroup("secret", Permissions.Level.PRIVATE);
        root.admin().createUser("ada", "Ada", "L", lab, secret);
        root.admin().createUser("bob", "Bob", "H", lab, secret);
        root.admin().createUser("pi", "P", "I", lab);
        root.admin().addToGroup(root.admin().user("pi"), lab, true);
        root.admin().setPassword(root.admin().createUser("public", "Pub", "Lic", lab), "pub".toCharArray());
        ada = root.sudo("ada").withGroup(lab);
        bob = root.sudo("bob").withGroup(lab);
        pi = root.sudo("pi").withGroup(lab);
        image = ada.images().save(new NewImage(new Image("two channels"),
                new Pixels(PixelType.UINT16, DimensionOrder.XYZCT, 8, 8, 3, 2, 1),
                List.of(new Channel(new LogicalChannel("a")), new Channel(new LogicalChannel("b")))));
    }

    @AfterEach
    void tearDown() {
        sdk.close();
    }

    private static RenderingSettings settings(int start) {
        return RenderingSettings.of(List.of(
                ChannelSettings.of(PixelType.UINT16, Rgba.of(255, 0, 0)).withWindow(start, 4000)
                        .withFamily(Family.POLYNOMIAL, 1.5).withReverse(true),
                ChannelSettings.of(PixelType.UINT16, Rgba.of(0, 255, 0)).withWindow(0, 1000).withActive(false)
                        .withLookupTable(LookupTable.standard("cyan.lut"))))
                .withModel(RenderingSettings.Model.GREYSCALE).withCodomain(10, 250).withDefaultPlane(2, 0);
    }

    /** Everything but the version, which counts saves. */
    private static void assertSameSettings(RenderingSettings expected, RenderingSettings actual) {
        assertEquals(expected.model(), actual.model());
        assertEquals(expected.channels(), actual.channels());
        assertEquals(List.of(expected.cdStart(), expected.cdEnd(), expected.bitResolution(), expected.defaultZ(),
                expected.defaultT()), List.of(actual.cdStart(), actual.cdEnd(), actual.bitResolution(),
                actual.defaultZ(), actual.defaultT()));
    }

    @Test
    void savedSettingsLoadBackAsTheyWere() {
        ada.renderings().save(image, settings(100));
        assertSameSettings(settings(100), ada.renderings().load(image).orElseThrow());
        // saving again replaces the user's own settings
        ada.renderings().save(image, settings(200));
        assertEquals(1, ada.renderings().all(image).size());
        assertSameSettings(settings(200), ada.renderings().load(image).orElseThrow());
    }

    @Test
    void everyoneWhoSeesAnImageSavesTheirOwnAndFallsBackToTheOwners() {
        ada.renderings().save(image, settings(100));
        assertSameSettings(settings(100), bob.renderings().load(image).orElseThrow());
        bob.renderings().save(image, settings(300)); // allowed in a Read-Only group: they are bob's own
        assertSameSettings(settings(300), bob.renderings().load(image).orElseThrow());
        assertSameSettings(settings(100), ada.renderings().load(image).orElseThrow());
        assertEquals(2, pi.renderings().all(image).size());
    }

    @Test
    void othersSettingsAreTheirs() {
        ada.renderings().save(image, settings(100));
        var adas = bob.renderings().all(image).get(0);
        assertThrows(SecurityViolation.class, () -> bob.renderings().delete(adas));
        pi.renderings().delete(adas); // the group's owner may
        assertTrue(ada.renderings().load(image).isEmpty());
    }

    @Test
    void anImageOneCannotSeeHasNoSettingsToSaveOrLoad() {
        Image hidden = ada.withGroup(ada.admin().group("secret")).images().save(new NewImage(new Image("hidden"),
                new Pixels(PixelType.UINT8, DimensionOrder.XYZCT, 2, 2, 1, 1, 1),
                List.of(new Channel(new LogicalChannel("c")))));
        Session bobInSecret = bob.withGroup(bob.admin().group("secret"));
        RenderingSettings one = RenderingSettings.of(List.of(ChannelSettings.of(PixelType.UINT8, Rgba.of(255, 255,
                255))));
        assertThrows(NotFoundException.class, () -> bobInSecret.renderings().save(hidden, one));
        assertThrows(NotFoundException.class, () -> bobInSecret.renderings().load(hidden));
    }

    @Test
    void thePublicUserLoadsButNeverSaves() {
        ada.renderings().save(image, settings(100));
        Session pub = sdk.publicSession();
        assertSameSettings(settings(100), pub.renderings().load(image).orElseThrow());
        assertThrows(ReadOnlyException.class, () -> pub.renderings().save(image, settings(5)));
    }

    @Test
    void settingsForAnotherChannelCountAreRefused() {
        RenderingSettings one = RenderingSettings.of(List.of(ChannelSettings.of(PixelType.UINT16, Rgba.of(1, 2, 3))));
        ValidationException e = assertThrows(ValidationException.class, () -> ada.renderings().save(image, one));
        assertTrue(e.getMessage().contains("1 channels"), e.getMessage());
    }
}
