package org.omerosdk.render.pyramid;

import java.io.InputStream;
import java.util.List;
import org.omerosdk.model.store.BinaryStore;
import org.omerosdk.model.store.StoreWriter;

/** A store that forwards every call, for tests that make one verb fail. */
class ForwardingStore implements BinaryStore {
    private final BinaryStore delegate;

    ForwardingStore(BinaryStore delegate) {
        this.delegate = delegate;
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
    public void move(String from, String to) {
        delegate.move(from, to);
    }

    @Override
    public String describe() {
        return delegate.describe();
    }
}
