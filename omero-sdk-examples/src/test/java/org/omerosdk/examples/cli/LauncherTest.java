package org.omerosdk.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./omero} launcher: runs the CLI, and builds only when something is missing or out of date. */
class LauncherTest {
    private static final Path REPO = Path.of(System.getProperty("omerosdk.repo.root"));

    @TempDir
    Path tmp;

    private Path fakeRoot;
    private Path fakeBin;

    record Run(int rc, String out, String err) {
    }

    private static Run run(Path launcher, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        int rc = pb.start().waitFor();
        Run r = new Run(rc, Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    @Test
    void realLauncherRunsTheCliWithHelpAndVersion() throws Exception {
        // The build of this very test run wrote target/classes and classpath.txt; never start a nested Maven here.
        Map<String, String> env = Map.of("OMERO_LAUNCHER_NO_BUILD", "1");
        Path stamp = REPO.resolve("omero-sdk-examples/target/.omero-launcher-built");
        boolean existed = Files.exists(stamp);
        FileTime before = existed ? Files.getLastModifiedTime(stamp) : null;
        if (!existed) {
            Files.createFile(stamp);
        }
        Files.setLastModifiedTime(stamp, FileTime.from(Instant.now().plusSeconds(5)));
        try {
            Run help = run(REPO.resolve("omero"), env, "--help");
            assertEquals(0, help.rc(), help.err());
            assertTrue(help.out().startsWith("Usage: omero"), help.out());
            Run version = run(REPO.resolve("omero"), env, "version");
            assertEquals(0, version.rc(), version.err());
            assertTrue(version.out().startsWith("omero-sdk "), version.out());
        } finally {
            // leave the stamp as it was, so the next ./omero decides for itself whether to build
            if (existed) {
                Files.setLastModifiedTime(stamp, before);
            } else {
                Files.delete(stamp);
            }
        }
    }

    // A fake repository: the real launcher script, a fake mvn that "builds" and a fake java that echoes.
    @BeforeEach
    void fakeRepository() throws IOException {
        fakeRoot = tmp.resolve("repo");
        fakeBin = tmp.resolve("bin");
        Files.createDirectories(fakeRoot.resolve("omero-model/src/main/java"));
        Files.createDirectories(fakeBin);
        Files.copy(REPO.resolve("omero"), fakeRoot.resolve("omero"));
        Files.writeString(fakeRoot.resolve("pom.xml"), "<project/>");
        Files.writeString(fakeRoot.resolve("omero-model/pom.xml"), "<project/>");
        Files.writeString(fakeRoot.resolve("omero-model/src/main/java/A.java"), "class A {}");
        script(fakeBin.resolve("mvn"), """
                #!/bin/sh
                echo "mvn $*" >> "$FAKE_LOG"
                mkdir -p omero-sdk-examples/target/classes
                printf '%s' "$PWD/lib.jar" > omero-sdk-examples/target/classpath.txt
                touch lib.jar
                """);
        script(fakeBin.resolve("java"), "#!/bin/sh\necho \"java $*\"\n");
    }

    private static void script(Path p, String text) throws IOException {
        Files.writeString(p, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Run fake(String... args) throws Exception {
        return run(fakeRoot.resolve("omero"), Map.of("PATH", fakeBin + ":/usr/bin:/bin", "JAVA_HOME", "",
                "FAKE_LOG", tmp.resolve("mvn.log").toString()), args);
    }

    private long builds() throws IOException {
        Path log = tmp.resolve("mvn.log");
        return Files.exists(log) ? Files.readAllLines(log).size() : 0;
    }

    @Test
    void firstRunBuildsWithOneLineOnStderrThenRuns() throws Exception {
        Run r = fake("version");
        assertEquals(0, r.rc(), r.err());
        assertEquals("building omero-sdk (first run)...\n", r.err());
        assertTrue(r.out().contains("org.omerosdk.examples.cli.OmeroCli version"), r.out());
        assertTrue(Files.readString(tmp.resolve("mvn.log"))
                .contains("-pl omero-sdk-examples -am package -DskipTests"));
    }

    @Test
    void secondRunDoesNotBuild() throws Exception {
        fake("version");
        Run r = fake("version");
        assertEquals("", r.err());
        assertEquals(1, builds());
    }

    @Test
    void aChangedSourceTriggersABuild() throws Exception {
        fake("version");
        Path src = fakeRoot.resolve("omero-model/src/main/java/A.java");
        Files.setLastModifiedTime(src, FileTime.from(Instant.now().plusSeconds(60)));
        fake("version");
        assertEquals(2, builds());
    }

    @Test
    void aMissingClassPathEntryTriggersABuild() throws Exception {
        fake("version");
        Files.delete(fakeRoot.resolve("lib.jar"));
        fake("version");
        assertEquals(2, builds());
    }

    @Test
    void failedBuildShowsMavensOutputAndExitsThree() throws Exception {
        script(fakeBin.resolve("mvn"), "#!/bin/sh\necho 'COMPILATION ERROR in A.java'\nexit 1\n");
        Run r = fake("version");
        assertEquals(3, r.rc());
        assertTrue(r.err().contains("COMPILATION ERROR in A.java") && r.err().contains("omero: build failed"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void noBuildModeRefusesInsteadOfBuilding() throws Exception {
        Run r = run(fakeRoot.resolve("omero"), Map.of("PATH", fakeBin + ":/usr/bin:/bin",
                "OMERO_LAUNCHER_NO_BUILD", "1", "FAKE_LOG", tmp.resolve("mvn.log").toString()), "version");
        assertEquals(3, r.rc());
        assertFalse(r.err().isEmpty());
        assertEquals(0, builds());
    }

    @Test
    void withoutTheModuleJarItRunsTheClassesDirectoryWithoutAnArchive() throws Exception {
        Run r = fake("version");
        assertTrue(r.out().contains("-cp " + fakeRoot.resolve("omero-sdk-examples/target/classes") + ":"), r.out());
        assertFalse(r.out().contains("-XX:"), r.out());
    }

    @Test
    void withTheModuleJarRunsWriteAClassDataArchiveUntilABigOneExistsThenMapIt() throws Exception {
        fake("version");
        Path target = fakeRoot.resolve("omero-sdk-examples/target");
        Files.writeString(target.resolve("omero-sdk-examples-0.1.0.jar"), "jar");
        Files.writeString(target.resolve("omero-sdk-examples-0.1.0-sources.jar"), "sources");
        Run first = fake("version");
        assertTrue(first.out().contains("-XX:ArchiveClassesAtExit=" + target.resolve("omero-launcher.jsa")),
                first.out());
        assertTrue(first.out().contains("-cp " + target.resolve("omero-sdk-examples-0.1.0.jar") + ":"),
                "the module's jar, not its sources jar or classes: " + first.out());
        // an archive of a run that opened no repository is small: the next run writes it again
        Path archive = target.resolve("omero-launcher.jsa");
        Files.write(archive, new byte[1024]);
        assertTrue(fake("version").out().contains("-XX:ArchiveClassesAtExit="));
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(archive.toFile(), "rw")) {
            f.setLength(40L << 20);
        }
        Run mapped = fake("version");
        assertTrue(mapped.out().contains("-XX:SharedArchiveFile=" + archive), mapped.out());
        assertFalse(mapped.out().contains("ArchiveClassesAtExit"), mapped.out());
        Run off = run(fakeRoot.resolve("omero"), Map.of("PATH", fakeBin + ":/usr/bin:/bin", "JAVA_HOME", "",
                "OMERO_LAUNCHER_NO_CDS", "1", "FAKE_LOG", tmp.resolve("mvn.log").toString()), "version");
        assertFalse(off.out().contains("-XX:"), off.out());
        // a build makes the archive stale: it is removed
        Files.setLastModifiedTime(fakeRoot.resolve("omero-model/src/main/java/A.java"),
                FileTime.from(Instant.now().plusSeconds(60)));
        fake("version");
        assertFalse(Files.exists(archive), "the build removed the archive of the old class path");
    }
}
