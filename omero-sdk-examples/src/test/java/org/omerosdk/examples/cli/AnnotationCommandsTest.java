package org.omerosdk.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.examples.demo.SampleOmeTiff;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.annotations.Annotation;
import org.omerosdk.model.annotations.MapAnnotation;
import org.omerosdk.model.annotations.NamedValue;
import org.omerosdk.model.annotations.TagAnnotation;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.sdk.OmeroSdk;
import org.omerosdk.sdk.Session;

/**
 * {@code omero tag|annotate|attach|download|search} against a real data directory, as two users of a read-only group
 * and of a private one: what they write is what the session then reads, and refusals change nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnotationCommandsTest {
    private Path scratch;
    private Path data;
    private Path sessions;
    private Path sample;
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
        sample = dir.resolve("mitosis cells.ome.tiff");
        SampleOmeTiff.write(sample, List.of(SampleOmeTiff.cells(32, 24)));
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(data).open(); Session root = sdk.rootSession()) {
            ExperimenterGroup lab = root.admin().createGroup("lab", Permissions.Level.READ_ONLY);
            ExperimenterGroup mine = root.admin().createGroup("mine", Permissions.Level.PRIVATE);
            for (String name : List.of("alice", "bob")) {
                Experimenter u = root.admin().createUser(name, name, "Lab", lab, mine);
                root.admin().setPassword(u, (name + "-pw").toCharArray());
            }
            try (Session alice = root.sudo("alice")) {
                Session inLab = alice.withGroup(lab);
                a = inLab.rename(inLab.imports().importFiles(List.of(sample)).images().get(0), "mitosis A").id();
                b = inLab.rename(inLab.imports().importFiles(List.of(sample)).images().get(0), "Mitosis B").id();
                Session inMine = alice.withGroup(mine);
                hidden = inMine.rename(inMine.imports().importFiles(List.of(sample)).images().get(0),
                        "mitosis, private").id();
            }
        }
    }

    private int omero(String user, String... args) {
        CliRun r = CliRun.in(data, sessions, CliRun.loggedIn(user, args));
        out = r.out();
        err = r.err();
        return r.rc();
    }

    private <T> T asUser(String user, Function<Session, T> work) {
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(data).open();
             Session s = sdk.login(user, (user + "-pw").toCharArray())) {
            return work.apply(s);
        }
    }

    private List<Annotation> on(long image) {
        return asUser("alice", s -> s.annotations().on(s.images().get(image)));
    }

    @Test
    void tagPutsOneTagOnEveryObjectAndReusesTheCallersTag() {
        assertEquals(0, omero("alice", "tag", "mitosis", "Image:" + a, "Image:" + b), err);
        assertTrue(out.contains("on 2 objects"), out);
        long tagId = Long.parseLong(out.replaceAll("(?s)TagAnnotation:(\\d+).*", "$1").trim());
        assertEquals(0, omero("alice", "tag", "mitosis", "Image:" + b), err);
        assertTrue(out.startsWith("TagAnnotation:" + tagId + " "), "the same tag again: " + out);
        long onB = on(b).stream().filter(x -> x instanceof TagAnnotation t && t.textValue().equals("mitosis")).count();
        assertEquals(1, onB, "one tag, not linked twice");
        // bob may not annotate alice's image in a read-only group, and nothing of his is stored
        assertNotEquals(0, omero("bob", "tag", "bob's", "Image:" + a));
        assertTrue(on(a).stream().noneMatch(x -> x instanceof TagAnnotation t && t.textValue().equals("bob's")));
        assertNotEquals(0, omero("bob", "tag", "seen", "Image:" + hidden));
        assertTrue(err.contains("Image:" + hidden), err);
    }

    @Test
    void annotateAttachesPairsInTheirOrder() {
        assertEquals(0, omero("alice", "annotate", "Image:" + a, "gene=CDC20", "stage=prophase", "gene=PLK1"), err);
        MapAnnotation map = (MapAnnotation) on(a).stream().filter(x -> x instanceof MapAnnotation).reduce((x, y) -> y)
                .orElseThrow();
        assertEquals(List.of(new NamedValue("gene", "CDC20"), new NamedValue("stage", "prophase"),
                new NamedValue("gene", "PLK1")), map.mapValue());
        assertEquals(OmeroCli.EXIT_REFUSED, omero("alice", "annotate", "Image:" + a, "no-equals-sign"));
        assertTrue(err.contains("KEY=VALUE"), err);
    }

    @Test
    void attachThenDownloadGivesBackTheSameBytes() throws Exception {
        Path notes = scratch.resolve("notes.csv");
        Files.writeString(notes, "cell,area\n1,12.5\n", StandardCharsets.UTF_8);
        assertEquals(0, omero("alice", "attach", "Image:" + a, notes.toString(), "--ns", "lab/notes"), err);
        String id = out.replaceAll("(?s)FileAnnotation:(\\d+).*", "$1").trim();
        Path dir = scratch.resolve("downloaded");
        assertEquals(0, omero("bob", "download", "FileAnnotation:" + id, "-o", dir.toString()), err);
        assertArrayEquals(Files.readAllBytes(notes), Files.readAllBytes(dir.resolve("notes.csv")));
        // an image's original files, as imported
        Path originals = scratch.resolve("originals");
        assertEquals(0, omero("bob", "download", "Image:" + b, "-o", originals.toString()), err);
        assertArrayEquals(Files.readAllBytes(sample), Files.readAllBytes(originals.resolve(sample.getFileName())));
        // not over an existing file, and not what the caller may not see
        assertNotEquals(0, omero("bob", "download", "FileAnnotation:" + id, "-o", dir.toString()));
        assertTrue(err.contains("exists already"), err);
        assertNotEquals(0, omero("bob", "download", "Image:" + hidden, "-o", scratch.resolve("no").toString()));
        assertTrue(!Files.exists(scratch.resolve("no").resolve(sample.getFileName())));
    }

    @Test
    void searchFindsWhatTheCallerMaySeeOnly() {
        assertEquals(0, omero("bob", "search", "MITOSIS"), err);
        assertTrue(out.contains("Image:" + a + " ") && out.contains("Image:" + b + " "), out);
        assertTrue(!out.contains("Image:" + hidden + " "), "alice's private image is not listed: " + out);
        assertEquals(0, omero("alice", "search", "mitosis"), err);
        assertTrue(out.contains("Image:" + a + " mitosis A"), out);
        assertEquals(0, omero("alice", "search", "no such thing"), err);
        assertTrue(err.contains("nothing matches"), err);
    }
}
