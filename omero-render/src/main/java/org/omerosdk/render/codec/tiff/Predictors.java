package org.omerosdk.render.codec.tiff;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.omerosdk.model.FormatException;

/** Undoes TIFF predictors in place: horizontal differencing (2) and the floating-point predictor (3). */
final class Predictors {
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class,
            ByteOrder.BIG_ENDIAN);
    private Predictors() {
    }

    /**
     * Undoes the predictor on {@code rows} rows of {@code width} pixels of {@code spp} samples of
     * {@code bytesPerSample} bytes, stored in {@code order}.
     */
    static void undo(int predictor, byte[] b, int rows, int width, int spp, int bytesPerSample, ByteOrder order,
                     String where) {
        undo(predictor, b, 0, rows, width, spp, bytesPerSample, order, where);
    }

    /** As {@link #undo(int, byte[], int, int, int, int, ByteOrder, String)}, on the rows starting at {@code off}. */
    static void undo(int predictor, byte[] b, int off, int rows, int width, int spp, int bytesPerSample,
                     ByteOrder order, String where) {
        if (predictor == 1) {
            return;
        }
        int rowBytes = width * spp * bytesPerSample;
        if ((long) rows * rowBytes > b.length - off) {
            rows = (b.length - off) / rowBytes;
        }
        if (predictor == 2) {
            horizontal(b, off, rows, width * spp, spp, bytesPerSample, order == ByteOrder.LITTLE_ENDIAN, where);
        } else if (predictor == 3) {
            byte[] tmp = new byte[rowBytes];
            for (int r = 0; r < rows; r++) {
                floatingPoint(b, off + r * rowBytes, width * spp, spp, bytesPerSample, order == ByteOrder.LITTLE_ENDIAN,
                        tmp);
            }
        } else {
            throw new FormatException(where + " uses Predictor " + predictor + "; supported: 1 (none), "
                    + "2 (horizontal), 3 (floating point)");
        }
    }

    private static void horizontal(byte[] b, int off, int rows, int samples, int spp, int bps, boolean le,
                                   String where) {
        int rowBytes = samples * bps;
        switch (bps) {
            case 1:
                for (int r = 0; r < rows; r++) {
                    int base = off + r * rowBytes;
                    int end = base + rowBytes;
                    if (spp == 1) {
                        // the running sum stays in a register: no store-to-load round trip per byte
                        byte acc = b[base];
                        for (int i = base + 1; i < end; i++) {
                            acc += b[i];
                            b[i] = acc;
                        }
                    } else {
                        for (int i = base + spp; i < end; i++) {
                            b[i] += b[i - spp];
                        }
                    }
                }
                break;
            case 2:
                // a running sum per sample kept in a register; 16-bit loads and stores through constant VarHandles
                // (a VarHandle held in a local is not folded by the JIT, hence one loop per byte order)
                for (int r = 0; r < rows; r++) {
                    int base = off + r * rowBytes;
                    int end = base + rowBytes;
                    if (spp == 1 && le) {
                        short acc = (short) SHORT_LE.get(b, base);
                        for (int i = base + 2; i < end; i += 2) {
                            acc += (short) SHORT_LE.get(b, i);
                            SHORT_LE.set(b, i, acc);
                        }
                    } else if (spp == 1) {
                        short acc = (short) SHORT_BE.get(b, base);
                        for (int i = base + 2; i < end; i += 2) {
                            acc += (short) SHORT_BE.get(b, i);
                            SHORT_BE.set(b, i, acc);
                        }
                    } else {
                        int stride = spp * 2;
                        for (int i = base + stride; i < end; i += 2) {
                            if (le) {
                                SHORT_LE.set(b, i, (short) ((short) SHORT_LE.get(b, i)
                                        + (short) SHORT_LE.get(b, i - stride)));
                            } else {
                                SHORT_BE.set(b, i, (short) ((short) SHORT_BE.get(b, i)
                                        + (short) SHORT_BE.get(b, i - stride)));
                            }
                        }
                    }
                }
                break;
            case 4:
                for (int r = 0; r < rows; r++) {
                    int base = off + r * rowBytes;
                    int stride = spp * 4;
                    for (int i = base + stride, end = base + rowBytes; i < end; i += 4) {
                        int v = get32(b, i, le) + get32(b, i - stride, le);
                        put32(b, i, v, le);
                    }
                }
                break;
            case 8:
                for (int r = 0; r < rows; r++) {
                    int base = off + r * rowBytes;
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
