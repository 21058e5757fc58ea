package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.proxy.HibernateProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.NotLoadedException;
import org.omerosdk.model.Permissions.Level;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.annotations.Annotation;
import org.omerosdk.model.annotations.CommentAnnotation;
import org.omerosdk.model.annotations.ImageAnnotationLink;
import org.omerosdk.model.annotations.TagAnnotation;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.meta.Event;
import org.omerosdk.model.meta.EventType;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.meta.Link;
import org.omerosdk.model.roi.Rectangle;
import org.omerosdk.model.roi.Roi;
import org.omerosdk.model.screen.Plate;
import org.omerosdk.model.screen.Screen;
import org.omerosdk.permissions.AdminPrivilege;
import org.omerosdk.render.ChannelSettings;
import org.omerosdk.render.Projection;
import org.omerosdk.render.Region;
import org.omerosdk.render.RenderingSettings;
import org.omerosdk.repo.TransferMode;
import org.omerosdk.sdk.graph.GraphProgress;
import org.omerosdk.sdk.graph.GraphRequest;

/**
 * What every public method of the session and its services returns is a plain value: after the call's transaction
 * has closed, every getter of every object reachable from the result answers without a Hibernate proxy, a
 * persistent collection or an exception; an association is loaded, an id-only reference that says so, or absent.
 * The methods are found by reflection, so that a new method fails this test until it has a case here.
 */
class PlainValuesTest {
    @TempDir
    static Path dir;
    private static Lab lab;
    private static Session ada;
    private static Project project;
    private static Dataset dataset;
    private static Image image;
    private static TagAnnotation tag;
    private static Roi roi;
    private static Screen screen;
    private static Imports.ImportedFileset imported;
    /** An image with readable pixels (an imported OME-TIFF), for the rendering calls. */
    private static Image readable;
    /** An image with every kind of acquisition metadata. */
    private static Image acquired;
    private static final AtomicInteger UNIQUE = new AtomicInteger();

    private interface Call {
        Object call() throws Exception;
    }

    @BeforeAll
    static void populate() throws Exception {
        lab = Lab.open(DatabaseTarget.H2, dir);
        ada = lab.as("ada", Level.READ_ANNOTATE);
        project = ada.containers().createProject("p");
        dataset = ada.containers().createDataset(project, "d");
        image = Lab.image(ada, "i", Optional.of(dataset));
        tag = ada.annotations().createTag("t");
        ada.annotations().attach(image, tag);
        ada.annotations().attach(image, ada.annotations().createComment("c"));
        ada.annotations().attach(image, ada.annotations().createMap(
                org.omerosdk.model.annotations.MapAnnotation.CLIENT_NS,
                List.of(new org.omerosdk.model.annotations.NamedValue("gene", "CDC20"))));
        roi = ada.rois().draw(image, "r", List.of(new Rectangle(0, 0, 1, 1)));
        ada.renderings().save(image, display());
        screen = ada.containers().createScreen("s");
        ada.containers().link(screen, ada.containers().createPlate("pl"));
        imported = importFake(ada);
        readable = ada.imports().importFiles(List.of(ImportBatchTest.tiff(Files.createDirectories(
                dir.resolve("readable")), "r.ome.tiff", 16, 16))).images().get(0);
        acquired = ada.imports().importFiles(List.of(AcquisitionMetadataTest.omeTiff(dir.resolve("acquired"),
                "a.ome.tif", AcquisitionMetadataTest.FULL_XML))).images().get(0);
    }

    @AfterAll
    static void close() {
        lab.close();
    }

    private static RenderingSettings display() {
        return RenderingSettings.of(List.of(ChannelSettings.of(PixelType.UINT8,
                org.omerosdk.model.core.Rgba.of(255, 255, 255))));
    }

    private static Imports.ImportedFileset importFake(Session s) throws Exception {
        Path f = Files.createDirectories(dir.resolve("client" + UNIQUE.incrementAndGet())).resolve("a.tif");
        Files.writeString(f, "pixels");
        return s.imports().importFiles(List.of(f), TransferMode.COPY, OptionalInt.empty(), Optional.empty(),
                List.of(Lab.newImage("imported")), ProgressListener.NONE);
    }

