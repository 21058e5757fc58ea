package org.omerosdk.model.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import org.omerosdk.model.NotFoundException;

/** A {@link BinaryStore} in memory, for tests and short-lived embedding. Thread-safe. */
public final class MemoryBinaryStore implements BinaryStore {
    private final ConcurrentSkipListMap<String, byte[]> objects = new ConcurrentSkipListMap<>();

    @Override
    public StoreWriter writer(String key) {
        StoreKeys.check(key);
        return new StoreWriter() {
            private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            private boolean done;

            @Override
            public void write(int b) {
                ensureOpen();
                buffer.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                ensureOpen();
                buffer.write(b, off, len);
            }

            @Override
            public void commit() {
                ensureOpen();
                objects.put(key, buffer.toByteArray());
                done = true;
            }

            @Override
            public void close() {
                done = true;
            }

            private void ensureOpen() {
                if (done) {
                    throw new IllegalStateException("writer for " + key + " is already committed or closed");
                }
            }
        };
    }

    @Override
    public InputStream get(String key) {
        return new ByteArrayInputStream(bytes(key));
    }

    @Override
    public InputStream get(String key, long offset, long length) {
        byte[] data = bytes(key);
        int from = (int) Math.min(data.length, Math.max(0, offset));
        int to = (int) Math.min(data.length, from + Math.max(0, length));
        return new ByteArrayInputStream(data, from, to - from);
    }

    @Override
    public boolean exists(String key) {
        return objects.containsKey(StoreKeys.check(key));
    }

    @Override
    public long size(String key) {
        return bytes(key).length;
    }

    @Override
    public List<String> list(String prefix) {
        String p = StoreKeys.checkPrefix(prefix);
        List<String> keys = new ArrayList<>();
        for (String k : objects.tailMap(p, true).keySet()) {
            if (!k.startsWith(p)) {
                break;
            }
            keys.add(k);
        }
        return keys;
    }

    @Override
    public boolean delete(String key) {
        return objects.remove(StoreKeys.check(key)) != null;
    }

    @Override
    public void copy(String from, String to) {
        objects.put(StoreKeys.check(to), bytes(from));
    }

    @Override
    public void move(String from, String to) {
        StoreKeys.check(to);
        byte[] data = bytes(from);
        objects.put(to, data);
        if (!from.equals(to)) {
            objects.remove(from);
        }
    }

    @Override
    public String describe() {
        return "memory:" + Integer.toHexString(System.identityHashCode(this));
    }

    private byte[] bytes(String key) {
        byte[] data = objects.get(StoreKeys.check(key));
        if (data == null) {
            throw new NotFoundException("no object \"" + key + "\" in " + describe());
        }
        return data;
    }
}
