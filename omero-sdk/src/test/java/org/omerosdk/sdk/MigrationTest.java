package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.config.OmeroConfig;

/**
 * An empty database is migrated by Flyway and then passes Hibernate's schema validation, on both dialects; the
 * shared migration folder records exactly what the per-dialect folders recorded, so repositories made before
 * still open.
 */
class MigrationTest {
    @TempDir
    Path dir;

    @Test
    void emptyH2DatabaseMigratesAndValidates() throws Exception {
        assertMigratesAndValidates(h2("empty"), Dialect.H2);
    }

    @Test
    void emptyPostgresDatabaseMigratesAndValidates() throws Exception {
        assertMigratesAndValidates(postgres("migration"), Dialect.POSTGRESQL);
    }

    @Test
    void h2RecordsWhatThePerDialectFoldersRecorded() throws Exception {
        assertRecordsReleasedMigrations(h2("released"), Dialect.H2);
    }

    @Test
    void postgresRecordsWhatThePerDialectFoldersRecorded() throws Exception {
        assertRecordsReleasedMigrations(postgres("released"), Dialect.POSTGRESQL);
    }

    @Test
    void h2RepositoryMigratedFromOneFolderPerDialectOpens() throws Exception {
        Path old = oneFolderPerDialect("old-layout");
        JdbcDataSource ds = h2("old");
        Flyway.configure().dataSource(ds).locations("filesystem:" + old).load().migrate();
        List<String> before = history(ds);

        try (Database db = Database.open(OmeroConfig.defaults(), Optional.empty(), Optional.of(ds))) {
            assertEquals(Dialect.H2, db.dialect);
        }
        List<String> after = history(ds);
        assertEquals(before, after.subList(0, before.size()), "the rows the old layout wrote are kept as they were");
        assertTrue(after.stream().allMatch(row -> row.endsWith("| true")), "every migration succeeded: " + after);
    }

    @Test
    void databaseWhoseAppliedMigrationDiffersFromTheFilesIsRefused() throws Exception {
        Path old = oneFolderPerDialect("edited");
        Path v3 = old.resolve("V3__group_binary_access.sql");
        Files.writeString(v3, Files.readString(v3) + "-- edited after release\n");
        JdbcDataSource ds = h2("edited");
        Flyway.configure().dataSource(ds).locations("filesystem:" + old).load().migrate();

        StorageException refused = assertThrows(StorageException.class,
                () -> Database.open(OmeroConfig.defaults(), Optional.empty(), Optional.of(ds)).close());
        assertTrue(refused.getMessage().contains("checksum mismatch for migration version 3"), refused.getMessage());
    }

    @Test
    void aVersionLivesInOneFolderOnly() throws Exception {
        for (Dialect d : Dialect.values()) {
            Set<String> seen = new HashSet<>();
            for (String location : d.migrations) {
                Path folder = resourceFolder(location.substring("classpath:".length()));
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path f : files.toList()) {
                        String version = f.getFileName().toString().split("__", 2)[0];
                        assertTrue(seen.add(version), version + " is in more than one folder of " + d);
                    }
                }
            }
        }
    }

    /** The layout before the shared folder: every migration of H2 in one folder of its own. */
    private Path oneFolderPerDialect(String name) throws IOException, URISyntaxException {
        Path old = Files.createDirectories(dir.resolve(name));
        for (Path folder : List.of(resourceFolder("db/migration/common"), resourceFolder("db/migration/h2"))) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    Files.copy(f, old.resolve(f.getFileName()));
                }
            }
        }
        return old;
    }

    private JdbcDataSource h2(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        // kept open until the JVM ends: with H2 closing the file when its last connection closes, a read right
        // after Flyway's close once saw the history without its last two rows (under load; not reproduced since)
        ds.setURL("jdbc:h2:file:" + dir.resolve(name) + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    private static DataSource postgres(String prefix) {
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        String name = prefix + ProcessHandle.current().pid();
        pg.createDatabase(name);
        return pg.dataSource(name);
    }

    private static void assertMigratesAndValidates(DataSource ds, Dialect expected) throws Exception {
        // Database.open runs Flyway; Hibernate with hbm2ddl=validate then throws on any mismatch with the mapping
        try (Database db = Database.open(OmeroConfig.defaults(), Optional.empty(), Optional.of(ds))) {
            assertEquals(expected, db.dialect);
        }
        HibernateSettings.configuration(expected, java.util.Map.of("hibernate.connection.datasource", ds,
                "hibernate.hbm2ddl.auto", "validate")).buildSessionFactory().close();
        try (Connection c = ds.getConnection(); ResultSet r = c.createStatement().executeQuery(
                "select count(*) from \"flyway_schema_history\" where \"success\" and \"version\" = '1'")) {
            r.next();
            assertEquals(1, r.getInt(1));
        }
    }

    private static void assertRecordsReleasedMigrations(DataSource ds, Dialect dialect) throws Exception {
        try (Database db = Database.open(OmeroConfig.defaults(), Optional.empty(), Optional.of(ds))) {
            assertEquals(dialect, db.dialect);
        }
        List<String> recorded = new ArrayList<>();
        for (String row : history(ds)) {
            recorded.add(row.substring(0, row.lastIndexOf(" | ")));
        }
        List<String> released = released(dialect);
        assertEquals(released, recorded.subList(0, Math.min(released.size(), recorded.size())),
                "a released migration was edited, renamed or renumbered: databases that applied it would no "
                        + "longer open (write a new version instead)");
    }

    /** version | description | script | checksum | success, in the order applied. */
    private static List<String> history(DataSource ds) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); ResultSet r = c.createStatement().executeQuery(
                "select \"version\", \"description\", \"script\", \"checksum\", \"success\" "
                        + "from \"flyway_schema_history\" where \"version\" is not null order by \"installed_rank\"")) {
            while (r.next()) {
                rows.add(r.getString(1) + " | " + r.getString(2) + " | " + r.getString(3) + " | " + r.getInt(4)
                        + " | " + r.getBoolean(5));
            }
        }
        return rows;
    }

    private static List<String> released(Dialect dialect) throws IOException {
        String prefix = dialect.name().toLowerCase(Locale.ROOT) + " | ";
        try (InputStream in = MigrationTest.class.getResourceAsStream("/db/released-migrations.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length())).toList();
        }
    }

    private static Path resourceFolder(String name) throws URISyntaxException {
        return Path.of(MigrationTest.class.getClassLoader().getResource(name).toURI());
    }
}
