package org.omerosdk.repo;

/**
 * How an imported file gets into the managed repository (OMERO's in-place import options): the repository may own
 * a copy, share the file, or only reference it.
 */
public enum TransferMode {
    /** Copy the bytes (the default): the original can be deleted afterwards. */
    COPY,
    /** A hard link on the same filesystem: no bytes copied, both names share the content; copies when impossible. */
    HARD_LINK,
    /** A symbolic link in the repository pointing at the original, which must stay where it is. */
    SYMBOLIC_LINK,
    /** Move the original into the repository. */
    MOVE,
    /** Leave the file where it is and only register its location and checksum. */
    IN_PLACE
}
