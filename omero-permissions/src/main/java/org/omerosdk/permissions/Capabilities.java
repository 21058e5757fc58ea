package org.omerosdk.permissions;

/** The per-object flags a user interface shows, consistent with {@link PermissionEvaluator#allowed}. */
public record Capabilities(boolean canAnnotate, boolean canEdit, boolean canDelete, boolean canLink,
                           boolean canChgrp, boolean canChown) {
}
