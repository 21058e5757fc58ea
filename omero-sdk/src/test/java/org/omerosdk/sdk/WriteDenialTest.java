package org.omerosdk.sdk;

import org.omerosdk.importer.NewImage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.omerosdk.model.annotations.TagAnnotation;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.LogicalChannel;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.permissions.AdminPrivilege;
import org.omerosdk.repo.TransferMode;

/**
 * Every public write of the SDK, attempted by a member of a Read-Only group on a colleague's data: each is refused
 * with a SecurityViolation that names what was refused, and afterwards nothing has changed — no rows, no files in
 * the managed repository.
 */
class WriteDenialTest {
    @TempDir
    Path dir;

    private static NewImage image(String name) {
        return new NewImage(new Image(name), new Pixels(PixelType.UINT8, DimensionOrder.XYZCT, 2, 2, 1, 1, 1),
                List.of(new Channel(new LogicalChannel("c"))));
    }

    @Test
    void everyWritePathRefusesAndChangesNothing() throws Exception {
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(dir.resolve("data")).passwordHashIterations(1000)
                .rootPassword("r".toCharArray()).open()) {
            Session root = sdk.rootSession();
            ExperimenterGroup lab = root.admin().createGroup("lab", Permissions.Level.READ_ONLY);
            ExperimenterGroup mine = root.admin().createGroup("mine", Permissions.Level.READ_WRITE);
            Experimenter ada = root.admin().createUser("ada", "Ada", "L", lab);
            root.admin().createUser("bob", "Bob", "H", lab, mine);
            Project project;
            Dataset dataset;
            Image adasImage;
            TagAnnotation tag;
            org.omerosdk.model.annotations.MapAnnotation map;
            try (Session a = root.sudo("ada").withGroup(lab)) {
                project = a.containers().createProject("ada's project");
                dataset = a.containers().createDataset(project, "ada's dataset");
                adasImage = a.images().saveAll(Optional.of(dataset), List.of(image("ada's image")),
                        ProgressListener.NONE).get(0);
                tag = a.annotations().createTag("ada's tag");
                a.annotations().attach(adasImage, tag);
                map = a.annotations().createMap(org.omerosdk.model.annotations.MapAnnotation.CLIENT_NS,
                        List.of(new org.omerosdk.model.annotations.NamedValue("k", "ada's")));
                a.rois().draw(adasImage, "ada's ROI", List.of(new org.omerosdk.model.roi.Rectangle(0, 0, 1, 1)));
            }
            Path file = Files.write(dir.resolve("bob.tif"), new byte[] {1, 2, 3});
            Session bob = root.sudo("bob").withGroup(lab);
            Image bobsImage = bob.images().save(image("bob's image"));
            Dataset bobsDataset = bob.containers().createDataset("bob's dataset");
            long before = root.images().count(Listing.all()) + root.containers().datasets(Listing.all()).size()
                    + root.containers().projects(Listing.all()).size();

            Map<String, Runnable> writes = new LinkedHashMap<>();
            writes.put("rename a colleague's project", () -> bob.rename(project, "mine now"));
            writes.put("delete a colleague's dataset", () -> bob.containers().delete(dataset));
            writes.put("add a dataset to a colleague's project", () -> bob.containers().createDataset(project, "d"));
            writes.put("link own dataset into a colleague's project", () -> bob.containers().link(project,
                    bobsDataset));
            writes.put("link own image into a colleague's dataset", () -> bob.containers().link(dataset, bobsImage));
            writes.put("save images into a colleague's dataset", () -> bob.images().saveAll(Optional.of(dataset),
                    List.of(image("intruder")), ProgressListener.NONE));
            writes.put("import files into a colleague's dataset", () -> bob.imports().importFiles(List.of(file),
                    TransferMode.COPY, OptionalInt.of(0), Optional.of(dataset), List.of(image("imported")),
                    ProgressListener.NONE));
            writes.put("tag a colleague's image", () -> bob.annotations().attach(adasImage,
                    bob.annotations().createTag("bob's tag")));
            writes.put("use a colleague's tag", () -> bob.annotations().attach(bobsImage, tag));
            writes.put("attach a file to a colleague's image", () -> bob.annotations().attachFile(adasImage, null,
                    "bob.txt", null, new java.io.ByteArrayInputStream(new byte[] {1})));
            writes.put("rate a colleague's image", () -> bob.annotations().rate(adasImage, 1));
            writes.put("tag own and a colleague's image at once", () -> bob.annotations().attachToAll(
                    List.of(bobsImage, adasImage), new TagAnnotation("bob's batch")));
            writes.put("edit a colleague's tag", () -> bob.annotations().setText(tag, "bob's now"));
            writes.put("edit a colleague's pairs", () -> bob.annotations().setPairs(map,
                    List.of(new org.omerosdk.model.annotations.NamedValue("k", "bob's"))));
            writes.put("detach a colleague's tag", () -> bob.annotations().detach(
                    bob.annotations().links(adasImage).get(0)));
            writes.put("draw a ROI on a colleague's image", () -> bob.rois().draw(adasImage, "x",
                    List.of(new org.omerosdk.model.roi.Rectangle(0, 0, 1, 1))));
            writes.put("delete a colleague's ROI", () -> bob.rois().delete(root.rois().on(adasImage).get(0)));
            writes.put("create a group", () -> bob.admin().createGroup("bob's", Permissions.Level.PRIVATE));
            writes.put("create a user", () -> bob.admin().createUser("mallory", "M", "M", lab));
            writes.put("set a colleague's password", () -> bob.admin().setPassword(ada, "x".toCharArray()));
            writes.put("join a group", () -> bob.admin().addToGroup(bob.user(), lab, true));
            writes.put("remove a colleague from the group", () -> bob.admin().removeFromGroup(ada, lab));
            writes.put("change the group's level", () -> bob.admin().changeLevel(lab, Permissions.Level.READ_WRITE,
                    false));
            writes.put("set the group's binary access", () -> bob.admin().setBinaryAccess(lab, "+plate"));
            writes.put("grant privileges", () -> bob.admin().setAdminPrivileges(ada,
                    java.util.EnumSet.of(AdminPrivilege.SUDO)));
            writes.put("sudo", () -> bob.sudo("ada"));
            writes.put("group sudo", () -> bob.sudo("ada", lab));

            for (Map.Entry<String, Runnable> w : writes.entrySet()) {
                try {
                    w.getValue().run();
                    throw new AssertionError(w.getKey() + ": was allowed");
                } catch (SecurityViolation | NotFoundException e) {
                    assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), w.getKey());
                }
            }
            long after = root.images().count(Listing.all()) + root.containers().datasets(Listing.all()).size()
                    + root.containers().projects(Listing.all()).size();
            assertEquals(before, after);
            assertEquals("ada's project", root.reload(project).name());
            assertEquals(1, root.containers().countImages(dataset));
            assertEquals(1, root.annotations().on(adasImage).size());
            assertTrue(root.annotations().on(bobsImage).isEmpty());
            assertEquals("ada's tag", root.reload(tag).textValue());
            assertEquals("ada's", root.reload(map).mapValue().get(0).value());
            assertTrue(sdk.repository().store().list(Annotations.ATTACHMENTS).isEmpty(), "no attached bytes");
            assertEquals(1, root.rois().on(adasImage).size());
            assertEquals(Permissions.Level.READ_ONLY, root.admin().group("lab").permissions().level().orElseThrow());
            assertTrue(root.admin().findUser("mallory").isEmpty());
            // the refused import left no file behind in the managed repository
            try (var files = Files.walk(dir.resolve("data/ManagedRepository"))) {
                assertTrue(files.noneMatch(p -> p.getFileName().toString().equals("bob.tif")));
            }
        }
    }
}
