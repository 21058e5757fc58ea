package org.omerosdk.repo.checksum;

/** MurmurHash3 x86_32 with seed 0, streaming; the digest is the 32-bit result in little-endian byte order. */
final class Murmur3x86_32 implements Hasher {
    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;
    private int h1;
    private long length;
    private final byte[] tail = new byte[4];
    private int tailLength;

    @Override
    public void update(byte[] bytes, int offset, int length) {
        this.length += length;
        int i = offset;
        int end = offset + length;
        while (tailLength > 0 && tailLength < 4 && i < end) {
            tail[tailLength++] = bytes[i++];
        }
        if (tailLength == 4) {
            mix(littleInt(tail, 0));
            tailLength = 0;
        }
        // whole blocks straight from the caller's array
        for (; i + 4 <= end; i += 4) {
            mix(littleInt(bytes, i));
        }
        while (i < end) {
            tail[tailLength++] = bytes[i++];
        }
    }

    private void mix(int k1) {
        h1 ^= mixK1(k1);
        h1 = Integer.rotateLeft(h1, 13);
        h1 = h1 * 5 + 0xe6546b64;
    }

    private static int mixK1(int k1) {
        k1 *= C1;
        k1 = Integer.rotateLeft(k1, 15);
        return k1 * C2;
    }

    static int littleInt(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
    }

    @Override
    public byte[] finish() {
        int k1 = 0;
        for (int i = tailLength - 1; i >= 0; i--) {
            k1 = (k1 << 8) | (tail[i] & 0xff);
        }
        int h = h1;
        if (tailLength > 0) {
            h ^= mixK1(k1);
        }
        h ^= (int) length;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return new byte[] {(byte) h, (byte) (h >>> 8), (byte) (h >>> 16), (byte) (h >>> 24)};
    }
}
