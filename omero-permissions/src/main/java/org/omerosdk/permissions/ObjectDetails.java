package org.omerosdk.permissions;

import java.util.Objects;
import org.omerosdk.model.Permissions;

/**
 * What a decision needs to know of an object: its owner, its group and that group's permissions (an object's
 * permissions are always its group's), its kind, and whether its class may be moved between groups or given to
 * another user at all (OMERO's chgrp/chown targets; containers, images, annotations, ROIs, filesets... are).
 */
public record ObjectDetails(long ownerId, long groupId, Permissions groupPermissions, ObjectKind kind,
                            boolean chgrpTarget, boolean chownTarget) {
    public ObjectDetails {
        Objects.requireNonNull(groupPermissions, "groupPermissions");
        Objects.requireNonNull(kind, "kind");
    }

    /** Owned data (image, container, annotation, ROI, link, rendering settings) of {@code owner} in {@code group}. */
    public static ObjectDetails data(long owner, long group, Permissions groupPermissions) {
        return new ObjectDetails(owner, group, groupPermissions, ObjectKind.DATA, true, true);
    }
}
