package org.omerosdk.importer.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.omerosdk.model.FormatException;
import org.omerosdk.model.StorageException;

/** A {@link Location} on a filesystem; the channel is opened on first read and shared by every thread. */
final class PathLocation implements Location {
    private final Path path;
    private volatile FileChannel channel;

    PathLocation(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    @Override
    public java.util.Optional<Path> asPath() {
        return java.util.Optional.of(path);
    }

    @Override
    public String describe() {
        return path.toString();
    }

    @Override
    public java.util.Optional<Path> path() {
        return java.util.Optional.of(path);
    }

    @Override
    public String name() {
        Path n = path.getFileName();
        return n == null ? "" : n.toString();
    }

    @Override
    public boolean exists() {
        return Files.exists(path);
    }

    @Override
    public boolean isDirectory() {
        return Files.isDirectory(path);
    }

    @Override
    public long length() {
        FileChannel c = channel;
        if (c != null) {
            // a file being read is not expected to change size; the open channel answers without a path lookup
            try {
                return c.size();
            } catch (IOException e) {
                throw new FormatException(path + " cannot be read: " + e.getMessage(), e);
            }
        }
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new FormatException(path + " cannot be read: " + e.getMessage(), e);
        }
    }

    private FileChannel channel() {
        FileChannel c = channel;
        if (c == null) {
            synchronized (this) {
                c = channel;
                if (c == null) {
                    try {
                        c = FileChannel.open(path, StandardOpenOption.READ);
                    } catch (IOException e) {
                        throw new FormatException(path + " cannot be opened: " + e.getMessage(), e);
                    }
                    channel = c;
                }
            }
        }
        return c;
    }

    @Override
    public void readFully(long position, byte[] dst, int off, int len) {
        ByteBuffer b = ByteBuffer.wrap(dst, off, len);
        FileChannel c = channel();
        try {
            long at = position;
            while (b.hasRemaining()) {
                int n = c.read(b, at);
                if (n < 0) {
                    throw new FormatException(path + ": " + len + " bytes at offset " + position
                            + " lie past the end of the file (" + c.size() + " bytes); the file is truncated");
                }
                at += n;
            }
        } catch (IOException e) {
            throw new StorageException("reading " + path + " at " + position + ": " + e.getMessage(), e);
        }
    }

    @Override
    public java.util.Optional<byte[]> readIfExists(long maxBytes) {
        try {
            if (!Files.isRegularFile(path)) {
                return java.util.Optional.empty();
            }
            long n = Files.size(path);
            if (n > maxBytes) {
                throw new FormatException(path + " has " + n + " bytes; at most " + maxBytes + " are read whole here");
            }
            return java.util.Optional.of(Files.readAllBytes(path));
        } catch (java.nio.file.NoSuchFileException e) {
            return java.util.Optional.empty();
        } catch (IOException e) {
            throw new StorageException("reading " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        FileChannel c = channel;
        channel = null;
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing was written; a failed close loses nothing
            }
        }
    }

    @Override
    public Location resolve(String relative) {
        return new PathLocation(path.resolve(relative));
    }

    @Override
    public Location parent() {
        Path p = path.getParent();
        return new PathLocation(p == null ? path : p);
    }

    @Override
    public List<String> list() {
        if (!Files.isDirectory(path)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(path)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new StorageException("listing " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathLocation p && p.path.equals(path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