    private static String name(String base) {
        return base + UNIQUE.incrementAndGet();
    }

    @Test
    void everyValueEveryMethodReturnsIsPlain() throws Exception {
        Map<String, Call> cases = cases();
        List<String> methods = methodsReturningValues();
        List<String> missing = methods.stream().filter(m -> !cases.containsKey(m)).toList();
        assertTrue(missing.isEmpty(), "public methods returning a value without a case (add one to "
                + "PlainValuesTest): " + missing);
        List<String> stale = cases.keySet().stream().filter(k -> !methods.contains(k)).toList();
        assertTrue(stale.isEmpty(), "cases for methods that no longer exist: " + stale);
        List<String> problems = new ArrayList<>();
        int[] walked = {0};
        for (Map.Entry<String, Call> c : cases.entrySet()) {
            Object result = c.getValue().call();
            new Walk(c.getKey(), problems, walked).value(result, "");
            if (result instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(walked[0] > 100, "the walk reached " + walked[0] + " objects only");
    }

    /** The public methods of Session and of every service it hands out that return a value one could walk. */
    static List<String> methodsReturningValues() {
        Set<Class<?>> types = new LinkedHashSet<>(List.of(Session.class));
        for (Method m : Session.class.getMethods()) {
            if (m.getParameterCount() == 0 && m.getReturnType().getPackage() == Session.class.getPackage()
                    && m.getReturnType() != Session.class && m.getReturnType() != SecurityContext.class) {
                types.add(m.getReturnType());
            }
        }
        List<String> found = new ArrayList<>();
        for (Class<?> t : types) {
            for (Method m : t.getMethods()) {
                Class<?> r = m.getReturnType();
                if (m.getDeclaringClass() == t && !Modifier.isStatic(m.getModifiers()) && !r.isPrimitive()
                        && !(r.isArray() && r.getComponentType().isPrimitive()) && r != String.class && r != Session.class && !types.contains(r)) {
                    found.add(EditedCopyTest.signature(m));
                }
            }
        }
        return found;
    }

    /** Calls every getter of everything reachable, noting proxies, persistent collections and exceptions. */
    private static final class Walk {
        private final String method;
        private final List<String> problems;
        private final int[] walked;
        private final Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

        Walk(String method, List<String> problems, int[] walked) {
            this.method = method;
            this.problems = problems;
            this.walked = walked;
        }

        void value(Object o, String path) {
            // value getters may make a new value each time (a unit conversion): the depth bounds those
            if (o == null || o instanceof String || o instanceof Number || o instanceof Boolean || o instanceof Enum
                    || path.chars().filter(ch -> ch == '.' || ch == '[').count() > 12 || !seen.add(o)) {
                return;
            }
            walked[0]++;
            if (o instanceof HibernateProxy || o instanceof PersistentCollection) {
                problems.add(method + " returned a " + o.getClass().getName() + " at result" + path);
                return;
            }
            if (o instanceof Collection<?> c) {
                int i = 0;
                for (Object x : c) {
                    value(x, path + "[" + i++ + "]");
                }
            } else if (o instanceof Map<?, ?> m) {
                m.forEach((k, v) -> {
                    value(k, path + ".key(" + k + ")");
                    value(v, path + ".get(" + k + ")");
                });
            } else if (o instanceof Optional<?> opt) {
                opt.ifPresent(x -> value(x, path + ".get()"));
            } else if (o instanceof Object[] a) {
                for (int i = 0; i < a.length; i++) {
                    value(a[i], path + "[" + i + "]");
                }
            } else if (o instanceof IObject io && !io.isLoaded()) {
                // an id-only reference: its id answers, it says so, and nothing else pretends to be known
                io.id();
                if (!io.toString().endsWith(" (unloaded)")) {
                    problems.add(method + ": the reference at result" + path + " does not say it is unloaded");
                }
                try {
                    io.details();
                    problems.add(method + ": the reference at result" + path + " answered details()");
                } catch (NotLoadedException expected) {
                    // the reference's one answer beyond its id
                }
            } else if (o.getClass().getName().startsWith("org.omerosdk.") && !(o instanceof AutoCloseable)) {
                getters(o, path);
            }
        }

        private void getters(Object o, String path) {
            for (Method m : o.getClass().getMethods()) {
                if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())
                        || m.getReturnType() == void.class || m.getDeclaringClass() == Object.class
                        || m.getName().startsWith("set") || m.getName().equals("hashCode")) {
                    continue;
                }
                Object v;
                try {
                    m.setAccessible(true);
                    v = m.invoke(o);
                } catch (InvocationTargetException e) {
                    problems.add(method + ": result" + path + "." + m.getName() + "() threw " + e.getCause());
                    continue;
                } catch (ReflectiveOperationException | RuntimeException e) {
                    continue; // a public method of a class that is not public itself
                }
                value(v, path + "." + m.getName() + "()");
            }
        }
    }

