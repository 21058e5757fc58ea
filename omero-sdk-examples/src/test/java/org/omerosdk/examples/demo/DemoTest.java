package org.omerosdk.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.sdk.Listing;
import org.omerosdk.sdk.OmeroSdk;
import org.omerosdk.sdk.Session;

class DemoTest {
    private static String run(Path dir) {
        StringWriter text = new StringWriter();
        new Demo(new PrintWriter(text, true)).run(dir);
        return text.toString();
    }

    @Test
    void firstRunCreatesTheWorkshopAndASecondRunCreatesNothing(@TempDir Path dir) {
        String first = run(dir);
        assertTrue(first.contains("4 groups (4 new), 50 users (50 new), 24 projects and 48 datasets new"), first);
        assertTrue(first.contains("root password (shown once)"), first);
        assertTrue(first.contains("read-annotate-group (Read-Annotate, rwra--)"), first);
        assertTrue(first.contains("Project \"Ada's experiments\" (owner user-1 Ada Lovelace)"), first);
        assertTrue(first.contains("imported 1 files for user-1 (read-annotate-group) into "), first);
        assertTrue(first.matches("(?s).*log in as user-1 \\(password omero-demo\\) and open\\s+"
                + "http://127\\.0\\.0\\.1:4080/webclient/img_detail/\\d+/.*"), first);
        java.util.regex.Matcher landed = java.util.regex.Pattern.compile("    (user-1_\\d+/\\S+/cells.ome.tiff)  SHA1-160 ")
                .matcher(first);
        assertTrue(landed.find(), first);
        assertTrue(java.nio.file.Files.isRegularFile(dir.resolve("ManagedRepository").resolve(landed.group(1))));
        assertTrue(first.contains("Dataset \"control\" (1 images)"), first);
        assertTrue(first.matches("(?s).*rendered Image:\\d+ from the repository, 512x512, 3 channels \\(DAPI, "
                + "Membrane, Spots\\).*"), first);
        assertTrue(first.contains("levels: 4096x4096, 2048x2048, 1024x1024, 512x512, 256x256"), first);
        assertTrue(java.nio.file.Files.isRegularFile(dir.resolve("Pixels/demo-large.zarr/.zattrs")));
        java.awt.image.BufferedImage rendered;
        try {
            rendered = javax.imageio.ImageIO.read(dir.resolve("demo-output/cells-rendered.png").toFile());
            assertEquals(96, javax.imageio.ImageIO.read(dir.resolve("demo-output/cells-thumbnail.png").toFile())
                    .getWidth());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(512, rendered.getWidth());
        int[] rgb = rendered.getRGB(0, 0, 512, 512, null, 0, 512);
        assertTrue(java.util.Arrays.stream(rgb).anyMatch(p -> (p & 0xFF) > 200), "blue nuclei are drawn");
        assertTrue(java.util.Arrays.stream(rgb).anyMatch(p -> (p >> 8 & 0xFF) > 200), "green outlines are drawn");

        // the four levels, demonstrated: a colleague's allowed and denied actions, and the groups' owner's
        assertTrue(first.contains("private-group        view: denied   rename: denied   add dataset: denied"), first);
        assertTrue(first.contains("read-only-group      view: allowed  rename: denied   add dataset: denied"), first);
        assertTrue(first.contains("read-write-group     view: allowed  rename: allowed  add dataset: allowed"),
                first);
        assertTrue(first.contains("| owner renames: allowed"), first);

        String second = run(dir);
        assertTrue(second.contains("4 groups (0 new), 50 users (0 new), 0 projects and 0 datasets new"), second);
        assertTrue(!second.contains("root password"), second);
        assertTrue(second.contains("sample acquisition already imported for user-1"), second);
        assertTrue(second.contains("already built"), second);

        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(dir).open();
             Session ada = sdk.login("user-1", Demo.USER_PASSWORD.toCharArray())) {
            assertEquals("Lovelace", ada.user().lastName());
            Experimenter trainer = ada.admin().user("user-50");
            for (Permissions.Level level : Permissions.Level.values()) {
                String group = level.displayName().toLowerCase(java.util.Locale.ROOT) + "-group";
                assertEquals(level.permissions(), sdk.rootSession().admin().group(group).permissions());
                assertTrue(sdk.rootSession().admin().members(sdk.rootSession().admin().group(group)).stream()
                        .anyMatch(m -> m.child().id() == trainer.id() && m.isOwner()), group);
            }
            long adasProjects = sdk.rootSession().containers()
                    .projects(Listing.all().ownedBy(ada.user())).stream()
                    .filter(p -> p.name().equals("Ada's experiments")).count();
            assertEquals(4, adasProjects);
            // the permission tour's projects are found again, not duplicated, and left as they were
            assertEquals(4, sdk.rootSession().containers().projects(Listing.all().ownedBy(ada.user())).stream()
                    .filter(p -> p.name().equals("permission tour")).count());
        }
    }
}
