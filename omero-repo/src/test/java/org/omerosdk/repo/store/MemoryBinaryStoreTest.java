package org.omerosdk.repo.store;

import org.omerosdk.model.store.BinaryStore;
import org.omerosdk.model.store.MemoryBinaryStore;

class MemoryBinaryStoreTest extends BinaryStoreContract {
    @Override
    protected BinaryStore newStore() {
        return new MemoryBinaryStore();
    }

    @Override
    protected boolean hasUnfinishedWrites() {
        return false; // uncommitted bytes live only in the writer, which is garbage once closed
    }
}
