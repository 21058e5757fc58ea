package org.omerosdk.examples.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.FormatException;
import org.omerosdk.model.store.BinaryStore;
import org.omerosdk.render.ImageEncoder;
import org.omerosdk.render.pyramid.NgffPyramid;
import org.omerosdk.render.pyramid.PyramidBuilder;
import org.omerosdk.render.pyramid.PyramidMetadata;
import org.omerosdk.repo.store.FileSystemBinaryStore;
import org.omerosdk.render.Region;
import org.omerosdk.render.RenderedImage;
import org.omerosdk.render.Renderer;
import org.omerosdk.render.RenderingSettings;
import org.omerosdk.render.Thumbnails;
import org.omerosdk.repo.StoredFile;
import org.omerosdk.model.core.Image;
import org.omerosdk.render.PixelSource;
import org.omerosdk.sdk.ImportListener;
import org.omerosdk.sdk.ImportOptions;
import org.omerosdk.sdk.ImportProgress;
import org.omerosdk.sdk.ImportReport;
import org.omerosdk.sdk.ImportResult;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.sdk.Listing;
import org.omerosdk.sdk.OmeroSdk;
import org.omerosdk.sdk.Session;

/**
 * What {@code omero demo} does: opens (or creates) an embedded repository and fills it the way OMERO's training
 * workshops are set up — one group per permission level, 50 users named after famous scientists, a
 * Project/Dataset tree for some of them — then prints the tree and what it did. Re-running it on the same data
 * directory finds what is there and creates only what is missing.
 */
public final class Demo {
    /** The workshop's password for every demo user (a demo repository is not a place for secrets). */
    static final String USER_PASSWORD = "omero-demo";
    static final int USERS = 50;
    /** Users who get a Project/Dataset tree of their own. */
    static final int USERS_WITH_DATA = 6;
    /** Width and height of the sample acquisition. */
    static final int SAMPLE_SIZE = 512;
    /** The name of the demo's own acquisition file. */
    static final String SAMPLE_FILE = "cells.ome.tiff";

    private final PrintWriter out;
    private final Counts counts = new Counts();

    /** How many objects were found and how many created. */
    static final class Counts {
        int groupsCreated;
        int usersCreated;
        int projectsCreated;
        int datasetsCreated;
    }

    public Demo(PrintWriter out) {
        this.out = out;
    }

