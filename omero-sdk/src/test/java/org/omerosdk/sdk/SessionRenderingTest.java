package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.ReadOnlyException;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.Rgba;
import org.omerosdk.render.ChannelStatistics;
import org.omerosdk.render.InMemoryPixelSource;
import org.omerosdk.render.Projection;
import org.omerosdk.render.Projector;
import org.omerosdk.render.Region;
import org.omerosdk.render.RenderedImage;
import org.omerosdk.render.Renderer;
import org.omerosdk.render.RenderingDefaults;
import org.omerosdk.render.RenderingSettings;
import org.omerosdk.render.pyramid.OmeTiffExporter;

/**
 * {@code session.rendering()}: images rendered by id with the settings OMERO would load (the caller's, else the
 * owner's, else the imported defaults), at any level, projected, as thumbnails; held pixel for pixel against the
 * renderer's own output on the same known pixels; who may render and what others' settings changes do.
 */
class SessionRenderingTest {
    private static Path dir;
    private static Lab lab;
    /** The known pixels: two uint16 channels, three sections, a full and a half resolution level. */
    private static InMemoryPixelSource pixels;
    /** Imported by ada into readOnly (bob and pi see it), into private (bob does not), into published. */
    private static Image shared;
    private static Image hidden;
    private static Image published;

    @BeforeAll
    static void open() throws Exception {
        dir = java.nio.file.Files.createTempDirectory("session-rendering");
        lab = Lab.open(DatabaseTarget.H2, dir);
        pixels = knownPixels();
        Path tif = dir.resolve("known.ome.tif");
        OmeTiffExporter.standard().write(pixels, "known", tif);
        try (Session ada = lab.login("ada")) {
            shared = importInto(ada, "readOnly", tif);
            hidden = importInto(ada, "private", tif);
            published = importInto(ada, "published", tif);
        }
    }

    @AfterAll
    static void close() {
        lab.close();
    }

    private static Image importInto(Session s, String group, Path file) {
        ImportResult r = s.withGroup(lab.group(group)).imports().importFiles(List.of(file));
        assertTrue(r.ok(), () -> r.failures().toString());
        return r.images().get(0);
    }

    static InMemoryPixelSource knownPixels() {
        int w = 64;
        int h = 48;
        InMemoryPixelSource.Builder b = InMemoryPixelSource.builder(PixelType.UINT16, w, h).sizeZ(3).sizeC(2)
                .addLevel(w / 2, h / 2);
        for (int level = 0; level < 2; level++) {
            int lw = w >> level;
            int lh = h >> level;
            for (int z = 0; z < 3; z++) {
                for (int c = 0; c < 2; c++) {
                    ByteBuffer plane = ByteBuffer.allocate(lw * lh * 2).order(ByteOrder.LITTLE_ENDIAN);
                    for (int y = 0; y < lh; y++) {
                        for (int x = 0; x < lw; x++) {
                            plane.putShort((short) ((x * 37 + y * 11 + z * 500 + c * 1000 + level * 7) % 4096));
                        }
                    }
                    b.plane(level, z, c, 0, plane.array());
                }
            }
        }
        return b.build();
    }

    private static RenderingSettings expectedImportSettings() {
        ChannelStatistics stats = ChannelStatistics.measure(pixels, ProgressListener.NONE);
        List<RenderingDefaults.ChannelInfo> info = List.of(
                new RenderingDefaults.ChannelInfo(java.util.Optional.empty(), java.util.OptionalDouble.empty(),
                        stats.min(0), stats.max(0)),
                new RenderingDefaults.ChannelInfo(java.util.Optional.empty(), java.util.OptionalDouble.empty(),
                        stats.min(1), stats.max(1)));
        return RenderingDefaults.of(PixelType.UINT16, 3, info);
    }

    private static RenderingSettings withoutVersion(RenderingSettings s) {
        return new RenderingSettings(s.model(), s.channels().stream().map(c -> c.withExtent(0, 65535)).toList(),
                s.cdStart(), s.cdEnd(), s.bitResolution(), s.defaultZ(), s.defaultT(), 0);
    }

    private static RenderingSettings brighter(RenderingSettings s) {
        return s.withChannel(0, s.channels().get(0).withWindow(0, 1000).withColor(Rgba.of(255, 0, 255)));
    }

