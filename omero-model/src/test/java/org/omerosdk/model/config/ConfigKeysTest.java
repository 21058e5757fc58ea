package org.omerosdk.model.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConfigKeysTest {
    @Test
    void everyGlossaryPropertyIsDeclared() throws IOException {
        Path glossary = Path.of(System.getProperty("omerosdk.repo.root"))
                .resolve("../shared/seeds/001_561a44154b8938f4.txt");
        Matcher m = Pattern.compile("(?m)^property (omero\\S+)\\s*$").matcher(Files.readString(glossary));
        List<String> missing = new ArrayList<>();
        int count = 0;
        while (m.find()) {
            count++;
            if (ConfigKeys.byName(m.group(1)).isEmpty()) {
                missing.add(m.group(1));
            }
        }
        assertTrue(count > 150, "glossary parsed: " + count);
        assertEquals(List.of(), missing);
    }

    @Test
    void everyDefaultPassesItsOwnKindCheck() {
        for (ConfigKey key : ConfigKeys.all()) {
            assertDoesNotThrow(() -> ConfigValidation.checkKind(key, key.defaultValue()), key.name());
        }
    }

    @Test
    void lookupByNameFindsTheSameConstant() {
        assertEquals(ConfigKeys.DB_POOLSIZE, ConfigKeys.byName("omero.db.poolsize").orElseThrow());
        assertTrue(ConfigKeys.byName("omero.no.such.key").isEmpty());
    }

    @Test
    void webKeysOfTheDeploymentPageAreDeclaredWithOmeroDefaults() {
        assertEquals("[[\"localhost\", 4064, \"omero\"]]", ConfigKeys.WEB_SERVER_LIST.defaultValue());
        assertEquals(ConfigKey.Kind.JSON, ConfigKeys.WEB_SERVER_LIST.kind());
        assertEquals("60000", ConfigKeys.WEB_PING_INTERVAL.defaultValue());
        assertEquals("root@localhost", ConfigKeys.WEB_SERVER_EMAIL.defaultValue());
        assertEquals(ConfigKey.Kind.BOOLEAN, ConfigKeys.WEB_PUBLIC_ENABLED.kind());
    }

    @Test
    void everyKeyIsAnOmeroKeyWithADescription() {
        for (ConfigKey key : ConfigKeys.all()) {
            assertTrue(key.name().startsWith("omero."), key.name());
            assertTrue(!key.description().isBlank(), key.name());
        }
    }
}
