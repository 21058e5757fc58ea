package org.omerosdk.render.codec.tiff;

import java.nio.ByteOrder;
import org.omerosdk.model.FormatException;

/** Undoes TIFF predictors in place: horizontal differencing (2) and the floating-point predictor (3). */
final class Predictors {
    private Predictors() {
    }

    /**
     * Undoes the predictor on {@code rows} rows of {@code width} pixels of {@code spp} samples of
     * {@code bytesPerSample} bytes, stored in {@code order}.
     */
    static void undo(int predictor, byte[] b, int rows, int width, int spp, int bytesPerSample, ByteOrder order,
                     String where) {
        if (predictor == 1) {
            return;
        }
        int rowBytes = width * spp * bytesPerSample;
        if ((long) rows * rowBytes > b.length) {
            rows = b.length / rowBytes;
        }
        if (predictor == 2) {
            horizontal(b, rows, width * spp, spp, bytesPerSample, order == ByteOrder.LITTLE_ENDIAN, where);
        } else if (predictor == 3) {
            byte[] tmp = new byte[rowBytes];
            for (int r = 0; r < rows; r++) {
                floatingPoint(b, r * rowBytes, width * spp, spp, bytesPerSample, order == ByteOrder.LITTLE_ENDIAN,
                        tmp);
            }
        } else {
            throw new FormatException(where + " uses Predictor " + predictor + "; supported: 1 (none), "
                    + "2 (horizontal), 3 (floating point)");
        }
    }

    private static void horizontal(byte[] b, int rows, int samples, int spp, int bps, boolean le, String where) {
        int rowBytes = samples * bps;
        switch (bps) {
            case 1:
                // one add per byte, stride spp: vectorizable for spp 1
                for (int r = 0; r < rows; r++) {
                    int base = r * rowBytes;
                    for (int i = base + spp, end = base + rowBytes; i < end; i++) {
                        b[i] += b[i - spp];
                    }
                }
                break;
            case 2:
                for (int r = 0; r < rows; r++) {
                    int base = r * rowBytes;
                    int stride = spp * 2;
                    for (int i = base + stride, end = base + rowBytes; i < end; i += 2) {
                        int lo = le ? i : i + 1;
                        int hi = le ? i + 1 : i;
                        int plo = lo - stride;
                        int phi = hi - stride;
                        int v = ((b[hi] & 0xFF) << 8 | (b[lo] & 0xFF)) + ((b[phi] & 0xFF) << 8 | (b[plo] & 0xFF));
                        b[lo] = (byte) v;
                        b[hi] = (byte) (v >> 8);
                    }
                }
                break;
            case 4:
                for (int r = 0; r < rows; r++) {
                    int base = r * rowBytes;
                    int stride = spp * 4;
                    for (int i = base + stride, end = base + rowBytes; i < end; i += 4) {
                        int v = get32(b, i, le) + get32(b, i - stride, le);
                        put32(b, i, v, le);
                    }
                }
                break;
            case 8:
                for (int r = 0; r < rows; r++) {
                    int base = r * rowBytes;
                    int stride = spp * 8;
                    for (int i = base + stride, end = base + rowBytes; i < end; i += 8) {
                        long v = get64(b, i, le) + get64(b, i - stride, le);
                        for (int k = 0; k < 8; k++) {
                            b[le ? i + k : i + 7 - k] = (byte) (v >>> (8 * k));
                        }
                    }
                }
                break;
            default:
                throw new FormatException(where + ": horizontal predictor with " + (8 * bps) + "-bit samples");
        }
    }

    private static int get32(byte[] b, int i, boolean le) {
        return le ? (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24
                : (b[i + 3] & 0xFF) | (b[i + 2] & 0xFF) << 8 | (b[i + 1] & 0xFF) << 16 | (b[i] & 0xFF) << 24;
    }

    private static void put32(byte[] b, int i, int v, boolean le) {
        for (int k = 0; k < 4; k++) {
            b[le ? i + k : i + 3 - k] = (byte) (v >>> (8 * k));
        }
    }

    private static long get64(byte[] b, int i, boolean le) {
        long v = 0;
        for (int k = 0; k < 8; k++) {
            v |= (long) (b[le ? i + k : i + 7 - k] & 0xFF) << (8 * k);
        }
        return v;
    }

    /**
     * Floating-point predictor (Adobe technical note 3): bytes were split into planes, most significant first,
     * then differenced bytewise across the row. Puts each value back together in the file's byte order.
     */
    private static void floatingPoint(byte[] b, int off, int samples, int spp, int bps, boolean le, byte[] tmp) {
        int n = samples * bps;
        for (int i = off + spp, end = off + n; i < end; i++) {
            b[i] += b[i - spp];
        }
        System.arraycopy(b, off, tmp, 0, n);
        for (int k = 0; k < samples; k++) {
            for (int j = 0; j < bps; j++) {
                // plane j holds the byte of significance bps-1-j
                int dst = le ? off + k * bps + (bps - 1 - j) : off + k * bps + j;
                b[dst] = tmp[j * samples + k];
            }
        }
    }
}
