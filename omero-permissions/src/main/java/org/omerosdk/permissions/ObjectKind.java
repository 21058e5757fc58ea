package org.omerosdk.permissions;

/**
 * What kind of object a decision is about, as far as the decision depends on it: owned data (images, containers,
 * annotations, ROIs, links, rendering settings), original files by repository, and OMERO's system types.
 */
public enum ObjectKind {
    /** Images, projects, datasets, screens, plates, annotations, ROIs, links, rendering settings, filesets. */
    DATA,
    /** An original file in the managed repository. */
    MANAGED_FILE,
    /** An original file in the script repository. */
    SCRIPT_FILE,
    /** Any other original file (file attachments). */
    OTHER_FILE,
    /** A directory row of a repository (never linkable through the {@code user} group rule). */
    DIRECTORY,
    /** A user. */
    EXPERIMENTER,
    /** A group. */
    EXPERIMENTER_GROUP,
    /** A group membership. */
    GROUP_MEMBERSHIP;

    boolean isSystemType() {
        return this == EXPERIMENTER || this == EXPERIMENTER_GROUP || this == GROUP_MEMBERSHIP;
    }

    boolean isFile() {
        return this == MANAGED_FILE || this == SCRIPT_FILE || this == OTHER_FILE || this == DIRECTORY;
    }
}
