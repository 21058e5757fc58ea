package org.omerosdk.repo.checksum;

/**
 * MurmurHash3 x64_128 with seed 0, streaming; the digest is {@code h1} then {@code h2}, each in little-endian byte
 * order (as OMERO, through Guava, prints it).
 */
final class Murmur3x64_128 implements Hasher {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;
    private long h1;
    private long h2;
    private long length;
    private final byte[] tail = new byte[16];
    private int tailLength;

    @Override
    public void update(byte[] bytes, int offset, int length) {
        this.length += length;
        int i = offset;
        int end = offset + length;
        while (tailLength > 0 && tailLength < 16 && i < end) {
            tail[tailLength++] = bytes[i++];
        }
        if (tailLength == 16) {
            block(littleLong(tail, 0), littleLong(tail, 8));
            tailLength = 0;
        }
        for (; i + 16 <= end; i += 16) {
            block(littleLong(bytes, i), littleLong(bytes, i + 8));
        }
        while (i < end) {
            tail[tailLength++] = bytes[i++];
        }
    }

    private void block(long k1, long k2) {
        h1 ^= mixK1(k1);
        h1 = Long.rotateLeft(h1, 27);
        h1 += h2;
        h1 = h1 * 5 + 0x52dce729;
        h2 ^= mixK2(k2);
        h2 = Long.rotateLeft(h2, 31);
        h2 += h1;
        h2 = h2 * 5 + 0x38495ab5;
    }

    private static long mixK1(long k1) {
        k1 *= C1;
        k1 = Long.rotateLeft(k1, 31);
        return k1 * C2;
    }

    private static long mixK2(long k2) {
        k2 *= C2;
        k2 = Long.rotateLeft(k2, 33);
        return k2 * C1;
    }

    private static long littleLong(byte[] b, int i) {
        long v = 0;
        for (int j = 7; j >= 0; j--) {
            v = (v << 8) | (b[i + j] & 0xffL);
        }
        return v;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    @Override
    public byte[] finish() {
        long k1 = 0;
        long k2 = 0;
        for (int i = tailLength - 1; i >= 8; i--) {
            k2 = (k2 << 8) | (tail[i] & 0xffL);
        }
        for (int i = Math.min(tailLength, 8) - 1; i >= 0; i--) {
            k1 = (k1 << 8) | (tail[i] & 0xffL);
        }
        long a = h1;
        long b = h2;
        if (tailLength > 8) {
            b ^= mixK2(k2);
        }
        if (tailLength > 0) {
            a ^= mixK1(k1);
        }
        a ^= length;
        b ^= length;
        a += b;
        b += a;
        a = fmix(a);
        b = fmix(b);
        a += b;
        b += a;
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (a >>> (8 * i));
            out[8 + i] = (byte) (b >>> (8 * i));
        }
        return out;
    }
}
