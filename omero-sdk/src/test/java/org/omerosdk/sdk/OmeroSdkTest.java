package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.config.ConfigKeys;

class OmeroSdkTest {
    @TempDir
    Path dir;

    private OmeroSdk.Builder embedded(Path data) {
        return OmeroSdk.builder().dataDirectory(data).passwordHashIterations(1000);
    }

    @Test
    void embeddedDatabaseLivesInDataDirectoryDbOmero() {
        try (OmeroSdk sdk = embedded(dir).rootPassword("x".toCharArray()).open()) {
            assertTrue(Files.exists(dir.resolve("db/omero.mv.db")));
        }
    }

    @Test
    void generatedRootPasswordIsAvailableOnFirstOpenOnlyAndLogsIn() {
        char[] generated;
        try (OmeroSdk sdk = embedded(dir).open()) {
            generated = sdk.generatedRootPassword().orElseThrow();
            assertEquals(20, generated.length);
        }
        try (OmeroSdk again = embedded(dir).open()) {
            assertTrue(again.generatedRootPassword().isEmpty());
            assertEquals("root", again.login("root", generated).user().omeName());
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        // a host that hands its instance to a plugin (OmeroSdkIJ.use) closes it too, in its try-with-resources
        OmeroSdk sdk = embedded(dir).rootPassword("x".toCharArray()).open();
        sdk.rootSession().containers().createProject("kept");
        sdk.close();
        sdk.close();   // threw a StorageException (the final flush found the pool closed)
        try (OmeroSdk again = embedded(dir).open()) {
            assertEquals(1, again.rootSession().containers().projects(Listing.all()).size());
        }
    }

    @Test
    void reopeningAnExistingRepositoryKeepsItsData() {
        try (OmeroSdk sdk = embedded(dir).rootPassword("x".toCharArray()).open()) {
            sdk.rootSession().containers().createProject("kept");
        }
        try (OmeroSdk sdk = embedded(dir).open()) {
            assertEquals(1, sdk.rootSession().containers().projects(Listing.all()).size());
        }
    }

    @Test
    void twoInstancesOnTwoDataDirectoriesDoNotInterfere() {
        try (OmeroSdk a = embedded(dir.resolve("a")).rootPassword("a".toCharArray()).open();
             OmeroSdk b = embedded(dir.resolve("b")).rootPassword("b".toCharArray()).open()) {
            a.rootSession().containers().createProject("only in a");
            assertTrue(b.rootSession().containers().projects(Listing.all()).isEmpty());
            assertEquals(1, a.rootSession().containers().projects(Listing.all()).size());
            assertThrows(org.omerosdk.model.AuthenticationException.class,
                    () -> b.login("root", "a".toCharArray()));
        }
    }

    @Test
    void unreachableDatabaseFailsNamingTheUrlWithoutThePassword() {
        StorageException e = assertThrows(StorageException.class, () -> OmeroSdk.builder()
                .set(ConfigKeys.DB_URL, "jdbc:postgresql://127.0.0.1:1/omero?password=sekret")
                .set(ConfigKeys.DB_PASS, "sekret").open());
        assertTrue(e.getMessage().contains("jdbc:postgresql://127.0.0.1:1/omero"), e.getMessage());
        assertFalse(e.getMessage().contains("sekret"), e.getMessage());
    }

    @Test
    void postgresUrlIsBuiltFromTheDbKeys() {
        var config = org.omerosdk.model.config.OmeroConfig.defaults().with(ConfigKeys.DB_HOST, "db.example")
                .with(ConfigKeys.DB_PORT, "5433").with(ConfigKeys.DB_NAME, "o");
        assertEquals("jdbc:postgresql://db.example:5433/o", Database.jdbcUrl(config, java.util.Optional.empty()));
    }
}
