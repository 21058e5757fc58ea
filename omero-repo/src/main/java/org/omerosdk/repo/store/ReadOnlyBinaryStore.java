package org.omerosdk.repo.store;

import org.omerosdk.model.ReadOnlyException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.store.BinaryStore;
import org.omerosdk.model.store.ForwardingBinaryStore;
import org.omerosdk.model.store.StoreWriter;

/**
 * A view of a store that refuses every write with {@link ReadOnlyException} while reads go on: how
 * {@code omero.cluster.read_only} and {@code omero.cluster.read_only.repo} are applied.
 */
public final class ReadOnlyBinaryStore extends ForwardingBinaryStore {
    private ReadOnlyBinaryStore(BinaryStore delegate) {
        super(delegate);
    }

    /** {@code store} itself, or a read-only view when the configuration makes the repository read-only. */
    public static BinaryStore applying(OmeroConfig config, BinaryStore store) {
        boolean readOnly = config.getBoolean(ConfigKeys.CLUSTER_READ_ONLY)
                || config.getBoolean(ConfigKeys.CLUSTER_READ_ONLY_REPO);
        return readOnly ? new ReadOnlyBinaryStore(store) : store;
    }

    private ReadOnlyException refused(String what) {
        return new ReadOnlyException("cannot " + what + ": the repository " + delegate().describe()
                + " is read-only (omero.cluster.read_only / omero.cluster.read_only.repo)");
    }

    @Override
    public StoreWriter writer(String key) {
        throw refused("write " + key);
    }

    @Override
    public boolean delete(String key) {
        throw refused("delete " + key);
    }

    @Override
    public void copy(String from, String to) {
        throw refused("copy to " + to);
    }

    @Override
    public void link(String from, String to) {
        throw refused("link " + to);
    }

    @Override
    public void move(String from, String to) {
        throw refused("move " + from);
    }

    @Override
    public boolean transferIn(org.omerosdk.model.store.LocalTransfer how, java.nio.file.Path source, String key) {
        throw refused("take in " + source + " as " + key);
    }

    @Override
    public String describe() {
        return delegate().describe() + " (read-only)";
    }
}
