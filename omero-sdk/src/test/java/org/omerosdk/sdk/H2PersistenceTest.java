package org.omerosdk.sdk;

/** The persistence contract on the embedded H2 database. */
class H2PersistenceTest extends PersistenceContract {
    @Override
    DatabaseTarget target() {
        return DatabaseTarget.H2;
    }
}
