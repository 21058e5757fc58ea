package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.fs.Fileset;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.permissions.AdminPrivilege;
import org.omerosdk.repo.TransferMode;

/**
 * Group folder mappings (BIOMERO's importer): a mapped group's imports come only from inside its folder, by the
 * transfers the mapping allows; every way out (a {@code ..}, a symbolic link, another group's folder, the low-level
 * import) is refused naming the folder, before anything is placed; only administrators holding ModifyGroup change
 * mappings, decided on their stored privileges.
 */
class ImportFolderTest {
    @TempDir
    Path dir;
    OmeroSdk sdk;
    Session root;
    ExperimenterGroup labA;
    ExperimenterGroup labB;
    Path folderA;
    Path folderB;
    Path outside;

    @BeforeEach
    void setUp() throws Exception {
        sdk = OmeroSdk.builder().dataDirectory(dir.resolve("data")).passwordHashIterations(1000).open();
        root = sdk.rootSession();
        labA = root.admin().createGroup("labA", Permissions.Level.READ_ONLY);
        labB = root.admin().createGroup("labB", Permissions.Level.READ_ONLY);
        Experimenter ada = root.admin().createUser("ada", "Ada", "L", labA);
        root.admin().createUser("bob", "Bob", "H", labB);
        root.admin().addToGroup(ada, labA, true);   // a group owner, not an administrator
        folderA = Files.createDirectories(dir.resolve("mnt/labA"));
        folderB = Files.createDirectories(dir.resolve("mnt/labB"));
        outside = Files.createDirectories(dir.resolve("elsewhere"));
        ImportBatchTest.tiff(folderA, "a.ome.tif", 16, 16);
        ImportBatchTest.tiff(folderB, "b.ome.tif", 16, 16);
        ImportBatchTest.tiff(outside, "x.ome.tif", 16, 16);
        root.admin().setImportFolder(labA, folderA, ImportFolder.Transfer.COPY);
        root.admin().setImportFolder(labB, folderB, ImportFolder.Transfer.IN_PLACE);
    }

    @AfterEach
    void tearDown() {
        sdk.close();
    }

    private long filesets() {
        return sdk.store().read(Bootstrap.SYSTEM_CONTEXT, q -> q.count(Select.from(Fileset.class)));
    }

