package org.omerosdk.importer.format;

/** What a series of a fileset is: an acquired image, or an image associated with one. */
public enum SeriesRole {
    /** An acquired image (the default). */
    IMAGE,
    /** A whole-slide file's thumbnail. */
    THUMBNAIL,
    /** A photograph of a slide's paper label. */
    SLIDE_LABEL,
    /** A low-magnification overview of the whole slide. */
    MACRO,
    /** A segmentation (label) image of another series, such as an OME-Zarr {@code labels} image. */
    SEGMENTATION
}
