package org.omerosdk.sdk;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.omerosdk.repo.TransferMode;

/**
 * A group folder mapping (BIOMERO's importer): imports into the group must come from files whose real path
 * (symbolic links resolved) lies inside {@code folder}, transferred as {@code transfer} allows. Set by administrators
 * with {@code Admin.setImportFolder}; a group without a mapping imports from anywhere.
 *
 * @param folder the folder's real path, absolute, as stored
 */
public record ImportFolder(long groupId, String groupName, Path folder, Transfer transfer) {
    public ImportFolder {
        Objects.requireNonNull(groupName, "groupName");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(transfer, "transfer");
    }

    /** How the files of a mapped folder may get into the managed repository. */
    public enum Transfer {
        /** Copied only: the repository never depends on the folder after the import. */
        COPY(EnumSet.of(TransferMode.COPY)),
        /**
         * In place (or linked, or copied): the folder's files may stay where they are. Never moved: a mapped folder
         * is shared by the group, so an import does not delete its files.
         */
        IN_PLACE(EnumSet.of(TransferMode.IN_PLACE, TransferMode.HARD_LINK, TransferMode.SYMBOLIC_LINK,
                TransferMode.COPY));

        private final Set<TransferMode> allowed;

        Transfer(Set<TransferMode> allowed) {
            this.allowed = Set.copyOf(allowed);
        }

        /** The transfer modes an import from such a folder may use. */
        public Set<TransferMode> allowed() {
            return allowed;
        }
    }
}
