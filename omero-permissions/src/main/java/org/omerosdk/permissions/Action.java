package org.omerosdk.permissions;

/** What an actor wants to do to an object (OMERO's scopes). */
public enum Action {
    VIEW, ANNOTATE, LINK, EDIT, DELETE, CHGRP, CHOWN
}