    @Test
    void anAnnotationLinkAnswersItsParentsNameAndPixelsTheirImage() {
        Link<?, ?> link = ada.annotations().links(image).get(0);
        assertEquals("i", ((Image) link.parent()).name());
        assertTrue(link.child() instanceof Annotation a && a.isLoaded());
        Pixels px = ada.images().primaryPixels(image);
        assertEquals("i", px.image().name());
    }

    @Test
    void anUnloadedAssociationIsAReferenceThatSaysSo() {
        // a ROI's image is not loaded by rois().on: it comes back as an id-only reference
        Roi r = ada.rois().on(image).get(0);
        Image ref = r.image();
        assertEquals(image.id(), ref.id());
        assertFalse(ref.isLoaded());
        assertEquals("Image:" + image.id() + " (unloaded)", ref.toString());
        NotLoadedException e = assertThrows(NotLoadedException.class, ref::name);
        assertTrue(e.getMessage().contains("Image:" + image.id()), e.getMessage());
        // and it is accepted wherever an image is
        assertEquals(ada.rois().on(image).size(), ada.rois().on(ref).size());
    }

    @Test
    void aReferenceNamesAConcreteType() {
        assertThrows(ValidationException.class, () -> IObject.reference(Annotation.class, 1));
        Image ref = IObject.reference(Image.class, image.id());
        assertEquals("i", ada.images().get(ref.id()).name());
        // a reference is read for its fields with reload, as it names its type
        assertEquals("i", ada.reload(ref).name());
        NotLoadedException e = assertThrows(NotLoadedException.class, ref::name);
        assertTrue(e.getMessage().contains("session.reload"), e.getMessage());
        // and reloading one the caller may not see answers as for a missing one
        Image hidden = IObject.reference(Image.class, Lab.image(lab.as("bob", Level.PRIVATE), "bob's",
                Optional.empty()).id());
        assertThrows(org.omerosdk.model.NotFoundException.class, () -> lab.as("ada", Level.PRIVATE).reload(hidden));
    }

    @Test
    void anAnnotationTheCallerMayNotSeeComesBackAbsentNeverLoaded() {
        // a link ada may see (her own, on her image) to bob's tag, which a private group hides from her: made
        // unchecked, as no caller could make it, so that only the read side decides
        Session adaPrivate = lab.as("ada", Level.PRIVATE);
        Image mine = Lab.image(adaPrivate, "mine", Optional.empty());
        TagAnnotation bobs = lab.as("bob", Level.PRIVATE).annotations().createTag("bob's secret");
        long group = lab.group(Level.PRIVATE).id();
        lab.sdk.store().write(lab.root.context(), EventType.INTERNAL, null, (q, w) -> w.createIn(
                lab.user("ada").id(), group, new ImageAnnotationLink(Containers.load(q, mine),
                        Containers.load(q, bobs))));
        List<Link<?, ?>> links = adaPrivate.annotations().links(mine);
        assertEquals(1, links.size());
        assertNull(links.get(0).child(), "bob's tag must not reach ada, loaded or as a reference");
        assertTrue(adaPrivate.annotations().on(mine).isEmpty());
        // bob sees his tag; root, who sees everything, gets it loaded
        assertEquals("bob's secret", ((TagAnnotation) lab.root.annotations().links(mine).get(0).child())
                .textValue());
    }

