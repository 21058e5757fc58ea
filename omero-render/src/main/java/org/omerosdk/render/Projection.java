package org.omerosdk.render;

/** OMERO's intensity projections along Z. */
public enum Projection {
    /** The brightest value of each pixel. */
    MAXIMUM,
    /** The mean, truncated toward zero into the source type. */
    MEAN,
    /** The sum, clipped at the source type's maximum. */
    SUM
}
