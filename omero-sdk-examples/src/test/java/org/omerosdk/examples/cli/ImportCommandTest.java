package org.omerosdk.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.examples.demo.SampleOmeTiff;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.sdk.Listing;
import org.omerosdk.sdk.OmeroSdk;
import org.omerosdk.sdk.Session;

/**
 * {@code omero login}, {@code omero import} and {@code omero logout} on one repository (opened once for the class:
 * each SDK open costs seconds), with the session folder in the test's scratch directory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportCommandTest {
    private Path scratch;
    private Path data;
    private Path sessions;
    private Path sample;
    private long datasetId;
    private String out;
    private String err;

    @BeforeAll
    void repositoryWithTwoUsers(@TempDir Path dir) {
        scratch = dir;
        data = scratch.resolve("data");
        sessions = scratch.resolve("sessions");
        sample = scratch.resolve("cells.ome.tiff");
        SampleOmeTiff.write(sample, List.of(SampleOmeTiff.cells(64, 48)));
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(data).open(); Session root = sdk.rootSession()) {
            ExperimenterGroup lab = root.admin().createGroup("lab", Permissions.Level.READ_ANNOTATE);
            for (String name : List.of("alice", "bob")) {
                Experimenter u = root.admin().createUser(name, name, "Lab", lab);
                root.admin().setPassword(u, (name + "-pw").toCharArray());
            }
            try (Session alice = root.sudo("alice")) {
                datasetId = alice.containers().createDataset("plates and cells").id();
            }
        }
    }

    private int omero(String... args) {
        CliRun r = CliRun.in(data, sessions, args);
        out = r.out();
        err = r.err();
        return r.rc();
    }

    @Test
    void loginStoresTheKeyThatImportJoinsAndLogoutEndsIt() throws Exception {
        assertEquals(0, omero("login", "-u", "alice", "-w", "alice-pw"), err);
        Matcher created = Pattern.compile("Created session (\\S+) \\(alice\\)").matcher(out);
        assertTrue(created.find(), out);
        String key = created.group(1);
        Path file = StoredSessions.of(Map.of("OMERO_SESSIONDIR", sessions.toString())).file(data);
        String stored = Files.readString(file);
        assertTrue(stored.contains("key=" + key), stored);
        assertFalse(stored.contains("alice-pw"), "no password is stored");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        assertEquals(0, omero("login"), err);
        assertTrue(out.startsWith("Using session " + key + " (alice)"), out);

        assertEquals(0, omero("import", sample.toString(), "--target", "Dataset:" + datasetId, "--progress", "lines"),
                err);
        Matcher image = Pattern.compile("^Image:(\\d+) cells$", Pattern.MULTILINE).matcher(out);
        assertTrue(image.find(), out);
        assertTrue(err.contains("imported " + sample + " (OME-TIFF)") || err.contains("imported " + sample), err);
        assertTrue(err.contains("1 of 1 filesets imported, 1 images"), err);
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(data).open(); Session root = sdk.rootSession()) {
            Image imported = root.images().get(Long.parseLong(image.group(1)));
            assertEquals(root.admin().user("alice").id(), imported.details().ownerId().orElseThrow());
            assertEquals(1, root.containers().countImages(root.get(Dataset.class, datasetId)));
        }

        assertEquals(0, omero("logout"), err);
        assertTrue(out.contains("Logged out alice"), out);
        assertFalse(Files.exists(file));
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(data).open()) {
            org.junit.jupiter.api.Assertions.assertThrows(org.omerosdk.model.AuthenticationException.class,
                    () -> sdk.joinSession(key), "the session is ended, not only forgotten");
        }
        assertEquals(OmeroCli.EXIT_FAILED, omero("import", sample.toString()));
        assertTrue(err.contains("not logged in to "), err);
    }

    @Test
    void aWrongPasswordStoresNothing() throws Exception {
        Files.deleteIfExists(StoredSessions.of(Map.of("OMERO_SESSIONDIR", sessions.toString())).file(data));
        assertEquals(OmeroCli.EXIT_FAILED, omero("login", "-u", "bob", "-w", "wrong"));
        assertFalse(Files.exists(StoredSessions.of(Map.of("OMERO_SESSIONDIR", sessions.toString())).file(data)));
    }

    @Test
    void anEndedStoredSessionIsForgottenWithAMessageToLogInAgain() throws Exception {
        assertEquals(0, omero("login", "-u", "bob", "-w", "bob-pw"), err);
        StoredSessions store = StoredSessions.of(Map.of("OMERO_SESSIONDIR", sessions.toString()));
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(data).open()) {
            sdk.joinSession(store.find(data).orElseThrow().key()).close();   // ended elsewhere
        }
        assertEquals(OmeroCli.EXIT_FAILED, omero("import", sample.toString()));
        assertTrue(err.contains("the session of bob on ") && err.contains("has ended"), err);
        assertFalse(store.find(data).isPresent());
    }

    @Test
    void aFailedFilesetExitsNonZeroAfterTheOthersImported() throws Exception {
        Path broken = Files.writeString(scratch.resolve("broken.tif"), "not a TIFF");
        assertEquals(OmeroCli.EXIT_FAILED, omero("import", "-u", "bob", "-w", "bob-pw", sample.toString(),
                broken.toString(), "--dataset-name", "from the CLI", "--progress", "bar"));
        assertTrue(out.matches("(?s)Image:\\d+ cells\\n"), out);
        assertTrue(err.contains("omero: " + broken + ": "), err);
        assertTrue(err.contains("1 of 2 filesets imported"), err);
        assertTrue(err.contains("\r["), "a bar is drawn: " + err);
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(data).open(); Session root = sdk.rootSession()) {
            Experimenter bob = root.admin().user("bob");
            List<Dataset> ds = root.containers().datasets(Listing.all().ownedBy(bob)).stream()
                    .filter(d -> d.name().equals("from the CLI")).toList();
            assertEquals(1, ds.size());
            assertEquals(1, root.containers().countImages(ds.get(0)));
        }
    }

    @Test
    void unknownTransferModesAndTargetsAreRefusedBeforeAnything() {
        assertEquals(OmeroCli.EXIT_REFUSED, omero("import", "-u", "bob", "-w", "bob-pw", sample.toString(),
                "--transfer", "teleport"));
        assertTrue(err.contains("--transfer teleport is not a transfer mode"), err);
        assertEquals(OmeroCli.EXIT_REFUSED, omero("import", "-u", "bob", "-w", "bob-pw", sample.toString(),
                "--target", "Project:1"));
        assertTrue(err.contains("expected Dataset:ID or Screen:ID"), err);
    }

    @Test
    void anotherUsersPrivateDatasetIsNotATarget() {
        // bob may see alice's dataset in a read-annotate group but not write into it: the import is refused
        assertEquals(OmeroCli.EXIT_FAILED, omero("import", "-u", "bob", "-w", "bob-pw", sample.toString(),
                "--target", "Dataset:" + datasetId));
        assertFalse(out.contains("Image:"), out);
    }
}
