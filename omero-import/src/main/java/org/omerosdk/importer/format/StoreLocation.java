package org.omerosdk.importer.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.omerosdk.model.FormatException;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.store.BinaryStore;

/** A {@link Location} in a {@link BinaryStore}: a key, or a prefix standing for a directory. */
final class StoreLocation implements Location {
    private final BinaryStore store;
    private final String key;
    private volatile long length = -1;

    StoreLocation(BinaryStore store, String key) {
        this.store = store;
        this.key = normalize(key);
    }

    private static String normalize(String key) {
        List<String> parts = new ArrayList<>();
        for (String p : key.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
                continue;
            }
            parts.add(p);
        }
        return String.join("/", parts);
    }

    @Override
    public String describe() {
        return store.describe() + "/" + key;
    }

    @Override
    public String name() {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    @Override
    public boolean exists() {
        return store.exists(key) || isDirectory();
    }

    @Override
    public boolean isDirectory() {
        return !store.exists(key) && !store.list(key.isEmpty() ? "" : key + "/").isEmpty();
    }

    @Override
    public long length() {
        long n = length;
        if (n < 0) {
            try {
                n = store.size(key);
            } catch (NotFoundException e) {
                throw new FormatException(describe() + " does not exist", e);
            }
            length = n;
        }
        return n;
    }

    @Override
    public void readFully(long position, byte[] dst, int off, int len) {
        if (position < 0 || position + len > length()) {
            throw new FormatException(describe() + ": " + len + " bytes at offset " + position
                    + " lie past the end (" + length() + " bytes); the object is truncated");
        }
        try (InputStream in = store.get(key, position, len)) {
            int n = in.readNBytes(dst, off, len);
            if (n != len) {
                throw new FormatException(describe() + ": only " + n + " of " + len + " bytes at " + position);
            }
        } catch (IOException e) {
            throw new StorageException("reading " + describe() + " at " + position + ": " + e.getMessage(), e);
        }
    }

    @Override
    public java.util.Optional<byte[]> readIfExists(long maxBytes) {
        if (key.isEmpty()) {
            return java.util.Optional.empty();
        }
        // one ranged request; a byte more than allowed tells that the object is too large
        try (InputStream in = store.get(key, 0, maxBytes + 1)) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
            if (b.length > maxBytes) {
                throw new FormatException(describe() + " has more than " + maxBytes + " bytes; at most " + maxBytes
                        + " are read whole here");
            }
            return java.util.Optional.of(b);
        } catch (NotFoundException e) {
            return java.util.Optional.empty();
        } catch (IOException e) {
            throw new StorageException("reading " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> files() {
        String prefix = key.isEmpty() ? "" : key + "/";
        List<String> out = new ArrayList<>();
        for (String k : store.list(prefix)) {
            out.add(k.substring(prefix.length()));
        }
        return out;
    }

    @Override
    public Location resolve(String relative) {
        return new StoreLocation(store, key.isEmpty() ? relative : key + "/" + relative);
    }

    @Override
    public Location parent() {
        int i = key.lastIndexOf('/');
        return new StoreLocation(store, i < 0 ? "" : key.substring(0, i));
    }

    @Override
    public List<String> list() {
        String prefix = key.isEmpty() ? "" : key + "/";
        TreeSet<String> names = new TreeSet<>();
        for (String k : store.list(prefix)) {
            String rest = k.substring(prefix.length());
            int slash = rest.indexOf('/');
            names.add(slash < 0 ? rest : rest.substring(0, slash));
        }
        return List.copyOf(names);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoreLocation s && s.store == store && s.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return describe();
    }
}
