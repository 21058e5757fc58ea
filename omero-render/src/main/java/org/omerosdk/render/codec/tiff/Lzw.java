package org.omerosdk.render.codec.tiff;

import org.omerosdk.model.FormatException;

/**
 * TIFF's LZW (MSB-first codes of 9 to 12 bits, early change, 256 = clear, 257 = end). Every table entry is a run
 * of bytes already written to the output (the previous string plus one byte is always contiguous there), so a code
 * is decoded by one copy within the output array instead of walking a prefix chain.
 */
final class Lzw {
    private Lzw() {
    }

    /** Decodes {@code in} into {@code out}; returns the number of bytes written (at most {@code out.length}). */
    static int decode(byte[] in, byte[] out, String where) {
        return decode(in, in.length, out, 0, out.length, new int[4096], new int[4096], where);
    }

    /**
     * Decodes {@code in[0..inLen)} into {@code out[outOff..outOff+outLen)}, with the caller's code tables
     * ({@code off} and {@code len}, 4096 entries each, reused across calls so that a strip costs no allocation);
     * returns the number of bytes written.
     */
    static int decode(byte[] in, int inLen, byte[] out, int outOff, int outLen, int[] off, int[] len,
                      String where) {
        int next = 258;
        int width = 9;
        long bits = 0;
        int nbits = 0;
        int ip = 0;
        int op = outOff;
        int prev = -1;
        final int outEnd = outOff + outLen;
        while (true) {
            while (nbits < width) {
                if (ip >= inLen) {
                    return op - outOff;   // data may end without an end-of-information code
                }
                bits = (bits << 8) | (in[ip++] & 0xFF);
                nbits += 8;
            }
            int code = (int) (bits >>> (nbits - width)) & ((1 << width) - 1);
            nbits -= width;
            if (code == 257) {
                return op - outOff;
            }
            if (code == 256) {
                next = 258;
                width = 9;
                prev = -1;
                continue;
            }
            if (prev < 0) {
                if (code > 255) {
                    throw new FormatException(where + ": corrupt LZW data (code " + code + " after a clear code)");
                }
                if (op >= outEnd) {
                    return op - outOff;
                }
                off[code] = op;
                len[code] = 1;
                out[op++] = (byte) code;
                prev = code;
                continue;
            }
            int start = op;
            if (code < next) {
                int n;
                int from;
                if (code < 256) {
                    if (op >= outEnd) {
                        return op - outOff;
                    }
                    out[op++] = (byte) code;
                    n = 1;
                } else {
                    from = off[code];
                    n = len[code];
                    if (op + n > outEnd) {
                        n = outEnd - op;
                    }
                    if (n < 16) {
                        for (int i = 0; i < n; i++) {
                            out[op + i] = out[from + i];
                        }
                    } else {
                        System.arraycopy(out, from, out, op, n);
                    }
                    op += n;
                }
            } else if (code == next) {
                // KwKwK: the previous string followed by its own first byte
                int from = prev < 256 ? -1 : off[prev];
                int n = prev < 256 ? 1 : len[prev];
                if (op + n + 1 > outEnd) {
                    return op - outOff;
                }
                if (from < 0) {
                    out[op] = (byte) prev;
                } else {
                    System.arraycopy(out, from, out, op, n);
                }
                out[op + n] = out[op];
                op += n + 1;
            } else {
                throw new FormatException(where + ": corrupt LZW data (code " + code + " when the table has "
                        + next + " entries)");
            }
            if (next < 4096) {
                // the new entry is the previous string plus this string's first byte: contiguous in the output
                int prevStart = prev < 256 ? start - 1 : start - len[prev];
                off[next] = prevStart;
                len[next] = (prev < 256 ? 1 : len[prev]) + 1;
                next++;
                if (next >= (1 << width) - 1 && width < 12) {
                    width++;
                }
            }
            prev = code;
            if (op >= outEnd) {
                return op - outOff;
            }
        }
    }
}
