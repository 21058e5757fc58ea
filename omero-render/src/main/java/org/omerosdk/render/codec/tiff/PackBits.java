package org.omerosdk.render.codec.tiff;

/** PackBits run-length decoding (TIFF compression 32773). */
final class PackBits {
    private PackBits() {
    }

    /** Decodes {@code in} into {@code out}; returns the number of bytes written (at most {@code out.length}). */
    static int decode(byte[] in, byte[] out) {
        int ip = 0;
        int op = 0;
        while (ip < in.length && op < out.length) {
            int n = in[ip++];
            if (n >= 0) {
                int count = Math.min(n + 1, Math.min(in.length - ip, out.length - op));
                System.arraycopy(in, ip, out, op, count);
                ip += n + 1;
                op += count;
            } else if (n != -128) {
                if (ip >= in.length) {
                    break;
                }
                byte b = in[ip++];
                int count = Math.min(1 - n, out.length - op);
                for (int i = 0; i < count; i++) {
                    out[op + i] = b;
                }
                op += count;
            }
        }
        return op;
    }
}
