package org.omerosdk.sdk.graph;

/** What a mapped type is to the graph operations. */
public enum TypeRole {
    /** Data a request may name (a container, an image, an annotation, a ROI, a fileset...). */
    TARGET,
    /** Part of the object that holds it (pixels, channels, shapes...): goes with it, never named alone. */
    PART,
    /** A link between two data objects: removed when either end goes, unless both go together. */
    LINK,
    /** Users, groups, sessions and events: not group data, never touched by a graph operation. */
    SYSTEM
}
