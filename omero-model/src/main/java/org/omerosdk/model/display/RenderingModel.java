package org.omerosdk.model.display;

/** How channels combine into a picture (OMERO's RenderingModel): colour or a single grey channel. */
public enum RenderingModel {
    RGB, GREYSCALE
}
