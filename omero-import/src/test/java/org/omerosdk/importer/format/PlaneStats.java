package org.omerosdk.importer.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.omerosdk.model.PixelType;
import org.omerosdk.render.PixelSource;

/**
 * The statistics expected.json states per plane: min, max, sum, pixel (0, 0) over native-type values, and
 * {@code sha256_le}, the SHA-256 of the plane row-major, little-endian, in its native type.
 */
public record PlaneStats(double min, double max, double sum, double pixel00, String sha256le, int width, int height) {

    /** Reads plane (z, c, t) of {@code level} whole and measures it. */
    public static PlaneStats of(PixelSource source, int level, int z, int c, int t) {
        int w = source.sizeX(level);
        int h = source.sizeY(level);
        PixelType type = source.pixelType();
        ByteBuffer b = ByteBuffer.allocate(w * h * type.bytesPerPixel()).order(ByteOrder.LITTLE_ENDIAN);
        source.readRegion(level, z, c, t, 0, 0, w, h, b);
        return of(b.array(), type, w, h);
    }

    /** Measures little-endian plane bytes of {@code type}. */
    public static PlaneStats of(byte[] le, PixelType type, int w, int h) {
        ByteBuffer b = ByteBuffer.wrap(le).order(ByteOrder.LITTLE_ENDIAN);
        int n = w * h;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double fsum = 0;
        long isum = 0;
        double first = 0;
        for (int i = 0; i < n; i++) {
            double v;
            switch (type) {
                case INT8: v = b.get(i); break;
                case UINT8: case BIT: v = b.get(i) & 0xFF; break;
                case INT16: v = b.getShort(2 * i); break;
                case UINT16: v = b.getShort(2 * i) & 0xFFFF; break;
                case INT32: v = b.getInt(4 * i); break;
                case UINT32: v = b.getInt(4 * i) & 0xFFFFFFFFL; break;
                case FLOAT: v = b.getFloat(4 * i); break;
                default: v = b.getDouble(8 * i); break;
            }
            if (i == 0) {
                first = v;
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
            if (type.isFloatingPoint()) {
                fsum += v;
            } else {
                isum += (long) v;
            }
        }
        try {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(le));
            return new PlaneStats(min, max, type.isFloatingPoint() ? fsum : isum, first, sha, w, h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public double mean() {
        return sum / ((double) width * height);
    }
}
