package org.omerosdk.sdk;

import org.omerosdk.importer.NewImage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.DimensionOrder;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.LogicalChannel;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.repo.TransferMode;

class ImportsTest {
    private static NewImage image(String name) {
        return new NewImage(new Image(name), new Pixels(PixelType.UINT16, DimensionOrder.XYZCT, 64, 32, 1, 1, 1),
                List.of(new Channel(new LogicalChannel("DAPI"))));
    }

    @Test
    void filesLandInTheUsersTemplateDirectoryAndAreRecordedAsAFileset(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("client/exp"));
        Path a = Files.writeString(dir.resolve("client/exp/a.tif"), "pixels");
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(dir.resolve("data")).passwordHashIterations(1000).open()) {
            Session root = sdk.rootSession();
            ExperimenterGroup lab = root.admin().createGroup("lab", Permissions.Level.READ_ANNOTATE);
            Experimenter ada = root.admin().createUser("ada", "Ada", "Lovelace", lab);
            try (Session s = root.sudo("ada")) {
                Dataset d = s.containers().createDataset("imports");
                Imports.ImportedFileset imported = s.imports().importFiles(List.of(a), TransferMode.COPY,
                        OptionalInt.of(0), Optional.of(d), List.of(image("a.tif")), ProgressListener.NONE);
                String key = imported.files().get(0).key();
                assertTrue(key.startsWith("ada_" + ada.id() + "/"), key);
                assertTrue(key.endsWith("/a.tif"), key);
                assertEquals(imported.fileset().templatePrefix(), key.substring(0, key.length() - "a.tif".length()));
                Path onDisk = dir.resolve("data/ManagedRepository").resolve(key);
                assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(onDisk));
                assertEquals(1, s.containers().countImages(d));
                assertEquals("a.tif", s.containers().images(d, Listing.all().page(0, 10)).get(0).name());
            }
        }
    }

    @Test
    void aFailureRecordingTheFilesetRemovesTheFilesItPlacedAndKeepsTheOriginals(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("client"));
        Path a = Files.writeString(dir.resolve("client/a.tif"), "pixels");
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(dir.resolve("data")).passwordHashIterations(1000).open()) {
            Session root = sdk.rootSession();
            ExperimenterGroup lab = root.admin().createGroup("lab", Permissions.Level.PRIVATE);
            root.admin().createUser("bob", "Bob", "Hooke", lab);
            try (Session s = root.sudo("bob")) {
                Dataset gone = s.containers().createDataset("gone");
                s.containers().delete(gone);
                for (TransferMode mode : List.of(TransferMode.COPY, TransferMode.MOVE)) {
                    assertThrows(NotFoundException.class, () -> s.imports().importFiles(List.of(a), mode,
                            OptionalInt.of(0), Optional.of(gone), List.of(image("a.tif")), ProgressListener.NONE));
                    assertEquals(List.of(), sdk.repository().list(""));
                    assertEquals("pixels", Files.readString(a), mode + " lost the original of a failed import");
                }
                Dataset kept = s.containers().createDataset("kept");
                Imports.ImportedFileset moved = s.imports().importFiles(List.of(a), TransferMode.MOVE,
                        OptionalInt.of(0), Optional.of(kept), List.of(image("a.tif")), ProgressListener.NONE);
                assertFalse(Files.exists(a), "a committed MOVE removes the original");
                assertEquals("pixels", new String(sdk.repository().store().read(moved.files().get(0).key()),
                        java.nio.charset.StandardCharsets.UTF_8));
                assertFalse(s.containers().datasets(Listing.all()).stream().anyMatch(x -> x.name().equals("gone")));
            }
        }
    }

    @Test
    void theBuildersBinaryStoreHoldsTheImportedFilesAndTheManagedDirectoryStaysEmpty(@TempDir Path dir)
            throws Exception {
        Files.createDirectories(dir.resolve("client"));
        Path a = Files.writeString(dir.resolve("client/a.tif"), "pixels");
        org.omerosdk.model.store.MemoryBinaryStore host = new org.omerosdk.model.store.MemoryBinaryStore();
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(dir.resolve("data")).binaryStore(host)
                .passwordHashIterations(1000).open()) {
            Session root = sdk.rootSession();
            ExperimenterGroup lab = root.admin().createGroup("lab", Permissions.Level.PRIVATE);
            root.admin().createUser("cy", "Cy", "Store", lab);
            try (Session s = root.sudo("cy")) {
                Imports.ImportedFileset imported = s.imports().importFiles(List.of(a), TransferMode.COPY,
                        OptionalInt.of(0), Optional.empty(), List.of(image("a.tif")), ProgressListener.NONE);
                String key = imported.files().get(0).key();
                assertArrayEquals(Files.readAllBytes(a), host.read(key));
                assertFalse(Files.exists(dir.resolve("data/ManagedRepository").resolve(key)));
                // the host's store is not a filesystem: a symbolic-link import is refused, naming the mode
                org.omerosdk.model.ValidationException e = assertThrows(org.omerosdk.model.ValidationException.class,
                        () -> s.imports().importFiles(List.of(a), TransferMode.SYMBOLIC_LINK, OptionalInt.of(0),
                                Optional.empty(), List.of(image("a.tif")), ProgressListener.NONE));
                assertTrue(e.getMessage().contains("SYMBOLIC_LINK"), e.getMessage());
            }
        }
    }
}
