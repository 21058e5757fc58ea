package org.omerosdk.sdk;

/** The persistence contract on a real PostgreSQL server (embedded binaries, see {@link EmbeddedPostgres}). */
class PostgresPersistenceTest extends PersistenceContract {
    @Override
    DatabaseTarget target() {
        return DatabaseTarget.POSTGRES;
    }
}