    @Test
    void theOwnersDefaultPlaneIsTheRenderersOutputOnTheSamePixels() throws Exception {
        try (Session ada = lab.login("ada")) {
            RenderingSettings s = ada.rendering().settings(shared);
            assertEquals(1, s.defaultZ(), "OMERO's default section is sizeZ / 2");
            RenderedImage expected = Renderer.create().render(pixels, s, Region.plane(pixels, 0, 1, 0));
            RenderedImage actual = ada.rendering().render(shared);
            assertEquals(64, actual.width());
            assertEquals(48, actual.height());
            assertArrayEquals(expected.argb(), actual.argb());
            // the PNG carries exactly those pixels
            var png = ImageIO.read(new ByteArrayInputStream(ada.rendering().renderPng(shared)));
            assertArrayEquals(expected.argb(), png.getRGB(0, 0, 64, 48, null, 0, 64));
            assertEquals(64, ImageIO.read(new ByteArrayInputStream(ada.rendering().renderJpeg(shared))).getWidth());
        }
    }

    @Test
    void theImportsSettingsAreOmerosDefaultsFromTheChannelStatistics() {
        try (Session ada = lab.login("ada")) {
            assertEquals(withoutVersion(expectedImportSettings()), withoutVersion(ada.rendering().settings(shared)));
            assertEquals(withoutVersion(expectedImportSettings()), withoutVersion(ada.rendering().imported(shared)));
        }
    }

    @Test
    void aRegionOfALowerLevelIsTheRenderersOutputOnThatLevel() {
        try (Session bob = lab.login("bob")) {
            Region region = new Region(1, 2, 0, 5, 3, 20, 17);
            RenderingSettings s = bob.rendering().settings(shared);
            assertArrayEquals(Renderer.create().render(pixels, s, region).argb(),
                    bob.rendering().render(shared, region).argb());
            int[] out = new int[region.pixelCount()];
            assertTrue(out == bob.rendering().render(shared, region, s, out).argb(), "rendered into the caller's array");
            assertEquals(List.of(new Rendering.Level(0, 64, 48, 64, 48).sizeX(), 32),
                    bob.rendering().levels(shared).stream().map(Rendering.Level::sizeX).toList());
        }
    }

