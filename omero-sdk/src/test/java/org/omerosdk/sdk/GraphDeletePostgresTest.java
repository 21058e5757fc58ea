package org.omerosdk.sdk;

class GraphDeletePostgresTest extends GraphDeleteContract {
    @Override
    DatabaseTarget target() {
        return DatabaseTarget.POSTGRES;
    }
}
