package org.omerosdk.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.examples.demo.SampleOmeTiff;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.Rgba;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.render.Region;
import org.omerosdk.render.RenderingSettings;
import org.omerosdk.sdk.OmeroSdk;
import org.omerosdk.sdk.Session;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code omero render}, {@code omero thumbnail} and {@code omero render info|copy|set|reset} against a real data
 * directory: the files they write hold the pixels the session renders, and settings verbs change only the caller's
 * settings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenderCommandTest {
    private Path scratch;
    private Path data;
    private Path sessions;
    private long datasetId;
    private long a;
    private long b;
    private long hidden;
    private String out;
    private String err;

    @BeforeAll
    void repository(@TempDir Path dir) {
        scratch = dir;
        data = dir.resolve("data");
        sessions = dir.resolve("sessions");
        Path sample = dir.resolve("cells.ome.tiff");
        SampleOmeTiff.write(sample, List.of(SampleOmeTiff.cells(64, 48)));
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(data).open(); Session root = sdk.rootSession()) {
            ExperimenterGroup lab = root.admin().createGroup("lab", Permissions.Level.READ_ONLY);
            ExperimenterGroup mine = root.admin().createGroup("mine", Permissions.Level.PRIVATE);
            for (String name : List.of("alice", "bob")) {
                Experimenter u = root.admin().createUser(name, name, "Lab", lab, mine);
                root.admin().setPassword(u, (name + "-pw").toCharArray());
            }
            try (Session alice = root.sudo("alice")) {
                Session inLab = alice.withGroup(lab);
                var dataset = inLab.containers().createDataset("to render");
                datasetId = dataset.id();
                a = inLab.imports().importFiles(List.of(sample)).images().get(0).id();
                b = inLab.imports().importFiles(List.of(sample)).images().get(0).id();
                inLab.containers().link(dataset, inLab.images().get(a));
                inLab.containers().link(dataset, inLab.images().get(b));
                hidden = alice.withGroup(mine).imports().importFiles(List.of(sample)).images().get(0).id();
            }
        }
    }

    private int omero(String... args) {
        CliRun r = CliRun.in(data, sessions, args);
        out = r.out();
        err = r.err();
        return r.rc();
    }

    private int as(String user, String... args) {
        return omero(CliRun.loggedIn(user, args));
    }

    private static int[] pixels(Path png) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    private <T> T asUser(String user, java.util.function.Function<Session, T> work) {
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(data).open();
             Session s = sdk.login(user, (user + "-pw").toCharArray())) {
            return work.apply(s);
        }
    }

    @Test
    void renderWritesThePixelsTheSessionRenders() throws Exception {
        Path png = scratch.resolve("a.png");
        assertEquals(0, as("bob", "render", "Image:" + a, "-o", png.toString()), err);
        assertTrue(out.contains("64x48"), out);
        int[] expected = asUser("bob", s -> s.rendering().render(s.images().get(a)).argb());
        assertArrayEquals(expected, pixels(png));
    }

    @Test
    void channelsWindowsColoursAndARegionOfALevelFollowTheOptions() throws Exception {
        Path png = scratch.resolve("region.png");
        assertEquals(0, as("bob", "render", "Image:" + a, "--c", "1|0:600$FF0000,-2,3", "--z", "0", "--region",
                "8,4,32,20", "-o", png.toString()), err);
        int[] expected = asUser("bob", s -> {
            Image img = s.images().get(a);
            RenderingSettings st = s.rendering().settings(img);
            st = st.withChannel(0, st.channels().get(0).withActive(true).withWindow(0, 600)
                    .withColor(Rgba.of(255, 0, 0))).withChannel(1, st.channels().get(1).withActive(false))
                    .withChannel(2, st.channels().get(2).withActive(true));
            return s.rendering().render(img, new Region(0, 0, 0, 8, 4, 32, 20), st).argb();
        });
        assertArrayEquals(expected, pixels(png));
        assertEquals(OmeroCli.EXIT_REFUSED, as("bob", "render", "Image:" + a, "--region", "60,0,10,10", "-o",
                png.toString()));
        assertEquals(OmeroCli.EXIT_REFUSED, as("bob", "render", "Image:" + a, "--c", "9", "-o", png.toString()));
        assertTrue(err.contains("channel 9"), err);
    }

    @Test
    void aMaximumProjectionRendersThroughTheCli() throws Exception {
        Path png = scratch.resolve("max.png");
        assertEquals(0, as("alice", "render", "Image:" + a, "--projection", "max", "-o", png.toString()), err);
        int[] expected = asUser("alice", s -> {
            Image img = s.images().get(a);
            int sizeZ = s.images().primaryPixels(img).sizeZ();
            return s.rendering().project(img, org.omerosdk.render.Projection.MAXIMUM, 0, sizeZ - 1, 0).argb();
        });
        assertArrayEquals(expected, pixels(png));
    }

    @Test
    void thumbnailWritesTheLongestSideAsked() throws Exception {
        Path jpg = scratch.resolve("t.jpg");
        assertEquals(0, as("bob", "thumbnail", "Image:" + a, "--size", "50", "-o", jpg.toString()), err);
        BufferedImage t = ImageIO.read(jpg.toFile());
        assertEquals(50, t.getWidth());
        assertEquals(37, t.getHeight());
        Path png = scratch.resolve("t.png");
        assertEquals(0, as("bob", "thumbnail", "Image:" + a, "-o", png.toString()), err);
        int[] expected = asUser("bob", s -> s.rendering().thumbnail(s.images().get(a)).argb());
        assertArrayEquals(expected, pixels(png));
    }

    @Test
    void anInvisibleImageAnswersAsAMissingOne() {
        assertEquals(OmeroCli.EXIT_FAILED, as("bob", "render", "Image:" + hidden, "-o",
                scratch.resolve("x.png").toString()));
        String hiddenMessage = err.replace(String.valueOf(hidden), "ID");
        assertEquals(OmeroCli.EXIT_FAILED, as("bob", "render", "Image:999999999", "-o",
                scratch.resolve("x.png").toString()));
        assertEquals(hiddenMessage, err.replace("999999999", "ID"));
        assertEquals(OmeroCli.EXIT_FAILED, as("bob", "thumbnail", "Image:" + hidden, "-o",
                scratch.resolve("x.png").toString()));
        assertEquals(OmeroCli.EXIT_FAILED, as("bob", "render", "info", "Image:" + hidden));
        assertEquals(OmeroCli.EXIT_FAILED, as("bob", "render", "reset", "Image:" + hidden));
        assertEquals(OmeroCli.EXIT_REFUSED, as("bob", "render", "reset", "Channel:1"));
    }

    @Test
    void infoSetCopyAndResetWorkOnTheCallersSettings() throws Exception {
        assertEquals(0, as("bob", "render", "info", "Image:" + b), err);
        assertTrue(out.startsWith("rdefv1: model=color, z="), out);
        assertTrue(out.contains("ch0: active=True,color="), out);
        assertEquals(0, as("bob", "render", "info", "Image:" + b, "--style", "json"), err);
        ObjectNode spec = (ObjectNode) new ObjectMapper().readTree(out);
        assertEquals(2, spec.get("version").asInt());
        ((ObjectNode) spec.get("channels").get("1")).put("color", "FF00FF").put("start", 10).put("end", 900);
        spec.put("greyscale", true);
        Path file = Files.writeString(scratch.resolve("spec.json"), spec.toString());
        assertEquals(0, as("bob", "render", "set", "Image:" + b, file.toString()), err);
        RenderingSettings bobs = asUser("bob", s -> s.rendering().settings(s.images().get(b)));
        assertEquals(RenderingSettings.Model.GREYSCALE, bobs.model());
        assertEquals(Rgba.of(255, 0, 255), bobs.channels().get(0).color());
        assertEquals(900, bobs.channels().get(0).windowEnd());
        RenderingSettings alices = asUser("alice", s -> s.rendering().settings(s.images().get(b)));
        assertEquals(RenderingSettings.Model.COLOR, alices.model(), "the owner's settings are hers");

        assertEquals(0, as("bob", "render", "copy", "Image:" + b, "Dataset:" + datasetId), err);
        assertTrue(out.contains("applied to 2 image(s), 0 incompatible"), out);
        assertEquals(RenderingSettings.Model.GREYSCALE,
                asUser("bob", s -> s.rendering().settings(s.images().get(a))).model());

        assertEquals(0, as("bob", "render", "reset", "Dataset:" + datasetId), err);
        assertTrue(out.contains("reset 2 image(s)"), out);
        RenderingSettings reset = asUser("bob", s -> s.rendering().settings(s.images().get(a)));
        RenderingSettings imported = asUser("bob", s -> s.rendering().imported(s.images().get(a)));
        assertEquals(imported.model(), reset.model());
        assertEquals(imported.channels().get(0).color(), reset.channels().get(0).color());

        // a label renames the channel, which bob may not do on alice's image in a read-only group
        JsonNode labelled = ((ObjectNode) spec.get("channels").get("1")).put("label", "Nuclei");
        assertTrue(labelled.has("label"));
        Path named = Files.writeString(scratch.resolve("named.json"), spec.toString());
        assertEquals(OmeroCli.EXIT_FAILED, as("bob", "render", "set", "Image:" + b, named.toString()));
        assertEquals(0, as("alice", "render", "set", "Image:" + b, named.toString()), err);
        assertEquals(0, as("alice", "render", "info", "Image:" + b), err);
        assertTrue(out.contains("label=Nuclei"), out);
    }
}
