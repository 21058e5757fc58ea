package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.config.OmeroConfig;

/** An empty database is migrated by Flyway and then passes Hibernate's schema validation, on both dialects. */
class MigrationTest {
    @TempDir
    Path dir;

    @Test
    void emptyH2DatabaseMigratesAndValidates() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("empty"));
        assertMigratesAndValidates(ds, Dialect.H2);
    }

    @Test
    void emptyPostgresDatabaseMigratesAndValidates() throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        String name = "migration" + ProcessHandle.current().pid();
        pg.createDatabase(name);
        assertMigratesAndValidates(pg.dataSource(name), Dialect.POSTGRESQL);
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
}
