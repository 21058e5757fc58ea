package org.omerosdk.sdk;

/** Delete, move and give on PostgreSQL. */
class GraphPostgresTest extends GraphMoveGiveContract {
    @Override
    DatabaseTarget target() {
        return DatabaseTarget.POSTGRES;
    }
}
