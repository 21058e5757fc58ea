package org.omerosdk.repo.template;

import java.util.List;

/**
 * The directory operations template expansion needs, on whatever holds the repository. Paths are lists of
 * components relative to the repository root.
 */
public interface RepositoryDirectories {
    /** Whether a directory or file exists at {@code path}. */
    boolean exists(List<String> path);

    /** How many entries (files and directories) the directory at {@code path} holds; 0 when it does not exist. */
    int entryCount(List<String> path);

    /** Creates the directory and any missing parents, owned by {@code owner} where new; existing ones are fine. */
    void createWithParents(List<String> path, long owner);

    /**
     * Creates the directory, whose parent exists, only if nothing exists there yet: the atomic step that makes two
     * imports (also concurrent ones) never share a directory.
     *
     * @return false when something already exists at {@code path}
     */
    boolean createNew(List<String> path, long owner);
}
