package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.config.OmeroConfig;

/** What opening an H2 database does to it beyond migrating: no schema objects of Hibernate's own. */
class H2OpenWorkTest {
    @TempDir
    Path dir;

    @Test
    void openCreatesNoTemporaryTablesAndInsertSelectStillWorks() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=-1");
        try (Database db = Database.open(OmeroConfig.defaults(), Optional.empty(), Optional.of(ds))) {
            assertEquals(0, count(ds, "select count(*) from information_schema.tables where table_schema = 'PUBLIC' "
                    + "and table_name like 'HTE%'"), "Hibernate's id tables are created per query, not at open");

            try (Connection c = ds.getConnection()) {
                // an event without its experimenter and group rows: the id table is what is under test
                c.createStatement().execute("set referential_integrity false");
                c.createStatement().executeUpdate("insert into event (id, experimenter, experimenterGroup, \"time\", "
                        + "type) values (nextval('seq_ids'), 0, 0, current_timestamp, 'TEST')");
                c.commit();
            }
            // HQL insert-select on an entity with sequence ids is the statement that needs an id table
            int inserted = db.sessions.fromTransaction(s -> s.createMutationQuery("insert into Event (type, time, "
                    + "experimenter, experimenterGroup) select e.type, e.time, e.experimenter, e.experimenterGroup "
                    + "from Event e").executeUpdate());
            assertEquals(1, inserted);
            assertEquals(2, count(ds, "select count(*) from event"));
        }
    }

    private static long count(JdbcDataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
