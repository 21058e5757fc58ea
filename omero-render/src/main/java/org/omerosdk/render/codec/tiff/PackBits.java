package org.omerosdk.render.codec.tiff;

/** PackBits run-length decoding (TIFF compression 32773). */
final class PackBits {
    private PackBits() {
    }

    /** Decodes {@code in} into {@code out}; returns the number of bytes written (at most {@code out.length}). */
    static int decode(byte[] in, byte[] out) {
        return decode(in, in.length, out, 0, out.length);
    }

    /** Decodes {@code in[0..inLen)} into {@code out[outOff..outOff+outLen)}; returns the number of bytes written. */
    static int decode(byte[] in, int inLen, byte[] out, int outOff, int outLen) {
        int ip = 0;
        int op = outOff;
        int outEnd = outOff + outLen;
        while (ip < inLen && op < outEnd) {
            int n = in[ip++];
            if (n >= 0) {
                int count = Math.min(n + 1, Math.min(inLen - ip, outEnd - op));
                System.arraycopy(in, ip, out, op, count);
                ip += n + 1;
                op += count;
            } else if (n != -128) {
                if (ip >= inLen) {
                    break;
                }
                byte b = in[ip++];
                int count = Math.min(1 - n, outEnd - op);
                for (int i = 0; i < count; i++) {
                    out[op + i] = b;
                }
                op += count;
            }
        }
        return op - outOff;
    }
}
