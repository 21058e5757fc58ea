package org.omerosdk.permissions;

/** OMERO's 15 administrator privileges. A full administrator holds all; a restricted one a subset. */
public enum AdminPrivilege {
    CHGRP, CHOWN, DELETE_FILE, DELETE_MANAGED_REPO, DELETE_OWNED, DELETE_SCRIPT_REPO, MODIFY_GROUP,
    MODIFY_GROUP_MEMBERSHIP, MODIFY_USER, READ_SESSION, SUDO, WRITE_FILE, WRITE_MANAGED_REPO, WRITE_OWNED,
    WRITE_SCRIPT_REPO;

    /** The bit of this privilege in a privilege mask. */
    int bit() {
        return 1 << ordinal();
    }

    /** The mask of all 15 privileges. */
    static final int ALL = (1 << 15) - 1;
}