    private static Map<String, Call> cases() {
        Map<String, Call> c = new TreeMap<>();
        Session root = lab.root;
        // Session
        c.put("Session.user()", ada::user);
        c.put("Session.context()", ada::context);
        // Admin
        c.put("Admin.createGroup(String,Level)", () -> root.admin().createGroup(name("g"), Level.READ_ONLY));
        c.put("Admin.createUser(String,String,String,ExperimenterGroup[])", () -> root.admin().createUser(
                name("u"), "U", "S", lab.group(Level.READ_ONLY)));
        c.put("Admin.setBinaryAccess(ExperimenterGroup,String)", () -> root.admin().setBinaryAccess(
                lab.elsewhere, "-plate"));
        c.put("Admin.changeLevel(ExperimenterGroup,Level,boolean)", () -> root.admin().changeLevel(lab.elsewhere,
                Level.READ_ANNOTATE, true));
        c.put("Admin.setAdminPrivileges(Experimenter,Set)", () -> root.admin().setAdminPrivileges(lab.user("ops"),
                Set.of(AdminPrivilege.SUDO)));
        c.put("Admin.adminPrivileges(Experimenter)", () -> root.admin().adminPrivileges(lab.user("ops")));
        c.put("Admin.addToGroup(Experimenter,ExperimenterGroup,boolean)", () -> root.admin().addToGroup(
                root.admin().createUser(name("m"), "M", "E", lab.elsewhere), lab.group(Level.READ_ONLY), true));
        c.put("Admin.findGroup(String)", () -> ada.admin().findGroup("pi-read-only"));
        c.put("Admin.findUser(String)", () -> ada.admin().findUser("bob"));
        c.put("Admin.group(String)", () -> ada.admin().group("pi-read-annotate"));
        c.put("Admin.user(String)", () -> ada.admin().user("pi"));
        c.put("Admin.groups()", () -> ada.admin().groups());
        c.put("Admin.groupsOf(Experimenter)", () -> ada.admin().groupsOf(lab.user("ada")));
        c.put("Admin.members(ExperimenterGroup)", () -> ada.admin().members(lab.group(Level.READ_ANNOTATE)));
        // import folder mappings, on a group no other case imports into
        c.put("Admin.setImportFolder(ExperimenterGroup,Path,Transfer)", () -> root.admin().setImportFolder(
                lab.group("elsewhere"), Files.createDirectories(dir.resolve("mapped")), ImportFolder.Transfer.COPY));
        c.put("Admin.importFolders()", () -> root.admin().importFolders());
        c.put("Imports.folder()", () -> lab.as("eve").imports().folder());
        // Browse
        Plate wells = Lab.plate(ada, "grid", new int[][] {{0, 0}, {1, 1}}, new int[] {2, 1});
        ada.containers().link(screen, wells);
        c.put("Browse.tree(Listing)", () -> ada.browse().tree(Listing.all()));
        c.put("Browse.projects(Listing)", () -> ada.browse().projects(Listing.all()));
        c.put("Browse.datasets(Project,Listing)", () -> ada.browse().datasets(project, Listing.all()));
        c.put("Browse.orphanedDatasets(Listing)", () -> ada.browse().orphanedDatasets(Listing.all()));
        c.put("Browse.images(Dataset,Listing)", () -> ada.browse().images(dataset, Listing.all()));
        c.put("Browse.orphanedImages(Listing)", () -> ada.browse().orphanedImages(Listing.all()));
        c.put("Browse.screens(Listing)", () -> ada.browse().screens(Listing.all()));
        c.put("Browse.plates(Screen,Listing)", () -> ada.browse().plates(screen, Listing.all()));
        c.put("Browse.orphanedPlates(Listing)", () -> ada.browse().orphanedPlates(Listing.all()));
        c.put("Browse.plateGrid(Plate,int)", () -> ada.browse().plateGrid(wells, 0));
        c.put("Browse.plateGrid(Plate,int,PlateLayout)", () -> ada.browse().plateGrid(wells, 1,
                Browse.PlateLayout.SHRINK));
        c.put("Browse.search(String,Listing)", () -> ada.browse().search("i", Listing.all()));
        // Containers
        c.put("Containers.createProject(String)", () -> ada.containers().createProject(name("p")));
        c.put("Containers.createDataset(String)", () -> ada.containers().createDataset(name("d")));
        c.put("Containers.createScreen(String)", () -> ada.containers().createScreen(name("s")));
        c.put("Containers.createPlate(String)", () -> ada.containers().createPlate(name("pl")));
        c.put("Containers.createDataset(Project,String)", () -> ada.containers().createDataset(project, name("d")));
        c.put("Session.rename(NamedObject,String)", () -> ada.rename(
                ada.containers().createProject(name("p")), name("renamed")));
        c.put("Containers.link(Project,Dataset)", () -> ada.containers().link(project,
                ada.containers().createDataset(name("d"))));
        c.put("Containers.link(Dataset,Image)", () -> ada.containers().link(ada.containers().createDataset(
                name("d")), image));
        c.put("Containers.link(Screen,Plate)", () -> ada.containers().link(screen,
                ada.containers().createPlate(name("pl"))));
        c.put("Containers.delete(NamedObject)", () -> ada.containers().delete(
                ada.containers().createDataset(project, name("gone"))));
        c.put("Containers.projects(Listing)", () -> ada.containers().projects(Listing.all()));
        c.put("Containers.datasets(Listing)", () -> ada.containers().datasets(Listing.all()));
        c.put("Containers.screens(Listing)", () -> ada.containers().screens(Listing.all()));
        c.put("Containers.plates(Listing)", () -> ada.containers().plates(Listing.all()));
        c.put("Containers.datasets(Project,Listing)", () -> ada.containers().datasets(project, Listing.all()));
        c.put("Containers.plates(Screen,Listing)", () -> ada.containers().plates(screen, Listing.all()));
        c.put("Containers.images(Dataset,Listing)", () -> ada.containers().images(dataset, Listing.all().page(0, 10)));
        c.put("Containers.orphanedDatasets(Listing)", () -> ada.containers().orphanedDatasets(Listing.all()));
        c.put("Session.get(Class,long)", () -> ada.get(Roi.class, roi.id()));
        c.put("Session.reload(IObject)", () -> ada.reload(
                ada.annotations().links(image).get(0)));
        // Annotations
        c.put("Annotations.createTag(String)", () -> ada.annotations().createTag(name("t")));
        c.put("Annotations.createComment(String)", () -> ada.annotations().createComment(name("c")));
        c.put("Annotations.createMap(String,List)", () -> ada.annotations().createMap(
                org.omerosdk.model.annotations.MapAnnotation.CLIENT_NS, List.of(
                        new org.omerosdk.model.annotations.NamedValue("k", "v"),
                        new org.omerosdk.model.annotations.NamedValue("k", "w"))));
        c.put("Annotations.tags(Listing)", () -> ada.annotations().tags(Listing.all()));
        c.put("Annotations.attach(IObject,Annotation)", () -> ada.annotations().attach(project, tag));
        c.put("Annotations.on(IObject)", () -> ada.annotations().on(image));
        c.put("Annotations.attachToAll(List,Annotation)", () -> ada.annotations().attachToAll(
                List.of(image, project), new org.omerosdk.model.annotations.TagAnnotation(name("t"))));
        c.put("Annotations.setText(TextAnnotation,String)", () -> ada.annotations().setText(
                ada.annotations().createComment(name("c")), name("edited")));
        c.put("Annotations.setPairs(MapAnnotation,List)", () -> ada.annotations().setPairs(
                ada.annotations().createMap(org.omerosdk.model.annotations.MapAnnotation.CLIENT_NS, List.of()),
                List.of(new org.omerosdk.model.annotations.NamedValue("k", "v"))));
        c.put("Annotations.rate(IObject,int)", () -> ada.annotations().rate(image, 3));
        c.put("Annotations.ratings(IObject)", () -> {
            ada.annotations().rate(image, 4);
            return ada.annotations().ratings(image);
        });
        c.put("Annotations.attachFile(IObject,String,String,String,InputStream)", () -> ada.annotations()
                .attachFile(image, null, name("f") + ".csv", "text/csv", new java.io.ByteArrayInputStream(new byte[3])));
        c.put("Annotations.download(FileAnnotation)", () -> ada.annotations().download(ada.annotations()
                .attachFile(image, null, name("f") + ".txt", null, new java.io.ByteArrayInputStream(new byte[3]))));
        c.put("Annotations.links(IObject)", () -> ada.annotations().links(image));
        // Renderings
        c.put("Renderings.save(Image,RenderingSettings)", () -> ada.renderings().save(image, display()));
        c.put("Renderings.load(Image)", () -> ada.renderings().load(image));
        c.put("Renderings.all(Image)", () -> ada.renderings().all(image));
        c.put("Renderings.load(Image,Experimenter)", () -> ada.renderings().load(image, lab.user("ada")));
        c.put("Renderings.byOwner(Image)", () -> ada.renderings().byOwner(image));
        c.put("Renderings.copy(Image)", () -> ada.renderings().copy(readable));
        c.put("Renderings.paste(CopiedSettings,IObject[])", () -> ada.renderings().paste(
                ada.renderings().copy(readable), readable));
        c.put("Renderings.applyTo(Image,IObject[])", () -> ada.renderings().applyTo(readable, readable));
        c.put("Renderings.resetToImported(IObject[])", () -> ada.renderings().resetToImported(readable));
        c.put("Renderings.resetToOwners(IObject[])", () -> ada.renderings().resetToOwners(readable));
        c.put("Renderings.renameChannels(Map,int,IObject[])", () -> ada.renderings().renameChannels(
                Map.of(0, name("ch")), 1, readable));
        c.put("Renderings.imagesOf(IObject)", () -> ada.renderings().imagesOf(dataset));
        // Rois
        c.put("Rois.draw(Image,String,List)", () -> ada.rois().draw(image, name("r"),
                List.of(new Rectangle(0, 0, 2, 2))));
        c.put("Rois.on(Image)", () -> ada.rois().on(image));
        c.put("Rois.shapes(Roi)", () -> ada.rois().shapes(roi));
        // Graphs
        c.put("Graphs.delete(IObject[])", () -> ada.graphs().delete(ada.containers().createProject(name("x"))));
        c.put("Graphs.moveToGroup(ExperimenterGroup,IObject[])", () -> ada.graphs().moveToGroup(
                lab.group(Level.READ_WRITE), ada.containers().createProject(name("moved"))));
        c.put("Graphs.giveTo(Experimenter,IObject[])", () -> lab.as("pi", Level.READ_ANNOTATE).graphs().giveTo(
                lab.user("bob"), ada.containers().createProject(name("given"))));
        c.put("Graphs.run(GraphRequest)", () -> ada.graphs().run(GraphRequest.delete(
                ada.containers().createDataset(name("run")))));
        c.put("Graphs.submit(GraphRequest,Listener)", () -> ada.graphs().submit(GraphRequest.delete(
                ada.containers().createDataset(name("submitted"))), GraphProgress.Listener.NONE).await());
        // Images
        c.put("Images.saveAll(Optional,List,ProgressListener)", () -> ada.images().saveAll(Optional.of(dataset),
                List.of(Lab.newImage(name("i"))), ProgressListener.NONE));
        c.put("Images.save(NewImage)", () -> ada.images().save(Lab.newImage(name("i"))));
        c.put("Images.get(long)", () -> ada.images().get(image.id()));
        c.put("Images.list(Listing)", () -> ada.images().list(Listing.all()));
        c.put("Images.search(String,Listing)", () -> ada.images().search("i", Listing.all()));
        c.put("Images.originalFiles(Image)", () -> ada.images().originalFiles(imported.images().get(0)));
        c.put("Images.download(OriginalFile)", () -> ada.images().download(
                ada.images().originalFiles(imported.images().get(0)).get(0)));
        c.put("Images.pixels(Image)", () -> {
            try {
                return ada.images().pixels(imported.images().get(0));
            } catch (org.omerosdk.model.OmeroException unreadable) {
                return null; // the fake file has no reader: the call's value is a resource, not walked
            }
        });
        c.put("Images.primaryPixels(Image)", () -> ada.images().primaryPixels(image));
        c.put("Images.channels(Image)", () -> ada.images().channels(image));
        c.put("Images.acquisition(Image)", () -> ada.images().acquisition(acquired));
        c.put("Images.planeInfos(Image)", () -> ada.images().planeInfos(acquired));
        // Imports
        c.put("Imports.importFiles(List,TransferMode,OptionalInt,Optional,List,ProgressListener)",
                () -> importFake(ada));
        c.put("Imports.importFiles(List,ImportOptions[])", () -> ada.imports().importFiles(List.of(
                ImportBatchTest.tiff(Files.createDirectories(dir.resolve(name("tiff"))), "a.ome.tiff", 8, 8))));
        c.put("Imports.start(List,ImportOptions[])", () -> ada.imports().start(List.of(
                ImportBatchTest.tiff(Files.createDirectories(dir.resolve(name("tiff"))), "b.ome.tiff", 8, 8)))
                .await());
        // Rendering
        Region corner = new Region(0, 0, 0, 0, 0, 4, 4);
        Session bob = lab.as("bob", Level.READ_ANNOTATE);
        c.put("Rendering.levels(Image)", () -> bob.rendering().levels(readable));
        c.put("Rendering.settings(Image)", () -> bob.rendering().settings(readable));
        c.put("Rendering.imported(Image)", () -> bob.rendering().imported(readable));
        c.put("Rendering.render(Image)", () -> bob.rendering().render(readable));
        c.put("Rendering.render(Image,int,int)", () -> bob.rendering().render(readable, 0, 0));
        c.put("Rendering.render(Image,int,int,RenderingSettings)", () -> bob.rendering().render(readable, 0, 0,
                bob.rendering().settings(readable)));
        c.put("Rendering.render(Image,Region)", () -> bob.rendering().render(readable, corner));
        c.put("Rendering.render(Image,Region,RenderingSettings)", () -> bob.rendering().render(readable, corner,
                bob.rendering().settings(readable)));
        c.put("Rendering.render(Image,Region,UnaryOperator)", () -> bob.rendering().render(readable, corner,
                java.util.function.UnaryOperator.identity()));
        c.put("Rendering.render(Image,Region,RenderingSettings,int[])", () -> bob.rendering().render(readable,
                corner, bob.rendering().settings(readable), new int[16]));
        c.put("Rendering.project(Image,Projection,int,int,int)", () -> bob.rendering().project(readable,
                Projection.MAXIMUM, 0, 0, 0));
        c.put("Rendering.project(Image,Projection,int,int,int,RenderingSettings)", () -> bob.rendering().project(
                readable, Projection.MAXIMUM, 0, 0, 0, bob.rendering().settings(readable)));
        c.put("Rendering.thumbnail(Image)", () -> bob.rendering().thumbnail(readable));
        c.put("Rendering.thumbnail(Image,int)", () -> bob.rendering().thumbnail(readable, 8));
        c.put("Rendering.thumbnail(Image,int,RenderingSettings)", () -> bob.rendering().thumbnail(readable, 8,
                bob.rendering().settings(readable)));
        // Events
        c.put("Events.find(EventFilter)", () -> ada.events().find(EventFilter.any()));
        c.put("Events.sudoer(Event)", () -> {
            Event e = ada.events().find(EventFilter.any().touching(project)).get(0);
            return ada.events().sudoer(e);
        });
        c.put("Events.logs(Event)", () -> ada.events().logs(ada.events().find(EventFilter.any().touching(project))
                .get(0)));
        return c;
    }
}