    /** Asserts that importing {@code path} as ada (group labA) is refused naming labA's folder, leaving nothing. */
    private SecurityViolation refusedForAda(Path path, ImportOptions... options) {
        long before = filesets();
        List<String> keys = sdk.repository().store().list("");
        try (Session ada = root.sudo("ada")) {
            SecurityViolation e = assertThrows(SecurityViolation.class,
                    () -> ada.imports().importFiles(List.of(path), options));
            assertTrue(e.getMessage().contains(folderA.toRealPath().toString()), e.getMessage());
            assertEquals(before, filesets(), "no fileset recorded");
            assertEquals(keys, sdk.repository().store().list(""), "nothing placed in the repository");
            return e;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aMemberImportsFromInsideTheGroupsFolder() {
        try (Session ada = root.sudo("ada")) {
            ImportResult r = ada.imports().importFiles(List.of(folderA.resolve("a.ome.tif")));
            assertTrue(r.ok(), r.failures().toString());
            assertEquals(1, r.images().size());
        }
    }

    @Test
    void aFileOutsideTheFolderIsRefusedNamingTheFolder() {
        SecurityViolation e = refusedForAda(outside.resolve("x.ome.tif"));
        assertTrue(e.getMessage().contains("labA"), e.getMessage());
    }

    @Test
    void dotDotOutOfTheFolderIsRefused() {
        refusedForAda(folderA.resolve("../../elsewhere/x.ome.tif"));
    }

    @Test
    void aSymbolicLinkInTheFolderThatPointsOutIsRefused() throws Exception {
        Path link = Files.createSymbolicLink(folderA.resolve("link.ome.tif"), outside.resolve("x.ome.tif"));
        SecurityViolation e = refusedForAda(link);
        assertTrue(e.getMessage().contains("resolves to"), e.getMessage());
    }

    @Test
    void aSymbolicLinkedDirectoryThatPointsOutIsRefused() throws Exception {
        Files.createSymbolicLink(folderA.resolve("sub"), outside);
        refusedForAda(folderA.resolve("sub/x.ome.tif"));
    }

    @Test
    void anotherGroupsFolderIsRefused() {
        refusedForAda(folderB.resolve("b.ome.tif"));
    }

    @Test
    void aTransferTheMappingDoesNotAllowIsRefused() {
        SecurityViolation e = refusedForAda(folderA.resolve("a.ome.tif"),
                ImportOptions.transfer(TransferMode.IN_PLACE));
        assertTrue(e.getMessage().contains("by copy only"), e.getMessage());
        try (Session bob = root.sudo("bob")) {
            assertThrows(SecurityViolation.class, () -> bob.imports().importFiles(List.of(folderB.resolve(
                    "b.ome.tif")), ImportOptions.transfer(TransferMode.MOVE)), "a shared folder's files are never moved");
            assertTrue(Files.exists(folderB.resolve("b.ome.tif")));
        }
    }

    @Test
    void anInPlaceFolderImportsInPlace() {
        try (Session bob = root.sudo("bob")) {
            ImportResult r = bob.imports().importFiles(List.of(folderB.resolve("b.ome.tif")),
                    ImportOptions.transfer(TransferMode.IN_PLACE));
            assertTrue(r.ok(), r.failures().toString());
            assertEquals(TransferMode.IN_PLACE, r.reports().get(0).files().get(0).mode());
        }
    }

    @Test
    void theLowLevelImportIsCheckedToo() {
        long before = filesets();
        try (Session ada = root.sudo("ada")) {
            SecurityViolation e = assertThrows(SecurityViolation.class, () -> ada.imports().importFiles(
                    List.of(outside.resolve("x.ome.tif")), TransferMode.COPY, OptionalInt.of(0), Optional.empty(),
                    List.of(), ProgressListener.NONE));
            assertTrue(e.getMessage().contains("import folder"), e.getMessage());
        }
        assertEquals(before, filesets());
    }

    @Test
    void aGroupWithoutAMappingImportsFromAnywhereAndRemovingAMappingLiftsIt() {
        assertTrue(root.admin().removeImportFolder(labA));
        assertFalse(root.admin().removeImportFolder(labA), "nothing left to remove");
        try (Session ada = root.sudo("ada")) {
            assertTrue(ada.imports().folder().isEmpty());
            assertTrue(ada.imports().importFiles(List.of(outside.resolve("x.ome.tif"))).ok());
        }
    }

    @Test
    void membersSeeTheirGroupsMappingAndAdministratorsListThemAll() throws Exception {
        try (Session ada = root.sudo("ada")) {
            ImportFolder f = ada.imports().folder().orElseThrow();
            assertEquals(folderA.toRealPath(), f.folder());
            assertEquals(ImportFolder.Transfer.COPY, f.transfer());
        }
        List<ImportFolder> all = root.admin().importFolders();
        assertEquals(List.of("labA", "labB"), all.stream().map(ImportFolder::groupName).toList());
    }

    @Test
    void nonAdministratorsMayNotListChangeOrRemoveMappings() {
        try (Session ada = root.sudo("ada")) {   // owner of labA, not an administrator
            assertTrue(assertThrows(SecurityViolation.class, () -> ada.admin().setImportFolder(labA, outside,
                    ImportFolder.Transfer.IN_PLACE)).getMessage().contains("ModifyGroup"));
            assertThrows(SecurityViolation.class, () -> ada.admin().removeImportFolder(labA));
            assertThrows(SecurityViolation.class, () -> ada.admin().importFolders());
        }
        List<ImportFolder> all = root.admin().importFolders();
        assertEquals(2, all.size(), "nothing removed");
        assertEquals(folderA.getFileName(), all.get(0).folder().getFileName(), "nothing changed");
    }

    @Test
    void privilegesAreDecidedOnTheStoredRowsNotOnTheSessionsStart() {
        Experimenter curator = root.admin().createUser("curator", "C", "U", root.admin().group("system"));
        root.admin().setAdminPrivileges(curator, EnumSet.of(AdminPrivilege.MODIFY_GROUP));
        try (Session c = root.sudo("curator")) {
            c.admin().setImportFolder(labA, outside, ImportFolder.Transfer.COPY);   // ModifyGroup suffices
            root.admin().setAdminPrivileges(curator, EnumSet.of(AdminPrivilege.SUDO));
            assertThrows(SecurityViolation.class, () -> c.admin().setImportFolder(labA, folderA,
                    ImportFolder.Transfer.COPY), "ModifyGroup taken away: refused on the same session");
        }
        try (Session ada = root.sudo("ada")) {
            assertTrue(ada.imports().importFiles(List.of(outside.resolve("x.ome.tif"))).ok(),
                    "the remapped folder applies");
        }
    }

    @Test
    void foldersThatNestOrDoNotExistAreRefused() throws Exception {
        Path inner = Files.createDirectories(folderB.resolve("inner"));
        ValidationException e = assertThrows(ValidationException.class,
                () -> root.admin().setImportFolder(labA, inner, ImportFolder.Transfer.COPY));
        assertTrue(e.getMessage().contains(folderB.toRealPath().toString()), e.getMessage());
        assertThrows(ValidationException.class, () -> root.admin().setImportFolder(labA, dir.resolve("mnt"),
                ImportFolder.Transfer.COPY), "a folder around another group's");
        assertThrows(ValidationException.class, () -> root.admin().setImportFolder(labA, dir.resolve("missing"),
                ImportFolder.Transfer.COPY));
        assertEquals(folderA.toRealPath(), root.admin().importFolders().get(0).folder(), "unchanged");
    }
}
