package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ReadOnlyException;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.Rgba;
import org.omerosdk.render.InMemoryPixelSource;
import org.omerosdk.render.RenderingSettings;
import org.omerosdk.render.pyramid.OmeTiffExporter;

/**
 * OMERO's rendering-settings operations from the session: paste and "Save to All" with the pixel-type and
 * channel rules, "Set Imported", "Set Owner's", others' settings, channel names with apply-to-all; each leaving
 * other users' settings alone, refused where permissions say so, and answering invisible targets like missing ones.
 */
class RenderingSettingsOperationsTest {
    private static Path dir;
    private static Lab lab;
    private static Path twoChannels;
    private static Path oneChannel;

    @BeforeAll
    static void open() throws Exception {
        dir = Files.createTempDirectory("rendering-settings-ops");
        lab = Lab.open(DatabaseTarget.H2, dir);
        twoChannels = dir.resolve("two.ome.tif");
        OmeTiffExporter.standard().write(SessionRenderingTest.knownPixels(), "two", twoChannels);
        oneChannel = dir.resolve("one.ome.tif");
        byte[] plane = new byte[16 * 16];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = (byte) i;
        }
        OmeTiffExporter.standard().write(InMemoryPixelSource.builder(PixelType.UINT8, 16, 16).plane(0, 0, 0, 0, plane)
                .build(), "one", oneChannel);
    }

    @AfterAll
    static void close() {
        lab.close();
    }

    /** ada's dataset in {@code group}: two two-channel uint16 images and a one-channel uint8 image. */
    private record Fixture(Dataset dataset, Image a, Image b, Image odd) {
    }

    private static Fixture adasDataset(String group) {
        try (Session ada = lab.login("ada")) {
            Session in = ada.withGroup(lab.group(group));
            Dataset d = in.containers().createDataset("for settings");
            Image a = importInto(in, twoChannels);
            Image b = importInto(in, twoChannels);
            Image odd = importInto(in, oneChannel);
            for (Image i : List.of(a, b, odd)) {
                in.containers().link(d, i);
            }
            return new Fixture(d, a, b, odd);
        }
    }

    private static Image importInto(Session s, Path file) {
        ImportResult r = s.imports().importFiles(List.of(file));
        assertTrue(r.ok(), () -> r.failures().toString());
        return r.images().get(0);
    }

    private static RenderingSettings magenta(RenderingSettings s) {
        return s.withChannel(0, s.channels().get(0).withWindow(100, 900).withColor(Rgba.of(255, 0, 255)));
    }

    /** Everything but the version and the extent (not stored). */
    private static RenderingSettings value(RenderingSettings s) {
        return new RenderingSettings(s.model(), s.channels().stream().map(c -> c.withExtent(0, 1)).toList(),
                s.cdStart(), s.cdEnd(), s.bitResolution(), s.defaultZ(), s.defaultT(), 0);
    }

    private static long id(String user) {
        return lab.user(user).id();
    }

    @Test
    void saveToAllGivesTheCallerTheSettingsOnCompatibleImagesOnlyAndLeavesTheOwnersAlone() {
        Fixture f = adasDataset("readOnly");
        try (Session bob = lab.login("bob"); Session ada = lab.login("ada")) {
            RenderingSettings adasB = ada.rendering().settings(f.b());
            RenderingSettings bobs = magenta(bob.rendering().settings(f.a()));
            bob.renderings().save(f.a(), bobs);   // from bob's default group context: stored in the image's group
            Renderings.Applied r = bob.renderings().applyTo(f.a(), f.dataset());
            assertEquals(List.of(f.a().id(), f.b().id()), r.applied());
            assertEquals(List.of(f.odd().id()), r.incompatible(), "another pixel type and channel count");
            assertEquals(value(bobs), value(bob.rendering().settings(f.b())));
            assertEquals(value(adasB), value(ada.rendering().settings(f.b())), "the owner's settings are hers");
            assertEquals(Map.of(id("ada"), value(adasB), id("bob"), value(bobs)),
                    valueMap(ada.renderings().byOwner(f.b())));
            assertFalse(bob.renderings().byOwner(f.odd()).containsKey(id("bob")), "nothing saved on the odd one");
        }
    }

    private static Map<Long, RenderingSettings> valueMap(Map<Long, RenderingSettings> m) {
        Map<Long, RenderingSettings> out = new java.util.TreeMap<>();
        m.forEach((k, v) -> out.put(k, value(v)));
        return out;
    }

    @Test
    void copyAndPasteOntoAProjectReachesTheImagesOfItsDatasets() {
        Fixture f = adasDataset("readOnly");
        try (Session ada = lab.login("ada")) {
            Session in = ada.withGroup(lab.group("readOnly"));
            Project p = in.containers().createProject("holds the dataset");
            in.containers().link(p, f.dataset());
            ada.renderings().save(f.a(), magenta(ada.rendering().settings(f.a())));
            Renderings.CopiedSettings copied = ada.renderings().copy(f.a());
            assertEquals(PixelType.UINT16, copied.pixelType());
            assertEquals(2, copied.emissionNm().size());
            Renderings.Applied r = ada.renderings().paste(copied, p);
            assertEquals(List.of(f.a().id(), f.b().id()), r.applied());
            assertEquals(value(ada.rendering().settings(f.a())), value(ada.rendering().settings(f.b())));
        }
    }

    @Test
    void aPastedDefaultPlaneThatTheTargetLacksKeepsTheTargets() {
        Fixture f = adasDataset("readOnly");
        try (Session ada = lab.login("ada")) {
            RenderingSettings s = ada.rendering().settings(f.a());
            Renderings.CopiedSettings far = new Renderings.CopiedSettings(f.a().id(), PixelType.UINT16,
                    List.of(Optional.empty(), Optional.empty()), s.withDefaultPlane(9, 0));
            ada.renderings().paste(far, f.b());
            assertEquals(1, ada.rendering().settings(f.b()).defaultZ(), "sizeZ 3: section 9 does not exist");
        }
    }

    @Test
    void setImportedAndSetOwnersReplaceOnlyTheCallersSettings() {
        Fixture f = adasDataset("readOnly");
        try (Session ada = lab.login("ada"); Session bob = lab.login("bob")) {
            RenderingSettings imported = ada.rendering().imported(f.a());
            ada.renderings().save(f.a(), magenta(imported));
            RenderingSettings adas = ada.rendering().settings(f.a());
            bob.renderings().save(f.a(), magenta(imported).withModel(RenderingSettings.Model.GREYSCALE));
            assertEquals(List.of(f.a().id()), bob.renderings().resetToImported(f.a()));
            assertEquals(value(imported), value(bob.rendering().settings(f.a())));
            assertEquals(value(adas), value(ada.rendering().settings(f.a())), "hers untouched");
            assertEquals(List.of(f.a().id()), bob.renderings().resetToOwners(f.a()));
            assertEquals(value(adas), value(bob.rendering().settings(f.a())), "now a copy of the owner's");
            assertEquals(List.of(), ada.renderings().resetToOwners(f.a()), "the owner's are her own");
            assertEquals(List.of(f.a().id(), f.b().id(), f.odd().id()),
                    ada.renderings().resetToImported(f.dataset()));
            assertEquals(value(imported), value(ada.rendering().settings(f.a())));
        }
    }

    @Test
    void anotherUsersSettingsLoadForDisplayWithoutBecomingTheCallers() {
        Fixture f = adasDataset("readOnly");
        try (Session ada = lab.login("ada"); Session bob = lab.login("bob")) {
            RenderingSettings bobs = magenta(bob.rendering().settings(f.a()));
            bob.renderings().save(f.a(), bobs);
            RenderingSettings seen = ada.renderings().load(f.a(), lab.user("bob")).orElseThrow();
            assertEquals(value(bobs), value(seen));
            assertArrayEquals(bob.rendering().render(f.a()).argb(),
                    ada.rendering().render(f.a(), 1, 0, seen).argb());
            assertEquals(Optional.empty(), ada.renderings().load(f.a(), lab.user("pi")));
            assertFalse(value(bobs).equals(value(ada.rendering().settings(f.a()))), "hers are still hers");
        }
    }

    @Test
    void aThumbnailOnAnotherInstanceShowsTheOwnersNewSettings() {
        Fixture f = adasDataset("readOnly");
        OmeroSdk other = lab.anotherInstance();
        try (Session ada = lab.login("ada"); Session bob = other.login("bob", Lab.PASSWORD.toCharArray())) {
            int[] before = bob.rendering().thumbnail(f.a()).argb();
            ada.renderings().save(f.a(), magenta(ada.rendering().settings(f.a())));
            int[] after = bob.rendering().thumbnail(f.a()).argb();
            assertFalse(java.util.Arrays.equals(before, after));
            assertArrayEquals(ada.rendering().thumbnail(f.a()).argb(), after);
        }
    }

    @Test
    void invisibleTargetsAnswerAsMissingOnesAndNothingChanges() {
        Fixture hidden = adasDataset("private");
        Fixture shared = adasDataset("readOnly");
        try (Session bob = lab.login("bob")) {
            RenderingSettings before = bob.rendering().settings(shared.a());
            assertThrows(NotFoundException.class, () -> bob.renderings().applyTo(shared.a(), shared.b(),
                    hidden.dataset()));
            assertThrows(NotFoundException.class, () -> bob.renderings().applyTo(hidden.a(), shared.b()));
            assertThrows(NotFoundException.class, () -> bob.renderings().resetToImported(hidden.a()));
            assertThrows(NotFoundException.class, () -> bob.renderings().resetToOwners(hidden.dataset()));
            assertThrows(NotFoundException.class, () -> bob.renderings().byOwner(hidden.a()));
            assertThrows(NotFoundException.class, () -> bob.renderings().load(hidden.a(), lab.user("ada")));
            assertThrows(NotFoundException.class, () -> bob.renderings().renameChannels(Map.of(0, "x"), 2,
                    hidden.dataset()));
            assertFalse(bob.renderings().byOwner(shared.b()).containsKey(id("bob")), "nothing was saved");
            assertEquals(value(before), value(bob.rendering().settings(shared.a())));
        }
    }

    @Test
    void aTargetOfAnotherKindIsRefusedNamingIt() {
        Fixture f = adasDataset("readOnly");
        try (Session ada = lab.login("ada")) {
            Channel c = ada.images().channels(f.a()).get(0);
            ValidationException e = assertThrows(ValidationException.class,
                    () -> ada.renderings().resetToImported(c));
            assertTrue(e.getMessage().contains("Channel"), e.getMessage());
        }
    }

    @Test
    void thePublicUserSavesNothing() {
        Fixture f = adasDataset("published");
        Session pub = lab.sdk.publicSession();
        assertEquals(2, pub.rendering().settings(f.a()).channels().size(), "may look");
        assertThrows(ReadOnlyException.class, () -> pub.renderings().applyTo(f.a(), f.dataset()));
        assertThrows(ReadOnlyException.class, () -> pub.renderings().resetToImported(f.a()));
        assertThrows(ReadOnlyException.class, () -> pub.renderings().renameChannels(Map.of(0, "x"), 2, f.a()));
        try (Session ada = lab.login("ada")) {
            assertEquals(List.of(id("ada")), List.copyOf(ada.renderings().byOwner(f.a()).keySet()));
        }
    }

    @Test
    void channelNamesApplyToTheImagesWithThatChannelCount() {
        Fixture f = adasDataset("readOnly");
        try (Session ada = lab.login("ada")) {
            Renderings.Renamed r = ada.renderings().renameChannels(Map.of(0, "DAPI", 1, "GFP"), 2, f.dataset());
            assertEquals(new Renderings.Renamed(2, 4), r);
            for (Image i : List.of(f.a(), f.b())) {
                assertEquals(List.of(Optional.of("DAPI"), Optional.of("GFP")), ada.images().channels(i).stream()
                        .map(c -> c.logicalChannel().name()).toList());
            }
            assertFalse(ada.images().channels(f.odd()).get(0).logicalChannel().name().equals(Optional.of("DAPI")));
            assertThrows(ValidationException.class, () -> ada.renderings().renameChannels(Map.of(2, "x"), 2,
                    f.dataset()));
        }
    }

    @Test
    void aMemberWhoMayNotEditTheChannelsRenamesNothing() {
        Fixture f = adasDataset("readOnly");
        try (Session bob = lab.login("bob"); Session ada = lab.login("ada")) {
            List<Optional<String>> before = ada.images().channels(f.a()).stream()
                    .map(c -> c.logicalChannel().name()).toList();
            assertThrows(SecurityViolation.class, () -> bob.renderings().renameChannels(Map.of(0, "mine"), 2,
                    f.dataset()));
            assertEquals(before, ada.images().channels(f.a()).stream().map(c -> c.logicalChannel().name())
                    .toList());
        }
    }
}
