package org.omerosdk.render;

import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;

/**
 * The most bytes one region read, render or projection may hold at once
 * ({@code omero.sdk.pixeldata.max_bytes}). Sizes come from requests and from file metadata, so they are multiplied
 * in {@code long} arithmetic and checked against this limit and against what one Java array holds before anything
 * is allocated.
 *
 * @param maxBytes the limit, at least 1
 */
public record SizeLimit(long maxBytes) {
    /** The default limit, 512 MiB. */
    public static final SizeLimit DEFAULT = new SizeLimit(
            Long.parseLong(ConfigKeys.SDK_PIXELDATA_MAX_BYTES.defaultValue()));

    /** The largest array length the JVM reliably allocates. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    public SizeLimit {
        if (maxBytes < 1) {
            throw new ValidationException(ConfigKeys.SDK_PIXELDATA_MAX_BYTES.name() + " = " + maxBytes
                    + " must be at least 1");
        }
    }

    /** The limit {@code config} sets. */
    public static SizeLimit from(OmeroConfig config) {
        return new SizeLimit(config.getLong(ConfigKeys.SDK_PIXELDATA_MAX_BYTES));
    }

    /**
     * The product of {@code factors} (element counts and element sizes) as the length of one array.
     *
     * @param what names the buffer in the message, e.g. {@code "region 40000x40000 of uint16"}
     * @throws ValidationException when the product exceeds the limit or one array's capacity
     */
    public int bytes(String what, long... factors) {
        return (int) check(what, MAX_ARRAY, factors);
    }

    /**
     * Checks that {@code factors} multiply to at most the limit when the bytes are spread over several arrays;
     * returns the product.
     */
    public long total(String what, long... factors) {
        return check(what, Long.MAX_VALUE, factors);
    }

    /** The product of non-negative {@code factors}, or {@link Long#MAX_VALUE} when it does not fit a long. */
    public static long saturatedProduct(long... factors) {
        long product = 1;
        for (long f : factors) {
            try {
                product = Math.multiplyExact(product, f);
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
        return product;
    }

    private long check(String what, long arrayLimit, long... factors) {
        for (long f : factors) {
            if (f < 0) {
                throw new ValidationException(what + " has a negative size " + f);
            }
        }
        long product = saturatedProduct(factors);
        boolean overflow = product == Long.MAX_VALUE;
        String size = overflow ? "more than 2^63" : Long.toString(product);
        if (overflow || product > maxBytes) {
            throw new ValidationException(what + " needs " + size + " bytes, more than "
                    + ConfigKeys.SDK_PIXELDATA_MAX_BYTES.name() + " = " + maxBytes + " allows; read or render it in "
                    + "smaller regions (tiles)");
        }
        if (product > arrayLimit) {
            throw new ValidationException(what + " needs " + size + " bytes, more than one buffer can hold (2^31); "
                    + "read or render it in smaller regions (tiles)");
        }
        return product;
    }
}
