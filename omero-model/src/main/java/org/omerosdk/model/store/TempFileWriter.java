package org.omerosdk.model.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.omerosdk.model.StorageException;

/**
 * A writer that collects the bytes in a local temporary file and hands the finished file to {@link #publish} on
 * commit; a failure anywhere, or a close without commit, deletes the file. Shared by the stores whose atomic
 * publication step needs the whole object first (a rename, an upload): the filesystem and S3 stores, and a host's.
 */
public abstract class TempFileWriter extends StoreWriter {
    private final String key;
    private final Path temp;
    private final boolean durable;
    private final FileChannel channel;
    private final OutputStream out;
    private boolean done;

    /**
     * @param durable force the bytes to disk before publishing (a rename must not expose a file whose content a
     *                crash could still lose)
     */
    protected TempFileWriter(String key, Path temp, boolean durable) {
        this.key = key;
        this.temp = temp;
        this.durable = durable;
        try {
            this.channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StorageException("cannot start writing " + key + ": " + e.getMessage(), e);
        }
        this.out = Channels.newOutputStream(channel);
    }

    /** Makes the finished file visible under the key, atomically. */
    protected abstract void publish(Path finished) throws IOException;

    /** The store, for messages. */
    protected abstract String where();

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            // a full disk, a failing device: the unfinished write goes, and the caller learns which key and why
            close();
            throw new StorageException("cannot write " + key + " to " + where() + ": " + e.getMessage(), e);
        }
    }

    /** Forces the written bytes to the device (overridden only to inject failures in tests). */
    protected void force(FileChannel channel) throws IOException {
        channel.force(true);
    }

    @Override
    public void commit() {
        ensureOpen();
        try {
            if (durable) {
                // a failed fsync must fail the commit: the page cache may already have dropped the bytes
                force(channel);
            }
            channel.close();
            publish(temp);
            done = true;
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            close();
            throw new StorageException("cannot commit " + key + " to " + where() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        try {
            channel.close();
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            throw new StorageException("cannot discard the unfinished write of " + key + ": " + e.getMessage(), e);
        }
    }

    private void ensureOpen() {
        if (done) {
            throw new IllegalStateException("writer for " + key + " is already committed or closed");
        }
    }
}
