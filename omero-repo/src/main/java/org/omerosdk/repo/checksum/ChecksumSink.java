package org.omerosdk.repo.checksum;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Checksum;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.fs.ChecksumAlgorithm;

/**
 * Computes several of OMERO's checksums of one stream of bytes in a single pass: every byte fed is handed to each
 * chosen algorithm before the next arrives, so a file is read once whatever the number of algorithms.
 *
 * <p>Results are formatted exactly as OMERO stores them: lower-case hex of the digest bytes, with Adler-32, CRC-32,
 * Murmur3-32 and File-Size-64 in little-endian byte order (CRC-32 of "abc" is {@code c2412435}, not
 * {@code 352441c2}) and Murmur3-128 as {@code h1} then {@code h2}, each little-endian.
 *
 * <p>Not thread-safe; feed it from one thread. Feeding after {@link #finish()} is an error, as in OMERO.
 */
public final class ChecksumSink extends OutputStream {
    private final ChecksumAlgorithm[] algorithms;
    private final Hasher[] hashers;
    private Map<ChecksumAlgorithm, String> result;

    private ChecksumSink(Collection<ChecksumAlgorithm> chosen) {
        List<ChecksumAlgorithm> list = new ArrayList<>(new LinkedHashSet<>(chosen));
        if (list.isEmpty()) {
            throw new ValidationException("no checksum algorithm chosen; accepted: Adler-32, CRC-32, MD5-128, "
                    + "Murmur3-32, Murmur3-128, SHA1-160, File-Size-64");
        }
        algorithms = list.toArray(new ChecksumAlgorithm[0]);
        hashers = new Hasher[algorithms.length];
        for (int i = 0; i < algorithms.length; i++) {
            hashers[i] = hasher(algorithms[i]);
        }
    }

    /** A sink computing the given algorithms (duplicates ignored). */
    public static ChecksumSink of(Collection<ChecksumAlgorithm> algorithms) {
        return new ChecksumSink(algorithms);
    }

    /** A sink computing the given algorithms. */
    public static ChecksumSink of(ChecksumAlgorithm... algorithms) {
        return new ChecksumSink(List.of(algorithms));
    }

    /** The checksum of {@code bytes} with one algorithm, as OMERO prints it. */
    public static String checksum(ChecksumAlgorithm algorithm, byte[] bytes) {
        ChecksumSink sink = of(algorithm);
        sink.write(bytes, 0, bytes.length);
        return sink.finish().get(algorithm);
    }

    /** Reads {@code in} to its end (without closing it) and returns the checksums of what it held. */
    public static Map<ChecksumAlgorithm, String> checksums(InputStream in, Collection<ChecksumAlgorithm> algorithms) {
        ChecksumSink sink = of(algorithms);
        try {
            in.transferTo(sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink.finish();
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (result != null) {
            throw new IllegalStateException("checksums already finished; start a new ChecksumSink");
        }
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        for (Hasher h : hashers) {
            h.update(bytes, offset, length);
        }
    }

    /** Feeds the remaining bytes of {@code buffer} (from its position to its limit) and advances its position. */
    public void write(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            buffer.position(buffer.limit());
        } else {
            byte[] chunk = new byte[Math.min(buffer.remaining(), 1 << 16)];
            while (buffer.hasRemaining()) {
                int n = Math.min(chunk.length, buffer.remaining());
                buffer.get(chunk, 0, n);
                write(chunk, 0, n);
            }
        }
    }

    /** The checksums of everything fed, by algorithm in the order they were chosen. Idempotent. */
    public Map<ChecksumAlgorithm, String> finish() {
        if (result == null) {
            Map<ChecksumAlgorithm, String> r = new EnumMap<>(ChecksumAlgorithm.class);
            for (int i = 0; i < algorithms.length; i++) {
                r.put(algorithms[i], HexFormat.of().formatHex(hashers[i].finish()));
            }
            result = java.util.Collections.unmodifiableMap(r);
        }
        return result;
    }

    private static Hasher hasher(ChecksumAlgorithm a) {
        switch (a) {
            case ADLER_32: return new ZipHasher(new Adler32());
            case CRC_32: return new ZipHasher(new CRC32());
            case MD5_128: return new DigestHasher("MD5");
            case SHA1_160: return new DigestHasher("SHA-1");
            case MURMUR3_32: return new Murmur3x86_32();
            case MURMUR3_128: return new Murmur3x64_128();
            case FILE_SIZE_64: return new SizeHasher();
            default: throw new IllegalArgumentException(a.toString());
        }
    }

    /** java.util.zip's 32-bit checksums, printed little-endian. */
    private static final class ZipHasher implements Hasher {
        private final Checksum checksum;

        ZipHasher(Checksum checksum) {
            this.checksum = checksum;
        }

        @Override
        public void update(byte[] bytes, int offset, int length) {
            checksum.update(bytes, offset, length);
        }

        @Override
        public byte[] finish() {
            return littleEndian(checksum.getValue(), 4);
        }
    }

    private static final class DigestHasher implements Hasher {
        private final MessageDigest digest;

        DigestHasher(String name) {
            try {
                digest = MessageDigest.getInstance(name);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JVM lacks " + name, e);
            }
        }

        @Override
        public void update(byte[] bytes, int offset, int length) {
            digest.update(bytes, offset, length);
        }

        @Override
        public byte[] finish() {
            return digest.digest();
        }
    }

    /** File-Size-64: the byte count, 8 bytes little-endian. */
    private static final class SizeHasher implements Hasher {
        private long size;

        @Override
        public void update(byte[] bytes, int offset, int length) {
            size += length;
        }

        @Override
        public byte[] finish() {
            return littleEndian(size, 8);
        }
    }

    private static byte[] littleEndian(long value, int bytes) {
        byte[] out = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            out[i] = (byte) (value >>> (8 * i));
        }
        return out;
    }
}
