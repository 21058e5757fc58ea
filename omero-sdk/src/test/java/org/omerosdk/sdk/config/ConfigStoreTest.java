package org.omerosdk.sdk.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.ConfigValidation;
import org.omerosdk.model.config.OmeroConfig;

class ConfigStoreTest {
    @TempDir
    Path data;

    private ConfigStore store() {
        return ConfigStore.open(data, ConfigValidation.of(List.of()));
    }

    @Test
    void missingFileMeansEveryDefault() {
        assertEquals(OmeroConfig.defaults(), store().snapshot());
        assertFalse(Files.exists(data.resolve(ConfigStore.FILE_NAME)));
    }

    @Test
    void everyKindRoundTripsThroughTheFile() {
        Map<String, String> values = Map.of(
                "omero.db.port", "5433",
                "omero.sessions.timeout", "3000000000",
                "omero.web.debug", "True",
                "omero.client.icetransports", "ssl, tcp, wss",
                "omero.web.server_list", "[[\"prod.example.com\", 4064, \"prod\"], [\"dev\", 4064, \"d\\\"q\"]]",
                "omero.data.dir", "/srv/data with space/ü",
                "omero.ldap.base", " ou=people, o=lab\\ with = signs: #1\n2",
                "omero.custom.key", "x");
        values.forEach(store()::set);
        assertEquals(values, store().snapshot().explicitValues());
        assertEquals(5433, store().snapshot().getInt(ConfigKeys.DB_PORT));
    }

    @Test
    void refusedValueLeavesTheFileByteForByte() throws IOException {
        store().set("omero.db.port", "5433");
        byte[] before = Files.readAllBytes(store().file());
        ValidationException e = assertThrows(ValidationException.class, () -> store().set("omero.db.port", "x"));
        assertTrue(e.getMessage().contains("omero.db.port"));
        assertArrayEquals(before, Files.readAllBytes(store().file()));
        assertEquals(1, countFiles());
    }

    @Test
    void unsetReturnsTheKeyToItsDefault() {
        store().set("omero.db.port", "5433");
        store().unset("omero.db.port");
        assertEquals(5432, store().snapshot().getInt(ConfigKeys.DB_PORT));
        assertEquals(Map.of(), store().snapshot().explicitValues());
    }

    @Test
    void loadReadsOmeroKeyValueLines() {
        // as in OMERO, a continued line keeps the spaces before the backslash and of the next line
        store().load("""
                # a comment
                omero.db.port=5433

                omero.web.apps=["a", \\
                  "b"]
                omero.db.host
                =ignored
                omero.ldap.base='quoted stays'
                """, "f", false);
        assertEquals(Map.of("omero.db.port", "5433", "omero.web.apps", "[\"a\",   \"b\"]", "omero.db.host", "",
                "omero.ldap.base", "'quoted stays'"), store().snapshot().explicitValues());
    }

    @Test
    void loadValidatesEveryLineBeforeWritingAny() throws IOException {
        store().set("omero.db.name", "keep");
        byte[] before = Files.readAllBytes(store().file());
        ValidationException e = assertThrows(ValidationException.class,
                () -> store().load("omero.db.user=u\nomero.web.apps=[1,\n", "in.txt", false));
        assertTrue(e.getMessage().startsWith("in.txt:2: omero.web.apps"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(store().file()));
    }

    @Test
    void loadRefusesChangingAStoredKeyUnlessOverwriting() {
        store().set("omero.db.name", "a");
        assertThrows(ValidationException.class, () -> store().load("omero.db.name=b", "f", false));
        store().load("omero.db.name=a", "f", false);
        store().load("omero.db.name=b", "f", true);
        assertEquals("b", store().snapshot().explicitValues().get("omero.db.name"));
    }

    @Test
    void editTextRoundTripsAndReplacesEverything() {
        store().set("omero.db.name", "a");
        store().set("omero.db.user", "u");
        String text = store().editText();
        assertTrue(text.startsWith("# Edit your preferences"));
        store().replaceWith(text.replace("omero.db.user=u\n", ""), "edit");
        assertEquals(Map.of("omero.db.name", "a"), store().snapshot().explicitValues());
    }

    @Test
    void invalidEditIsRefusedAndTheOldFileKept() throws IOException {
        store().set("omero.db.name", "a");
        byte[] before = Files.readAllBytes(store().file());
        assertThrows(ValidationException.class, () -> store().replaceWith("omero.web.debug=maybe\n", "edit"));
        assertArrayEquals(before, Files.readAllBytes(store().file()));
    }

    @Test
    void theFileIsCreatedWithItsDataDirectory() {
        ConfigStore s = ConfigStore.open(data.resolve("new/dir"), ConfigValidation.of(List.of()));
        s.set("omero.db.name", "x");
        assertTrue(Files.isRegularFile(data.resolve("new/dir/omero.properties")));
    }

    @Test
    void defaultsReferringToTheDataDirectoryResolve() {
        store().set("omero.data.dir", data.toString());
        assertEquals(data + "/ManagedRepository", store().snapshot().get(ConfigKeys.MANAGED_DIR));
    }

    private long countFiles() throws IOException {
        try (var s = Files.list(data)) {
            return s.count();
        }
    }
}
