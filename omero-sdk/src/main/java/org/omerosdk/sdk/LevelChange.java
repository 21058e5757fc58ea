package org.omerosdk.sdk;

import java.util.List;
import org.omerosdk.model.Permissions;

/**
 * What changing a group's level does (or, for a dry run, would do). Only a downgrade to Private removes data, as
 * OMERO's chmod does: every link whose parent and child have different owners (project-dataset, dataset-image,
 * screen-plate and annotation links, whoever owns the link), ROIs drawn by someone other than the image's owner
 * (with their shapes and annotation links), and rendering settings and thumbnails made by someone other than the
 * image's owner. Any change that keeps group read access touches no data, even though some of the existing links
 * could no longer be made.
 *
 * @param groupName the group
 * @param from      its level before
 * @param to        its level after
 * @param removed   one line per object removed ("DatasetImageLink:12 Dataset:3 (owner 5) to Image:7 (owner 6)"),
 *                  in the order of removal
 * @param blockers  what makes OMERO refuse a downgrade to Private (an image using another owner's instrument, a
 *                  logical channel owned differently from its channels, a well sample owned differently from its
 *                  image), one line each; a dry run lists them, a real change with any is refused
 * @param applied   false for a dry run
 */
public record LevelChange(String groupName, Permissions.Level from, Permissions.Level to, List<String> removed,
                          List<String> blockers, boolean applied) {
    public LevelChange {
        removed = List.copyOf(removed);
        blockers = List.copyOf(blockers);
    }
}
