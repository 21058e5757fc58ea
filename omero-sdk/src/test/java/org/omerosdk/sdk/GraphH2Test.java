package org.omerosdk.sdk;

/** Delete, move and give on H2. */
class GraphH2Test extends GraphMoveGiveContract {
    @Override
    DatabaseTarget target() {
        return DatabaseTarget.H2;
    }
}
