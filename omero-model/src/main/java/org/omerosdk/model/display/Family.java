package org.omerosdk.model.display;

/** The mapping from pixel values to intensities (OMERO's Family). */
public enum Family {
    LINEAR, POLYNOMIAL, EXPONENTIAL, LOGARITHMIC
}
