package org.omerosdk.repo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.omerosdk.model.CancelledException;
import org.omerosdk.repo.checksum.ChecksumSink;

/**
 * Copies a stream while hashing it, with reading+hashing on the calling thread and writing on a second thread,
 * handing filled buffers over a small queue: the copy then takes about as long as the slower of the two rather
 * than their sum.
 */
final class PipelinedCopy {
    private static final byte[] END = new byte[0];

    private PipelinedCopy() {
    }

    private record Chunk(byte[] data, int length) {
    }

    static void run(InputStream in, ChecksumSink sink, OutputStream out, int bufferSize, IntConsumer progress)
            throws IOException {
        BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(4);
        BlockingQueue<byte[]> empty = new ArrayBlockingQueue<>(6);
        for (int i = 0; i < 6; i++) {
            empty.add(new byte[bufferSize]);
        }
        AtomicReference<IOException> writeFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                while (true) {
                    Chunk c = full.take();
                    if (c.data() == END) {
                        return;
                    }
                    if (writeFailure.get() == null) {
                        try {
                            out.write(c.data(), 0, c.length());
                        } catch (IOException e) {
                            writeFailure.set(e);
                        } catch (RuntimeException e) {
                            writeFailure.set(new IOException(e.getMessage(), e));
                        }
                    }
                    // buffers go back even after a failure, so the reader never waits for one forever
                    empty.put(c.data());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "omero-repo-writer");
        writer.setDaemon(true);
        writer.start();
        boolean finished = false;
        try {
            while (true) {
                if (writeFailure.get() != null) {
                    throw writeFailure.get();
                }
                byte[] buf = empty.take();
                int n = in.readNBytes(buf, 0, buf.length);
                if (n <= 0) {
                    break;
                }
                sink.write(buf, 0, n);
                full.put(new Chunk(buf, n));
                progress.accept(n);
            }
            full.put(new Chunk(END, 0));
            writer.join();
            finished = true;
            if (writeFailure.get() != null) {
                throw writeFailure.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("copy interrupted");
        } finally {
            if (!finished) {
                // stop the writer before the caller closes the output it writes to
                writer.interrupt();
                try {
                    writer.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
