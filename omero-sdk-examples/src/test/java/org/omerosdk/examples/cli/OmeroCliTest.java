package org.omerosdk.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OmeroCliTest {
    @TempDir
    Path data;

    private final Map<String, String> env = new HashMap<>();
    private String out;
    private String err;

    private int omero(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        env.putIfAbsent("OMERO_DATA", data.toString());
        int rc = OmeroCli.execute(args, new PrintWriter(o), new PrintWriter(e), env);
        out = o.toString();
        err = e.toString();
        return rc;
    }

    private Path configFile() {
        return data.resolve("omero.properties");
    }

    @Test
    void setThenGetPrintsTheValueWithoutQuotes() {
        assertEquals(0, omero("config", "set", "omero.web.server_list", "[[\"prod.example.com\", 4064, \"prod\"]]"));
        assertEquals(0, omero("config", "get", "omero.web.server_list"));
        assertEquals("[[\"prod.example.com\", 4064, \"prod\"]]\n", out);
    }

    @Test
    void valueWithSpacesIsStoredAsOneValue() {
        omero("config", "set", "omero.ldap.base", "ou=people, o=lab");
        omero("config", "get", "omero.ldap.base");
        assertEquals("ou=people, o=lab\n", out);
    }

    @Test
    void getAlonePrintsEveryExplicitValueSortedAndMasksPasswords() {
        omero("config", "set", "omero.db.user", "alice");
        omero("config", "set", "omero.db.pass", "secret");
        assertEquals(0, omero("config", "get"));
        assertEquals("omero.db.pass=********\nomero.db.user=alice\n", out);
        omero("config", "list", "--show-password");
        assertEquals("omero.db.pass=secret\nomero.db.user=alice\n", out);
    }

    @Test
    void getOfAnUnsetKeyPrintsItsResolvedDefault() {
        omero("config", "set", "omero.data.dir", "/srv/d");
        omero("config", "get", "omero.managed.dir");
        assertEquals("/srv/d/ManagedRepository\n", out);
    }

    @Test
    void setWithoutValueRemovesTheKey() {
        omero("config", "set", "omero.db.port", "6000");
        assertEquals(0, omero("config", "set", "omero.db.port"));
        omero("config", "get");
        assertEquals("", out);
    }

    @Test
    void refusedValueExitsTwoWithOneLineAndLeavesTheFile() throws IOException {
        omero("config", "set", "omero.db.port", "6000");
        byte[] before = Files.readAllBytes(configFile());
        assertEquals(OmeroCli.EXIT_REFUSED, omero("config", "set", "omero.web.apps", "['foo']"));
        assertTrue(err.startsWith("omero: omero.web.apps = \"['foo']\" refused; accepted: a JSON list"), err);
        assertEquals(1, err.lines().count(), err);
        assertArrayEquals(before, Files.readAllBytes(configFile()));
    }

    @Test
    void debugAddsTheStackTrace() {
        omero("--debug", "config", "set", "omero.db.port", "x");
        assertTrue(err.lines().count() > 1 && err.contains("ValidationException"), err);
    }

    @Test
    void unknownKeyIsStoredWithAWarning() {
        assertEquals(0, omero("config", "set", "omero.my.own", "v"));
        assertTrue(err.contains("warning: omero.my.own is not a known key"), err);
    }

    @Test
    void keyWithEqualsSignIsAUsageError() {
        assertEquals(OmeroCli.EXIT_USAGE, omero("config", "set", "omero.db.port=6000"));
        assertTrue(err.contains("did you mean \"omero config set omero.db.port 6000\""), err);
        assertFalse(Files.exists(configFile()));
    }

    @Test
    void unknownCommandIsAUsageErrorOnOneLine() {
        assertEquals(OmeroCli.EXIT_USAGE, omero("frobnicate"));
        assertTrue(err.startsWith("omero: "), err);
        assertEquals(1, err.lines().count(), err);
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(OmeroCli.EXIT_USAGE, omero());
        assertEquals("omero: a command is required; see omero --help\n", err);
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] cmd : new String[][] {{"--help"}, {"config", "--help"}, {"config", "set", "--help"},
            {"config", "get", "--help"}, {"config", "list", "--help"}, {"config", "edit", "--help"},
            {"config", "load", "--help"}, {"version", "--help"}, {"demo", "--help"}}) {
            assertEquals(0, omero(cmd), String.join(" ", cmd));
            assertTrue(out.startsWith("Usage: omero"), out);
        }
    }

    @Test
    void dataOptionOverridesTheEnvironment() {
        Path other = data.resolve("other");
        omero("config", "set", "--data", other.toString(), "omero.db.name", "x");
        assertTrue(Files.exists(other.resolve("omero.properties")));
        assertFalse(Files.exists(configFile()));
    }

    @Test
    void dataDefaultsToOmeroDataDirInTheWorkingDirectory() {
        assertEquals(Path.of("omero-data"), new DataDirectory().resolve(Map.of()));
        assertEquals(Path.of("/x"), new DataDirectory().resolve(Map.of("OMERO_DATA", "/x")));
    }

    @Test
    void loadReadsAFileAndRefusesABadOneAsAWhole() throws IOException {
        Path good = data.resolve("good.txt");
        Files.writeString(good, "# comment\nomero.db.name=lab\nomero.web.debug=True\n");
        assertEquals(0, omero("config", "load", good.toString()));
        byte[] before = Files.readAllBytes(configFile());
        Path bad = data.resolve("bad.txt");
        Files.writeString(bad, "omero.db.user=bob\nomero.db.poolsize=many\n");
        assertEquals(OmeroCli.EXIT_REFUSED, omero("config", "load", bad.toString()));
        assertTrue(err.contains("bad.txt:2: omero.db.poolsize"), err);
        assertArrayEquals(before, Files.readAllBytes(configFile()));
    }

    @Test
    void editAppliesWhatTheEditorSaved() throws IOException {
        omero("config", "set", "omero.db.name", "a");
        env.put("EDITOR", "sed -i s/omero.db.name=a/omero.db.name=b/");
        assertEquals(0, omero("config", "edit"), err);
        omero("config", "get", "omero.db.name");
        assertEquals("b\n", out);
    }

    @Test
    void invalidEditIsRefusedAndTheOldFileKept() throws IOException {
        omero("config", "set", "omero.db.port", "6000");
        byte[] before = Files.readAllBytes(configFile());
        env.put("EDITOR", "sed -i s/6000/sixty/");
        assertEquals(OmeroCli.EXIT_REFUSED, omero("config", "edit"));
        assertTrue(err.contains("nothing changed; your edits are in"), err);
        assertArrayEquals(before, Files.readAllBytes(configFile()));
    }

    @Test
    void listAllKeysPrintsEveryKnownKey() {
        omero("config", "list", "--all-keys");
        assertTrue(out.contains("omero.db.poolsize\tint\t10\t"), out);
        assertTrue(out.lines().count() > 200);
    }

    @Test
    void versionNamesTheSdkAndJava() {
        assertEquals(0, omero("version"));
        assertTrue(out.startsWith("omero-sdk 0.1.0\nJava "), out);
    }

    @Test
    void demoStubSaysWhatItWouldDo() {
        assertEquals(0, omero("demo", "--data", data.toString()));
        assertTrue(out.contains(data.toAbsolutePath().toString()), out);
    }
}
