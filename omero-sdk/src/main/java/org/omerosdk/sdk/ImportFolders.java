package org.omerosdk.sdk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.ValidationException;
import org.omerosdk.repo.TransferMode;

/**
 * The stored group folder mappings (table {@code group_import_folder}, migration V8) and the one check every import
 * path makes against them.
 */
final class ImportFolders {
    private static final String SELECT = "select f.group_id, g.name, f.folder, f.transfer from group_import_folder f "
            + "join experimentergroup g on g.id = f.group_id";

    private ImportFolders() {
    }

    /** The mapping of group {@code groupId}, if it has one. */
    static Optional<ImportFolder> of(org.hibernate.Session s, long groupId) {
        List<ImportFolder> found = query(s, SELECT + " where f.group_id = ?", groupId);
        return found.stream().findFirst();
    }

    /** Every mapping, by group name. */
    static List<ImportFolder> all(org.hibernate.Session s) {
        return query(s, SELECT + " order by g.name", null);
    }

    private static List<ImportFolder> query(org.hibernate.Session s, String sql, Long groupId) {
        return s.doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (groupId != null) {
                    ps.setLong(1, groupId);
                }
                List<ImportFolder> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ImportFolder(rs.getLong(1), rs.getString(2), Path.of(rs.getString(3)),
                                ImportFolder.Transfer.valueOf(rs.getString(4))));
                    }
                }
                return out;
            }
        });
    }

    /** Stores {@code folder} (a real path) as group {@code groupId}'s mapping, replacing any earlier one. */
    static void put(org.hibernate.Session s, long groupId, Path folder, ImportFolder.Transfer transfer) {
        s.flush();
        s.doWork(c -> {
            try (PreparedStatement del = c.prepareStatement("delete from group_import_folder where group_id = ?")) {
                del.setLong(1, groupId);
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement(
                    "insert into group_import_folder (group_id, folder, transfer) values (?, ?, ?)")) {
                ins.setLong(1, groupId);
                ins.setString(2, folder.toString());
                ins.setString(3, transfer.name());
                ins.executeUpdate();
            }
        });
    }

    /** Removes group {@code groupId}'s mapping; false when it had none. */
    static boolean remove(org.hibernate.Session s, long groupId) {
        s.flush();
        return s.doReturningWork(c -> {
            try (PreparedStatement del = c.prepareStatement("delete from group_import_folder where group_id = ?")) {
                del.setLong(1, groupId);
                return del.executeUpdate() > 0;
            }
        });
    }

    /** The real path of an existing directory to map, or a ValidationException naming it. */
    static Path realDirectory(Path folder) {
        try {
            Path real = folder.toAbsolutePath().toRealPath();
            if (!Files.isDirectory(real)) {
                throw new ValidationException("import folder " + folder + " is not a directory");
            }
            return real;
        } catch (IOException e) {
            throw new ValidationException("import folder " + folder + " does not exist or cannot be read: "
                    + e.getMessage());
        }
    }

    /**
     * Refuses, before anything reads them, files that an import into the mapping's group may not take: any whose
     * real path (every symbolic link resolved, {@code ..} applied) is outside the mapped folder — which also keeps
     * out every other group's folder, since mapped folders never nest — and any transfer the mapping does not allow.
     *
     * @throws SecurityViolation naming the file, the folder and the group
     */
    static void check(Optional<ImportFolder> mapping, List<Path> files, TransferMode mode) {
        if (mapping.isEmpty()) {
            return;
        }
        ImportFolder m = mapping.get();
        if (!m.transfer().allowed().contains(mode)) {
            throw new SecurityViolation("group \"" + m.groupName() + "\" imports from its folder " + m.folder()
                    + " " + (m.transfer() == ImportFolder.Transfer.COPY ? "by copy only" : "in place, linked or "
                    + "copied (never moved)") + "; transfer mode " + mode + " is not allowed there");
        }
        for (Path f : files) {
            Path real = real(f);
            if (!real.startsWith(m.folder())) {
                Path given = f.toAbsolutePath().normalize();
                throw new SecurityViolation("\"" + f + "\" is outside the import folder " + m.folder()
                        + " of group \"" + m.groupName() + "\"" + (real.equals(given) ? "" : " (it resolves to "
                        + real + ")") + "; imports into the group must come from inside that folder");
            }
        }
    }

    /** The real path of {@code f}; for a missing file, its nearest existing ancestor's real path plus the rest. */
    private static Path real(Path f) {
        Path abs = f.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null) {
            try {
                // ".." in the original path is applied after links are resolved by toRealPath of the original
                return (existing == abs ? f.toAbsolutePath() : existing).toRealPath()
                        .resolve(existing.relativize(abs));
            } catch (NoSuchFileException e) {
                existing = existing.getParent();
            } catch (IOException e) {
                throw new StorageException("cannot resolve " + f + ": " + e.getMessage(), e);
            }
        }
        return abs;
    }
}
