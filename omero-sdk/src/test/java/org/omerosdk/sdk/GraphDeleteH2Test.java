package org.omerosdk.sdk;

class GraphDeleteH2Test extends GraphDeleteContract {
    @Override
    DatabaseTarget target() {
        return DatabaseTarget.H2;
    }
}
