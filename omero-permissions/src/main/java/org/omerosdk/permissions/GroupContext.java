package org.omerosdk.permissions;

import org.omerosdk.model.Permissions;

/**
 * The group a call runs in: one group (with that group's permissions), or "all my groups" (OMERO's {@code -1}).
 */
public record GroupContext(long groupId, Permissions permissions) {
    /** OMERO's {@code omero.group = -1}. */
    public static final GroupContext ALL_GROUPS = new GroupContext(-1, Permissions.PRIVATE);

    public boolean isAllGroups() {
        return groupId < 0;
    }

    public static GroupContext of(long groupId, Permissions permissions) {
        return new GroupContext(groupId, permissions);
    }
}
