package org.omerosdk.render;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;

/**
 * Projects a Z range of one channel and timepoint into one plane of the source pixel type (OMERO's
 * {@code projectStack}), then hands the result back as a one-plane {@link PixelSource} to render like any plane.
 *
 * <p>Two OMERO defects are fixed, not copied: mean and sum include the last section of the range (OMERO's loop
 * stops before it, and the web asks for {@code 0..sizeZ-1}, so the last section was always dropped), and maximum
 * starts from the first section instead of 0, so all-negative signed data keeps its maximum. As in OMERO, sum and
 * mean are clamped at the type's maximum (Bio-Formats' range: 2^31-1 for float and double) and narrowed by
 * truncation toward zero; unlike OMERO they are also clamped at the type's minimum, so signed sums cannot wrap.
 */
public final class Projector {
    private final long maxBytes;
    private final SizeLimit limit;

    private Projector(long maxBytes, SizeLimit limit) {
        this.maxBytes = maxBytes;
        this.limit = limit;
    }

    /**
     * A projector refusing stacks larger than {@code omero.pixeldata.max_projection_bytes} and working buffers
     * larger than {@code omero.sdk.pixeldata.max_bytes}.
     */
    public static Projector from(OmeroConfig config) {
        return new Projector(config.getLong(ConfigKeys.PIXELDATA_MAX_PROJECTION_BYTES), SizeLimit.from(config));
    }

    /**
     * Projects sections {@code start, start+step, ... <= end} of channel {@code c} at time {@code t}, level 0.
     *
     * @throws ValidationException for a bad range or step, or a stack above the configured byte limit
     */
    public PixelSource project(PixelSource source, Projection algorithm, int c, int t, int start, int end, int step) {
        if (start < 0 || end >= source.sizeZ() || start > end) {
            throw new ValidationException("projection range " + start + ".." + end + " is not inside 0.."
                    + (source.sizeZ() - 1));
        }
        if (step <= 0) {
            throw new ValidationException("projection step " + step + " must be at least 1");
        }
        PixelType type = source.pixelType();
        int w = source.sizeX(0);
        int h = source.sizeY(0);
        // compared by division, so that no product of declared sizes can wrap around
        long plane = SizeLimit.saturatedProduct(w, h, type.bytesPerPixel());
        int sections = (end - start) / step + 1;
        if (plane > maxBytes / sections) {
            throw new ValidationException("projecting " + sections + " sections of " + plane + " bytes exceeds "
                    + "omero.pixeldata.max_projection_bytes = " + maxBytes);
        }
        // two double accumulators, one plane read and the encoded result, checked before any exists
        String what = "projecting a " + w + "x" + h + " " + type + " plane";
        limit.bytes(what, w, h, 8);
        limit.total(what, w, h, 16L + 2L * type.bytesPerPixel());
        int n = w * h;
        double[] acc = new double[n];
        double[] row = new double[n];
        boolean first = true;
        for (int z = start; z <= end; z += step) {
            readAsDouble(source, z, c, t, w, h, row);
            if (algorithm == Projection.MAXIMUM) {
                for (int i = 0; i < n; i++) {
                    acc[i] = first ? row[i] : Math.max(acc[i], row[i]);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    acc[i] += row[i];
                }
            }
            first = false;
        }
        double typeMin = ChannelSettings.typeRange(type)[0];
        double typeMax = ChannelSettings.typeRange(type)[1];
        if (algorithm != Projection.MAXIMUM) {
            for (int i = 0; i < n; i++) {
                double v = algorithm == Projection.MEAN ? acc[i] / sections : acc[i];
                // OMERO clamps only above; a sum of negative signed values would wrap, so we clamp below too
                acc[i] = Math.max(typeMin, Math.min(v, typeMax));
            }
        }
        return InMemoryPixelSource.builder(type, w, h).plane(0, 0, 0, 0, encode(type, acc)).build();
    }

    private static void readAsDouble(PixelSource s, int z, int c, int t, int w, int h, double[] out) {
        PixelType type = s.pixelType();
        ByteBuffer b = ByteBuffer.allocate(w * h * type.bytesPerPixel()).order(ByteOrder.LITTLE_ENDIAN);
        s.readRegion(0, z, c, t, 0, 0, w, h, b);
        b.flip();
        for (int i = 0; i < out.length; i++) {
            switch (type) {
                case INT8: out[i] = b.get(); break;
                case UINT8: case BIT: out[i] = b.get() & 0xFF; break;
                case INT16: out[i] = b.getShort(); break;
                case UINT16: out[i] = b.getShort() & 0xFFFF; break;
                case INT32: out[i] = b.getInt(); break;
                case UINT32: out[i] = b.getInt() & 0xFFFFFFFFL; break;
                case FLOAT: out[i] = b.getFloat(); break;
                default: out[i] = b.getDouble(); break;
            }
        }
    }

    /** Little-endian bytes of the values narrowed into {@code type} as Java narrows (truncation toward zero). */
    private static byte[] encode(PixelType type, double[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * type.bytesPerPixel()).order(ByteOrder.LITTLE_ENDIAN);
        for (double d : v) {
            switch (type) {
                case INT8: case UINT8: case BIT: b.put((byte) (long) d); break;
                case INT16: case UINT16: b.putShort((short) (long) d); break;
                case INT32: b.putInt((int) d); break;
                case UINT32: b.putInt((int) (long) Math.min(d, 4294967295.0)); break;
                case FLOAT: b.putFloat((float) d); break;
                default: b.putDouble(d); break;
            }
        }
        return b.array();
    }
}
