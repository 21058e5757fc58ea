package org.omerosdk.sdk;

import org.omerosdk.importer.NewImage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.LogicalChannel;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.fs.OriginalFile;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.repo.TransferMode;

/** Original-file downloads: read permission, then omero.policy.binary_access at server and group level. */
class BinaryAccessTest {
    @TempDir
    Path dir;

    private record Setup(OmeroSdk sdk, ExperimenterGroup lab, ExperimenterGroup secret, Image image,
                         List<OriginalFile> files, Image hidden) {
    }

    private Setup setUp(String serverPolicy) throws Exception {
        OmeroSdk.Builder b = OmeroSdk.builder().dataDirectory(dir.resolve("data")).passwordHashIterations(1000)
                .rootPassword("r".toCharArray());
        if (serverPolicy != null) {
            b.set(ConfigKeys.POLICY_BINARY_ACCESS, serverPolicy);
        }
        OmeroSdk sdk = b.open();
        Session root = sdk.rootSession();
        ExperimenterGroup lab = root.admin().createGroup("lab", Permissions.Level.READ_ONLY);
        ExperimenterGroup secret = root.admin().createGroup("secret", Permissions.Level.PRIVATE);
        root.admin().createUser("ada", "Ada", "L", lab, secret);
        root.admin().createUser("bob", "Bob", "H", lab, secret);
        Path tif = Files.write(dir.resolve("cells.tif"), "pixels of cells".getBytes(StandardCharsets.UTF_8));
        Path txt = Files.write(dir.resolve("notes.txt"), "notes".getBytes(StandardCharsets.UTF_8));
        try (Session ada = root.sudo("ada")) {
            Imports.ImportedFileset f = ada.withGroup(lab).imports().importFiles(List.of(tif, txt),
                    TransferMode.COPY, OptionalInt.of(0), Optional.empty(), List.of(image("cells")),
                    ProgressListener.NONE);
            Imports.ImportedFileset h = ada.withGroup(secret).imports().importFiles(List.of(tif), TransferMode.COPY,
                    OptionalInt.of(0), Optional.empty(), List.of(image("private cells")), ProgressListener.NONE);
            Image image = f.images().get(0);
            return new Setup(sdk, lab, secret, image, ada.images().originalFiles(image), h.images().get(0));
        }
    }

    private static NewImage image(String name) {
        return new NewImage(new Image(name), new Pixels(PixelType.UINT8, DimensionOrder.XYZCT, 4, 4, 1, 1, 1),
                List.of(new Channel(new LogicalChannel("c"))));
    }

    private static OriginalFile named(List<OriginalFile> files, String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static byte[] read(Session s, OriginalFile f) throws Exception {
        try (InputStream in = s.images().download(f)) {
            return in.readAllBytes();
        }
    }

    @Test
    void byDefaultEveryReaderDownloadsAnImagesFiles() throws Exception {
        Setup s = setUp(null);
        try (s.sdk; Session bob = s.sdk.rootSession().sudo("bob")) {
            assertEquals(List.of("cells.tif", "notes.txt"),
                    bob.images().originalFiles(s.image).stream().map(OriginalFile::name).sorted().toList());
            assertArrayEquals("pixels of cells".getBytes(StandardCharsets.UTF_8),
                    read(bob, named(s.files, "cells.tif")));
        }
    }

    @Test
    void aGroupsMinusReadLeavesDownloadsToThoseWhoMayEdit() throws Exception {
        Setup s = setUp(null);
        try (s.sdk) {
            s.sdk.rootSession().admin().setBinaryAccess(s.lab, "-read");
            try (Session bob = s.sdk.rootSession().sudo("bob"); Session ada = s.sdk.rootSession().sudo("ada")) {
                SecurityViolation e = assertThrows(SecurityViolation.class,
                        () -> read(bob, named(s.files, "cells.tif")));
                assertTrue(e.getMessage().contains("+read"), e.getMessage());
                assertEquals("pixels of cells", new String(read(ada, named(s.files, "cells.tif")),
                        StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void withoutWriteNobodyDownloadsNotEvenTheOwner() throws Exception {
        Setup s = setUp("+read,-write,+image");
        try (s.sdk; Session ada = s.sdk.rootSession().sudo("ada")) {
            SecurityViolation e = assertThrows(SecurityViolation.class, () -> read(ada, named(s.files, "cells.tif")));
            assertTrue(e.getMessage().contains("+write"), e.getMessage());
            assertThrows(SecurityViolation.class, () -> read(s.sdk.rootSession(), named(s.files, "notes.txt")));
        }
    }

    @Test
    void minusImageRestrictsImageFilesButNotTextFiles() throws Exception {
        Setup s = setUp(null);
        try (s.sdk) {
            s.sdk.rootSession().admin().setBinaryAccess(s.lab, "-image");
            try (Session ada = s.sdk.rootSession().sudo("ada")) {
                assertThrows(SecurityViolation.class, () -> read(ada, named(s.files, "cells.tif")));
                assertEquals("notes", new String(read(ada, named(s.files, "notes.txt")), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void anInvisibleFileAnswersLikeAMissingOne() throws Exception {
        Setup s = setUp(null);
        try (s.sdk; Session ada = s.sdk.rootSession().sudo("ada"); Session bob = s.sdk.rootSession().sudo("bob")) {
            OriginalFile hidden = ada.images().originalFiles(s.hidden).get(0);
            assertTrue(bob.images().originalFiles(s.hidden).isEmpty());
            NotFoundException e = assertThrows(NotFoundException.class, () -> read(bob, hidden));
            assertEquals("OriginalFile:ID does not exist or is not visible",
                    e.getMessage().replace(Long.toString(hidden.id()), "ID"));
        }
    }

    @Test
    void malformedGroupValuesAreRefused() throws Exception {
        Setup s = setUp(null);
        try (s.sdk) {
            assertThrows(ValidationException.class,
                    () -> s.sdk.rootSession().admin().setBinaryAccess(s.lab, "+everything"));
        }
    }
}