    /** Runs the demo on {@code dataDirectory}, creating it when needed. */
    public void run(Path dataDirectory) {
        long start = System.nanoTime();
        out.println("omero demo: data directory " + dataDirectory.toAbsolutePath());
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(dataDirectory).open()) {
            sdk.generatedRootPassword().ifPresent(pw -> out.println(
                    "  new repository; root password (shown once): " + new String(pw)));
            try (Session root = sdk.rootSession()) {
                List<ExperimenterGroup> groups = groups(root);
                List<Experimenter> users = users(root, groups);
                trees(root, groups, users);
                Image sample = importSample(sdk, root, groups, users);
                renderSample(root, dataDirectory, sample);
                pyramid(sdk, dataDirectory);
                permissionTour(root, groups);
                out.println();
                out.printf("  %d groups (%d new), %d users (%d new), %d projects and %d datasets new; password of "
                                + "user-1 ... user-%d: %s%n", groups.size(), counts.groupsCreated, users.size(),
                        counts.usersCreated, counts.projectsCreated, counts.datasetsCreated, USERS, USER_PASSWORD);
                out.println();
                printTree(root, groups, users);
                out.println();
                out.printf("  view the sample in a browser: ./omero web start --data %s, log in as user-1 (password %s)"
                                + " and open%n    http://127.0.0.1:%s/webclient/img_detail/%d/%n",
                        dataDirectory, USER_PASSWORD,
                        sdk.config().get(org.omerosdk.model.config.ConfigKeys.WEB_APPLICATION_SERVER_PORT), sample.id());
            }
        }
        out.printf("%ndone in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** One group per permission level, named as in OMERO's workshops ("read-annotate-group", ...). */
    private List<ExperimenterGroup> groups(Session root) {
        List<ExperimenterGroup> groups = new ArrayList<>();
        for (Permissions.Level level : Permissions.Level.values()) {
            String name = level.displayName().toLowerCase(java.util.Locale.ROOT) + "-group";
            Optional<ExperimenterGroup> existing = root.admin().findGroup(name);
            if (existing.isPresent()) {
                groups.add(existing.get());
            } else {
                groups.add(root.admin().createGroup(name, level));
                counts.groupsCreated++;
            }
        }
        return groups;
    }

    /**
     * user-1 ... user-50, members of every demo group, read-annotate-group as their default group; user-50
     * owns every demo group (the workshop's trainer).
     */
    private List<Experimenter> users(Session root, List<ExperimenterGroup> groups) {
        ExperimenterGroup defaultGroup = groups.get(Permissions.Level.READ_ANNOTATE.ordinal());
        ExperimenterGroup[] memberships = new ExperimenterGroup[groups.size()];
        memberships[0] = defaultGroup;
        int i = 1;
        for (ExperimenterGroup g : groups) {
            if (g != defaultGroup) {
                memberships[i++] = g;
            }
        }
        List<Experimenter> users = new ArrayList<>();
        for (int n = 1; n <= USERS; n++) {
            String login = "user-" + n;
            Optional<Experimenter> existing = root.admin().findUser(login);
            if (existing.isPresent()) {
                users.add(existing.get());
                continue;
            }
            Scientists.Name name = Scientists.NAMES.get(n - 1);
            Experimenter user = root.admin().createUser(login, name.first(), name.last(), memberships);
            root.admin().setPassword(user, USER_PASSWORD.toCharArray());
            users.add(user);
            counts.usersCreated++;
        }
        for (ExperimenterGroup g : groups) {
            root.admin().addToGroup(users.get(USERS - 1), g, true);
        }
        return users;
    }

    /** For the first few users: in every group, a project with two datasets, created as that user. */
    private void trees(Session root, List<ExperimenterGroup> groups, List<Experimenter> users) {
        for (int n = 0; n < USERS_WITH_DATA; n++) {
            Experimenter user = users.get(n);
            try (Session asUser = root.sudo(user.omeName())) {
                for (ExperimenterGroup g : groups) {
                    Session inGroup = asUser.withGroup(g);
                    String projectName = user.firstName() + "'s experiments";
                    boolean exists = inGroup.containers().projects(Listing.all().ownedBy(user).inGroup(g)).stream()
                            .anyMatch(p -> p.name().equals(projectName));
                    if (exists) {
                        continue;
                    }
                    Project p = inGroup.containers().createProject(projectName);
                    counts.projectsCreated++;
                    for (String d : List.of("control", "treated")) {
                        inGroup.containers().createDataset(p, d);
                        counts.datasetsCreated++;
                    }
                }
            }
        }
    }

    /**
     * Imports the demo's own acquisition — a three-channel OME-TIFF it writes to a scratch folder, with its
     * instrument and acquisition settings in the OME-XML — for user-1 into "control" of their project in
     * read-annotate-group through the import pipeline (readers, checksums, statistics, rendering defaults,
     * thumbnail), and says where the file landed. Returns the image, imported now or by an earlier run.
     */
    private Image importSample(OmeroSdk sdk, Session root, List<ExperimenterGroup> groups, List<Experimenter> users) {
        ExperimenterGroup group = groups.get(Permissions.Level.READ_ANNOTATE.ordinal());
        Experimenter ada = users.get(0);
        try (Session asAda = root.sudo(ada.omeName())) {
            Session inGroup = asAda.withGroup(group);
            Project project = inGroup.containers().projects(Listing.all().ownedBy(ada).inGroup(group)).get(0);
            Dataset control = inGroup.containers().datasets(project, Listing.all()).stream()
                    .filter(d -> d.name().equals("control")).findFirst().orElseThrow();
            if (inGroup.containers().countImages(control) > 0) {
                out.println("  sample acquisition already imported for " + ada.omeName());
                return inGroup.containers().images(control, Listing.all().page(0, 1)).get(0);
            }
            Path scratch = Files.createTempDirectory("omero-demo-acquisition");
            try {
                Path file = scratch.resolve(SAMPLE_FILE);
                SampleOmeTiff.write(file, List.of(SampleOmeTiff.cells(SAMPLE_SIZE, SAMPLE_SIZE)));
                ProgressBar bar = new ProgressBar(out, "  import");
                ImportResult result = inGroup.imports().importFiles(List.of(file), ImportOptions.target(control),
                        ImportOptions.listener(new ImportListener() {
                            @Override
                            public void progress(ImportProgress p) {
                                bar.progress(p.step(), p.batchBytesDone(), p.batchBytesTotal());
                            }
                        }));
                bar.done();
                ImportReport report = result.reports().get(0);
                if (!report.ok()) {
                    throw report.error().get();
                }
                Path managed = Path.of(sdk.config().get(ConfigKeys.MANAGED_DIR));
                out.printf("  imported %d files for %s (%s) into %s:%n", report.files().size(), ada.omeName(),
                        group.name(), managed.resolve(report.fileset().orElseThrow().templatePrefix()));
                for (StoredFile f : report.files()) {
                    out.printf("    %s  %s %s%n", f.key(), f.algorithm().omeroName(), f.checksum());
                }
                Image image = result.images().get(0);
                out.printf("    Image:%d %s%n", image.id(), image.name());
                return image;
            } finally {
                SampleAcquisition.deleteQuietly(scratch);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Renders the imported acquisition from the repository as user-1 sees it — pixels through
     * {@code images().pixels(image)}, the rendering settings the import set (colours from the emission wavelengths,
     * windows from the channels' minimum and maximum) — and its thumbnail, as PNG files in {@code DIR/demo-output}.
     */
    private void renderSample(Session root, Path data, Image image) {
        try (Session asAda = root.sudo("user-1"); PixelSource pixels = asAda.images().pixels(image)) {
            RenderingSettings settings = asAda.renderings().load(image).orElseThrow(() ->
                    new org.omerosdk.model.NotFoundException(image + " has no rendering settings"));
            List<org.omerosdk.model.core.Channel> channels = asAda.images().channels(image);
            Renderer renderer = Renderer.create();
            RenderedImage rendered = renderer.render(pixels, settings, Region.plane(pixels, 0, 0, 0));
            RenderedImage thumb = Thumbnails.create(renderer, OmeroConfig.defaults()).thumbnail(image.id(), pixels,
                    settings);
            Path dir = Files.createDirectories(data.resolve("demo-output"));
            Path png = Files.write(dir.resolve("cells-rendered.png"), ImageEncoder.png(rendered));
            Path thumbPng = Files.write(dir.resolve("cells-thumbnail.png"), ImageEncoder.png(thumb));
            out.printf("  rendered Image:%d from the repository, %dx%d, %d channels (%s) to %s%n", image.id(),
                    rendered.width(), rendered.height(), channels.size(), String.join(", ", channels.stream()
                            .map(c -> c.logicalChannel().name().orElse("?")).toList()), png.toAbsolutePath());
            out.printf("  thumbnail %dx%d to %s%n", thumb.width(), thumb.height(), thumbPng.toAbsolutePath());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    /** Side of the demo's large synthetic plane: above OMERO's 3192 x 3192 limit, so it needs a pyramid. */
    static final int LARGE = 4096;

    /**
     * Builds the pyramid of a large synthetic plane into the data directory's Pixels store (OME-NGFF), or finds the
     * one an earlier run built, then lists its levels and renders its smallest level.
     */
    private void pyramid(OmeroSdk sdk, Path data) {
        // chunks are made durable together before the pyramid's metadata marks it complete
        BinaryStore pixels = new FileSystemBinaryStore(data.resolve("Pixels"), FileSystemBinaryStore.Durability.ON_FLUSH);
        SyntheticCells plane = new SyntheticCells(LARGE, LARGE, 1);
        PyramidBuilder builder = PyramidBuilder.from(sdk.config());
        NgffPyramid pyramid;
        long start = System.nanoTime();
        try {
            pyramid = NgffPyramid.open(pixels, "demo-large.zarr");
            out.printf("  pyramid of the %dx%d plane already built: %s%n", LARGE, LARGE,
                    data.resolve("Pixels/demo-large.zarr").toAbsolutePath());
        } catch (FormatException notYet) {
            out.printf("  %dx%d plane needs a pyramid (OMERO's rule: area > %s x %s): %b; building ...%n", LARGE, LARGE,
                    sdk.config().get(ConfigKeys.PIXELDATA_MAX_PLANE_WIDTH),
                    sdk.config().get(ConfigKeys.PIXELDATA_MAX_PLANE_HEIGHT),
                    builder.requiresPyramid(plane.pixelType(), LARGE, LARGE));
            ProgressBar bar = new ProgressBar(out, "  tiles");
            pyramid = builder.build(plane, pixels, "demo-large.zarr", PyramidMetadata.named("demo large plane"), bar);
            bar.done();
            out.printf("  built in %.1f s: %s%n", (System.nanoTime() - start) / 1e9,
                    data.resolve("Pixels/demo-large.zarr").toAbsolutePath());
        }
        StringBuilder levels = new StringBuilder();
        for (int l = 0; l < pyramid.levelCount(); l++) {
            levels.append(l == 0 ? "" : ", ").append(pyramid.sizeX(l)).append('x').append(pyramid.sizeY(l));
        }
        out.println("  levels: " + levels);
        int smallest = pyramid.levelCount() - 1;
        RenderingSettings grey = RenderingSettings.of(List.of(
                org.omerosdk.render.ChannelSettings.of(plane.pixelType(), org.omerosdk.model.core.Rgba.of(255, 255, 255))
                        .withWindow(300, 9000))).withModel(RenderingSettings.Model.GREYSCALE);
        RenderedImage img = Renderer.create().render(pyramid, grey, Region.plane(pyramid, smallest, 0, 0));
        try {
            Path png = Files.write(Files.createDirectories(data.resolve("demo-output")).resolve("large-smallest-level.png"),
                    ImageEncoder.png(img));
            out.printf("  smallest level rendered to %s%n", png.toAbsolutePath());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * What OMERO's four levels mean, shown by doing it: user-2 tries to view, rename and add a dataset to user-1's
     * "permission tour" project in each group, and the trainer (user-50, owner of every group) tries to rename it.
     * What succeeds is undone, so re-runs show the same table.
     */
    private void permissionTour(Session root, List<ExperimenterGroup> groups) {
        out.println();
        out.println("  what user-2 may do with user-1's project, and user-50 (the groups' owner), per group:");
        try (Session owner = root.sudo("user-1"); Session colleague = root.sudo("user-2");
             Session trainer = root.sudo("user-" + USERS)) {
            for (ExperimenterGroup g : groups) {
                Session mine = owner.withGroup(g);
                Project p = mine.containers().projects(Listing.all().inGroup(g).ownedBy(owner.user())).stream()
                        .filter(x -> x.name().equals("permission tour")).findFirst()
                        .orElseGet(() -> mine.containers().createProject("permission tour"));
                Session other = colleague.withGroup(g);
                String view = outcome(() -> other.reload(p));
                String rename = outcome(() -> {
                    Project renamed = other.rename(other.reload(p), "renamed by user-2");
                    other.rename(renamed, "permission tour");
                });
                String link = outcome(() -> other.containers().delete(other.containers().createDataset(
                        other.reload(p), "added by user-2")));
                Session pi = trainer.withGroup(g);
                String piRename = outcome(() -> {
                    Project renamed = pi.rename(pi.reload(p), "renamed by the owner");
                    pi.rename(renamed, "permission tour");
                });
                out.printf("    %-20s view: %-8s rename: %-8s add dataset: %-8s | owner renames: %s%n", g.name(),
                        view, rename, link, piRename);
            }
        }
    }

    private static String outcome(Runnable action) {
        try {
            action.run();
            return "allowed";
        } catch (org.omerosdk.model.SecurityViolation | org.omerosdk.model.NotFoundException e) {
            return "denied";
        }
    }

    private void printTree(Session root, List<ExperimenterGroup> groups, List<Experimenter> users) {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        for (Experimenter u : users) {
            names.put(u.id(), u.omeName() + " " + u.displayName());
        }
        for (ExperimenterGroup g : groups) {
            out.printf("%s (%s, %s)%n", g.name(), g.permissions().level().map(Permissions.Level::displayName)
                    .orElse("custom"), g.permissions());
            Session inGroup = root.withGroup(g);
            List<Project> projects = inGroup.containers().projects(Listing.all().inGroup(g));
            for (int i = 0; i < projects.size(); i++) {
                Project p = projects.get(i);
                boolean lastProject = i == projects.size() - 1;
                String owner = p.details().ownerId().map(names::get).orElse("?");
                out.printf("  %s Project \"%s\" (owner %s)%n", lastProject ? "└──" : "├──", p.name(), owner);
                List<Dataset> datasets = inGroup.containers().datasets(p, Listing.all());
                for (int j = 0; j < datasets.size(); j++) {
                    Dataset d = datasets.get(j);
                    out.printf("  %s   %s Dataset \"%s\" (%d images)%n", lastProject ? " " : "│",
                            j == datasets.size() - 1 ? "└──" : "├──", d.name(), inGroup.containers().countImages(d));
                }
            }
        }
    }
}