    @Test
    void aRegionOutsideTheImageIsRefusedNamingIt() {
        try (Session ada = lab.login("ada")) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> ada.rendering().render(shared, new Region(1, 0, 0, 20, 0, 20, 10)));
            assertTrue(e.getMessage().contains("20"), e.getMessage());
        }
    }

    @Test
    void aMaximumProjectionIsTheProjectorsPlaneRendered() {
        try (Session ada = lab.login("ada")) {
            RenderingSettings s = ada.rendering().settings(shared);
            Projector projector = Projector.from(lab.sdk.config());
            InMemoryPixelSource.Builder b = InMemoryPixelSource.builder(PixelType.UINT16, 64, 48).sizeC(2);
            for (int c = 0; c < 2; c++) {
                b.plane(0, 0, c, 0, projector.project(pixels, Projection.MAXIMUM, c, 0, 0, 2, 1).readPlane(0, 0, 0)
                        .array());
            }
            InMemoryPixelSource projected = b.build();
            assertArrayEquals(Renderer.create().render(projected, s.withDefaultPlane(0, 0),
                    Region.plane(projected, 0, 0, 0)).argb(),
                    ada.rendering().project(shared, Projection.MAXIMUM, 0, 2, 0).argb());
            assertThrows(ValidationException.class, () -> ada.rendering().project(shared, Projection.MEAN, 0, 3, 0));
        }
    }

    @Test
    void othersSeeTheOwnersSettingsUntilTheySaveTheirOwn() {
        Image image;
        try (Session ada = lab.login("ada")) {
            image = importAgain(ada, "readOnly");
            ro(ada).renderings().save(image, brighter(ada.rendering().settings(image)));
        }
        try (Session ada = lab.login("ada"); Session bob = lab.login("bob"); Session pi = lab.login("pi")) {
            RenderingSettings adas = ada.rendering().settings(image);
            assertEquals(withoutVersion(adas), withoutVersion(bob.rendering().settings(image)), "the owner's");
            assertArrayEquals(ada.rendering().render(image).argb(), bob.rendering().render(image).argb());
            RenderingSettings bobs = adas.withChannel(1, adas.channels().get(1).withActive(false));
            ro(bob).renderings().save(image, bobs);
            assertEquals(withoutVersion(bobs), withoutVersion(bob.rendering().settings(image)), "his own");
            assertEquals(withoutVersion(adas), withoutVersion(ada.rendering().settings(image)), "hers unchanged");
            assertEquals(withoutVersion(adas), withoutVersion(pi.rendering().settings(image)), "still the owner's");
            assertFalse(java.util.Arrays.equals(ada.rendering().render(image).argb(),
                    bob.rendering().render(image).argb()));
        }
    }

    @Test
    void withNoSettingsSavedByAnyoneTheImportedDefaultsAreUsed() {
        try (Session ada = lab.login("ada")) {
            Image image = importAgain(ada, "readOnly");
            ro(ada).renderings().save(image, brighter(ada.rendering().settings(image)));
            for (var rd : ada.renderings().all(image)) {
                ro(ada).renderings().delete(rd);
            }
            try (Session bob = lab.login("bob")) {
                assertEquals(withoutVersion(expectedImportSettings()),
                        withoutVersion(bob.rendering().settings(image)));
                assertArrayEquals(Renderer.create().render(pixels, expectedImportSettings(),
                        Region.plane(pixels, 0, 1, 0)).argb(), bob.rendering().render(image).argb());
            }
        }
    }

    @Test
    void theThumbnailFollowsTheOwnersSettingsWhenTheyChange() {
        try (Session ada = lab.login("ada"); Session bob = lab.login("bob")) {
            Image image = importAgain(ada, "readOnly");
            RenderedImage before = bob.rendering().thumbnail(image);
            assertEquals(96, before.width());
            assertEquals(72, before.height());
            assertArrayEquals(before.argb(), bob.rendering().thumbnail(image).argb(), "the same when nothing changed");
            ro(ada).renderings().save(image, brighter(ada.rendering().settings(image)));
            RenderedImage after = bob.rendering().thumbnail(image);
            assertFalse(java.util.Arrays.equals(before.argb(), after.argb()), "the owner's new settings show");
            assertArrayEquals(after.argb(), ada.rendering().thumbnail(image).argb());
            assertEquals(40, bob.rendering().thumbnail(image, 40).width());
            assertThrows(ValidationException.class, () -> bob.rendering().thumbnail(image, 0));
        }
    }

    @Test
    void aRegionByIdRendersTheSettingsShownEditedAndWhoseSettingsFollowTheStoredRows() {
        UnaryOperator<RenderingSettings> secondOff = s -> s.withChannel(1, s.channels().get(1).withActive(false));
        Region region = new Region(1, 2, 0, 5, 3, 20, 17);
        try (Session ada = lab.login("ada"); Session bob = lab.login("bob")) {
            Image image = importAgain(ada, "readOnly");
            Image byId = org.omerosdk.model.meta.IObject.reference(Image.class, image.id());
            RenderingSettings adas = brighter(ada.rendering().settings(image));
            ro(ada).renderings().save(image, adas);
            assertArrayEquals(Renderer.create().render(pixels, secondOff.apply(adas), region).argb(),
                    bob.rendering().render(byId, region, secondOff).argb(), "the owner's settings, edited");
            RenderingSettings bobs = adas.withChannel(0, adas.channels().get(0).withWindow(200, 3000));
            ro(bob).renderings().save(image, bobs);
            assertArrayEquals(Renderer.create().render(pixels, secondOff.apply(bobs), region).argb(),
                    bob.rendering().render(byId, region, secondOff).argb(), "his own once saved");
            assertArrayEquals(Renderer.create().render(pixels, adas, region).argb(),
                    ada.rendering().render(byId, region, UnaryOperator.identity()).argb(), "hers unchanged");
            assertArrayEquals(bob.rendering().thumbnail(image, 40).argb(), bob.rendering().thumbnail(byId, 40).argb());
        }
    }

    @Test
    void aRegionByIdOfAnImageOneMayNotSeeIsRefusedAsAMissingOneBeforeAnySettingsAreEdited() {
        boolean[] edited = {false};
        UnaryOperator<RenderingSettings> edit = s -> {
            edited[0] = true;
            return s;
        };
        Region region = new Region(0, 0, 0, 0, 0, 4, 4);
        try (Session ada = lab.login("ada"); Session bob = lab.login("bob")) {
            ada.rendering().render(hidden, region, UnaryOperator.identity());   // its files known to the SDK now
            NotFoundException hiddenOne = assertThrows(NotFoundException.class, () -> bob.rendering().render(
                    org.omerosdk.model.meta.IObject.reference(Image.class, hidden.id()), region, edit));
            NotFoundException missingOne = assertThrows(NotFoundException.class, () -> bob.rendering().render(
                    org.omerosdk.model.meta.IObject.reference(Image.class, Long.MAX_VALUE - 5), region, edit));
            assertEquals(hiddenOne.getMessage().replace(String.valueOf(hidden.id()), "ID"),
                    missingOne.getMessage().replace(String.valueOf(Long.MAX_VALUE - 5), "ID"));
            assertFalse(edited[0], "the edit never saw the settings of an image the caller may not see");
            assertThrows(NotFoundException.class, () -> bob.rendering().thumbnail(
                    org.omerosdk.model.meta.IObject.reference(Image.class, hidden.id()), 40));
        }
    }

    @Test
    void anImageInAPrivateGroupRendersForNobodyElseAndAnswersAsAMissingOne() throws Exception {
        try (Session bob = lab.login("bob")) {
            NotFoundException hiddenOne = assertThrows(NotFoundException.class,
                    () -> bob.rendering().render(hidden));
            Image missing = lab.root.images().get(hidden.id());
            java.lang.reflect.Field id = org.omerosdk.model.meta.IObject.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(missing, Long.MAX_VALUE - 5);
            NotFoundException missingOne = assertThrows(NotFoundException.class,
                    () -> bob.rendering().render(missing));
            assertEquals(hiddenOne.getMessage().replace(String.valueOf(hidden.id()), "ID"),
                    missingOne.getMessage().replace(String.valueOf(missing.id()), "ID"));
            assertThrows(NotFoundException.class, () -> bob.rendering().thumbnail(hidden));
            assertThrows(NotFoundException.class, () -> bob.rendering().thumbnail(hidden, 96,
                    expectedImportSettings()));
            assertThrows(NotFoundException.class, () -> bob.rendering().render(hidden, new Region(0, 0, 0, 0, 0, 4,
                    4), expectedImportSettings()));
            assertThrows(NotFoundException.class, () -> bob.rendering().settings(hidden));
            assertThrows(NotFoundException.class, () -> bob.rendering().levels(hidden));
            assertThrows(NotFoundException.class, () -> bob.rendering().project(hidden, Projection.MAXIMUM, 0, 2,
                    0));
        }
        try (Session ada = lab.login("ada")) {
            ada.rendering().thumbnail(hidden);   // cached now: still nobody else's
        }
        try (Session bob = lab.login("bob")) {
            assertThrows(NotFoundException.class, () -> bob.rendering().thumbnail(hidden));
        }
    }

    @Test
    void thePublicUserChangesTheDisplayButNeverSaves() {
        Session pub = lab.sdk.publicSession();
        RenderingSettings s = pub.rendering().settings(published);
        RenderingSettings changed = brighter(s);
        RenderedImage shown = pub.rendering().render(published, Region.plane(pixels, 0, 1, 0), changed);
        assertArrayEquals(Renderer.create().render(pixels, changed, Region.plane(pixels, 0, 1, 0)).argb(),
                shown.argb());
        assertThrows(ReadOnlyException.class, () -> pub.renderings().save(published, changed));
        assertEquals(withoutVersion(s), withoutVersion(pub.rendering().settings(published)));
        assertThrows(NotFoundException.class, () -> pub.rendering().render(shared));
    }

    @Test
    void binaryAccessRestrictsRawPixelsNotRenderedViews() {
        Image image;
        try (Session ada = lab.login("ada")) {
            image = importAgain(ada, "readWrite");
        }
        lab.root.admin().setBinaryAccess(lab.group("readWrite"), "-image");
        try (Session boss = lab.login("boss")) {
            assertThrows(SecurityViolation.class, () -> boss.images().pixels(image));
            assertEquals(64, boss.rendering().render(image).width());
        } finally {
            lab.root.admin().setBinaryAccess(lab.group("readWrite"), "");
        }
    }

    private static Session ro(Session s) {
        return s.withGroup(lab.group("readOnly"));
    }

    private static Image importAgain(Session s, String group) {
        return importInto(s, group, dir.resolve("known.ome.tif"));
    }

    @Test
    void settingsWithAnotherChannelCountAreRefused() {
        try (Session ada = lab.login("ada")) {
            RenderingSettings one = RenderingSettings.of(List.of(ada.rendering().settings(shared).channels().get(0)));
            ValidationException e = assertThrows(ValidationException.class,
                    () -> ada.rendering().render(shared, new Region(0, 0, 0, 0, 0, 4, 4), one));
            assertNotEquals(-1, e.getMessage().indexOf("channel"), e.getMessage());
        }
    }
}
