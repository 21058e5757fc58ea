package org.omerosdk.render.codec;

import org.omerosdk.model.FormatException;

/**
 * Random read access to the bytes of one file or stored object, the only way the codecs see a file. Positional
 * reads ({@link #readFully}) keep no cursor, so one instance is safe for concurrent reads from many threads.
 */
public interface ByteSource {

    /** What the source is, for messages: a path, or a store and key. */
    String describe();

    /** Length in bytes. */
    long length();

    /**
     * Reads exactly {@code len} bytes at {@code position} into {@code dst[off..off+len)}.
     *
     * @throws FormatException naming the source when the range lies past the end (a truncated file)
     */
    void readFully(long position, byte[] dst, int off, int len);

    /**
     * Reads {@code len} bytes at {@code position} into a new array, checking the range against {@link #length()}
     * before allocating, so that an absurd offset or count from a damaged header never allocates.
     */
    default byte[] read(long position, long len) {
        long size = length();
        if (position < 0 || len < 0 || position > size || len > size - position) {
            throw new FormatException(describe() + ": " + len + " bytes at offset " + position
                    + " lie past the end of the file (" + size + " bytes); the file is truncated or damaged");
        }
        if (len > Integer.MAX_VALUE - 16) {
            throw new FormatException(describe() + ": a block of " + len + " bytes at offset " + position
                    + " is larger than 2 GiB; such blocks are not read");
        }
        byte[] b = new byte[(int) len];
        readFully(position, b, 0, (int) len);
        return b;
    }
}
