package org.omerosdk.model.store;

import java.io.InputStream;
import java.util.List;

/**
 * A store that passes every call to another; subclasses override the verbs they change (a read-only view, a store
 * that fails on purpose in a test). {@link #putBatched} and {@code put} are not passed on: they go through this
 * store's {@link #writer}, so a subclass that changes writes (refuses them, fails them) covers every write.
 */
public class ForwardingBinaryStore implements BinaryStore {
    private final BinaryStore delegate;

    public ForwardingBinaryStore(BinaryStore delegate) {
        this.delegate = java.util.Objects.requireNonNull(delegate);
    }

    /** The store calls are passed to. */
    protected final BinaryStore delegate() {
        return delegate;
    }

    @Override
    public StoreWriter writer(String key) {
        return delegate.writer(key);
    }

    @Override
    public InputStream get(String key) {
        return delegate.get(key);
    }

    @Override
    public InputStream get(String key, long offset, long length) {
        return delegate.get(key, offset, length);
    }

    @Override
    public boolean exists(String key) {
        return delegate.exists(key);
    }

    @Override
    public long size(String key) {
        return delegate.size(key);
    }

    @Override
    public List<String> list(String prefix) {
        return delegate.list(prefix);
    }

    @Override
    public boolean delete(String key) {
        return delegate.delete(key);
    }

    @Override
    public void copy(String from, String to) {
        delegate.copy(from, to);
    }

    @Override
    public void link(String from, String to) {
        delegate.link(from, to);
    }

    @Override
    public void move(String from, String to) {
        delegate.move(from, to);
    }

    @Override
    public java.util.Set<LocalTransfer> localTransfers() {
        return delegate.localTransfers();
    }

    @Override
    public boolean transferIn(LocalTransfer how, java.nio.file.Path source, String key) {
        return delegate.transferIn(how, source, key);
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
