package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.config.OmeroConfig;

/**
 * Every string column of the Hibernate mapping has, in the schema the migrations create, exactly the length the
 * write path's validation enforces ({@link Fields}): on H2 and on PostgreSQL. So a {@code ValidationException}'s
 * "at most N" is the real limit — a longer limit in the schema would refuse values the database takes, a shorter
 * one would let values through to a raw SQL error.
 */
class ColumnLengthTest {
    @TempDir
    Path dir;

    @Test
    void h2ColumnsHaveTheLengthsTheValidationEnforces() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("lengths") + ";DB_CLOSE_DELAY=-1");
        assertLengthsMatch(ds, Dialect.H2);
    }

    @Test
    void postgresColumnsHaveTheLengthsTheValidationEnforces() throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        String name = "lengths" + ProcessHandle.current().pid();
        pg.createDatabase(name);
        assertLengthsMatch(pg.dataSource(name), Dialect.POSTGRESQL);
    }

    private static void assertLengthsMatch(DataSource ds, Dialect dialect) throws Exception {
        try (Database db = Database.open(OmeroConfig.defaults(), Optional.empty(), Optional.of(ds))) {
            assertEquals(dialect, db.dialect);
        }
        Map<String, Integer> schema = characterColumns(ds);
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        try (SessionFactory sf = HibernateSettings.configuration(dialect,
                Map.of("hibernate.connection.datasource", ds)).buildSessionFactory()) {
            List<String> seen = new ArrayList<>();
            sf.unwrap(SessionFactoryImplementor.class).getMappingMetamodel().forEachEntityDescriptor(p -> {
                Class<?> type = p.getMappedClass();
                Map<String, Integer> limits = Fields.of(type).stringLimits();
                p.forEachAttributeMapping(a -> {
                    if (a instanceof BasicValuedModelPart b && b.getJavaType().getJavaTypeClass() == String.class) {
                        String column = (b.getContainingTableExpression() + "." + b.getSelectionExpression())
                                .replace("\"", "").toLowerCase(Locale.ROOT);
                        if (seen.contains(column)) {
                            return; // an attribute inherited by another entity of the hierarchy
                        }
                        String field = type.getSimpleName() + "." + a.getAttributeName();
                        Integer stored = schema.get(column);
                        Integer enforced = limits.get(a.getAttributeName());
                        if (stored == null) {
                            mismatches.add(field + ": no character column " + column + " in the schema");
                        } else if (enforced == null) {
                            mismatches.add(field + " (" + column + ", " + stored + "): no limit enforced");
                        } else if (!stored.equals(enforced)) {
                            mismatches.add(field + " (" + column + "): the schema allows " + stored
                                    + ", the validation " + enforced);
                        }
                        seen.add(column);
                    }
                });
            });
            compared = seen.size();
        }
        assertTrue(compared > 50, "only " + compared + " string columns were compared");
        assertTrue(mismatches.isEmpty(), dialect + ": " + mismatches.size() + " of " + compared
                + " string columns differ:\n" + String.join("\n", mismatches));
    }

    /** table.column (lower case) -> declared length, for every character column of the public schema. */
    private static Map<String, Integer> characterColumns(DataSource ds) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = ds.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet r = md.getColumns(null, null, "%", "%")) {
                while (r.next()) {
                    String schema = r.getString("TABLE_SCHEM");
                    if (schema == null || !schema.equalsIgnoreCase("public")) {
                        continue;
                    }
                    int type = r.getInt("DATA_TYPE");
                    if (type == java.sql.Types.VARCHAR || type == java.sql.Types.CHAR
                            || type == java.sql.Types.NVARCHAR || type == java.sql.Types.LONGVARCHAR
                            || type == java.sql.Types.CLOB) {
                        out.put((r.getString("TABLE_NAME") + "." + r.getString("COLUMN_NAME"))
                                .toLowerCase(Locale.ROOT), r.getInt("COLUMN_SIZE"));
                    }
                }
            }
        }
        return out;
    }
}
