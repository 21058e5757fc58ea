package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.omerosdk.importer.NewImage;
import org.omerosdk.model.OmeroException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.Permissions.Level;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.annotations.TagAnnotation;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.LogicalChannel;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.display.RenderingDef;
import org.omerosdk.model.fs.OriginalFile;
import org.omerosdk.model.meta.Event;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.meta.Link;
import org.omerosdk.model.roi.Rectangle;
import org.omerosdk.model.roi.Roi;
import org.omerosdk.model.screen.Plate;
import org.omerosdk.model.screen.Screen;
import org.omerosdk.permissions.AdminPrivilege;
import org.omerosdk.render.ChannelSettings;
import org.omerosdk.render.RenderingSettings;
import org.omerosdk.repo.TransferMode;

/**
 * Every public method of the session and its services that takes an entity decides on the stored row, never on the
 * caller's copy: called with a detached copy whose name, owner, group and permissions were edited, it decides
 * (allowed or refused) and acts exactly as with a fresh copy of the stored row. The methods are found by
 * reflection, so that a new method taking an entity fails this test until it has a case here.
 */
class EditedCopyTest {
    @TempDir
    Path dir;

    /** One scenario: sets up its own objects, calls the method with copies made by {@code copies}, says what happened. */
    private interface Case {
        String run(Lab lab, Copies copies) throws Exception;
    }

    /** Detached copies of stored rows as a caller passes them: fresh, or edited to look like the caller's own. */
    private record Copies(Lab lab, boolean edited) {
        <T extends IObject> T of(Session caller, T stored) throws Exception {
            T copy = lab.root.reload(stored);
            if (edited) {
                edit(copy, caller);
            }
            return copy;
        }

        Event of(Session caller, Event stored) throws Exception {
            Event copy = lab.root.events().find(EventFilter.any()).stream().filter(e -> e.id() == stored.id())
                    .findFirst().orElseThrow();
            if (edited) {
                // the caller's own session, so that a decision on the copy would answer about it
                set(copy, "experimenter", caller.user().id());
                set(copy, "experimenterGroup", caller.context().writeGroupId());
                set(copy, "session", caller.sessionId());
            }
            return copy;
        }

        private static void edit(IObject copy, Session caller) throws Exception {
            for (Class<?> c = copy.getClass(); c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (f.getType() == String.class && Set.of("name", "omeName", "textValue").contains(f.getName())) {
                        f.setAccessible(true);
                        f.set(copy, "not-" + f.get(copy));
                    }
                }
            }
            copy.details().assignOwnership(caller.user().id(), caller.context().writeGroupId(),
                    Permissions.parse("rwrwrw"));
        }
    }

    private static void set(Object o, String field, Object value) throws Exception {
        Field f = o.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(o, value);
    }

    private final AtomicInteger unique = new AtomicInteger();
    private final Map<String, Case> cases = new TreeMap<>();

    @ParameterizedTest
    @ValueSource(strings = {"H2", "POSTGRES"})
    void everyMethodTakingAnEntityDecidesOnTheStoredRow(String target) throws Exception {
        defineCases();
        List<String> methods = methodsTakingEntities();
        List<String> missing = methods.stream().filter(m -> !cases.containsKey(m)).toList();
        assertTrue(missing.isEmpty(), "public methods taking an entity without an edited-copy case (add one to "
                + "EditedCopyTest): " + missing);
        List<String> stale = cases.keySet().stream().filter(k -> !methods.contains(k)).toList();
        assertTrue(stale.isEmpty(), "cases for methods that no longer exist: " + stale);
        try (Lab lab = Lab.open(Lab.target(target), dir)) {
            List<String> differences = new ArrayList<>();
            for (Map.Entry<String, Case> c : cases.entrySet()) {
                String stored = c.getValue().run(lab, new Copies(lab, false));
                String edited = c.getValue().run(lab, new Copies(lab, true));
                if (!stored.equals(edited)) {
                    differences.add(c.getKey() + ": with the stored row " + stored + ", with an edited copy "
                            + edited);
                }
            }
            assertTrue(differences.isEmpty(), String.join("\n", differences));
        }
    }

    /** The public methods of Session, of every service it hands out, and of the query values, taking an entity. */
    static List<String> methodsTakingEntities() {
        Set<Class<?>> types = new LinkedHashSet<>(List.of(Session.class, Listing.class, EventFilter.class));
        for (Method m : Session.class.getMethods()) {
            if (m.getParameterCount() == 0 && m.getReturnType().getPackage() == Session.class.getPackage()) {
                types.add(m.getReturnType());
            }
        }
        List<String> found = new ArrayList<>();
        for (Class<?> t : types) {
            for (Method m : t.getMethods()) {
                if (m.getDeclaringClass() == t && !Modifier.isStatic(m.getModifiers())
                        && Arrays.stream(m.getGenericParameterTypes()).anyMatch(EditedCopyTest::holdsEntity)) {
                    found.add(signature(m));
                }
            }
        }
        return found;
    }

    private static boolean holdsEntity(Type t) {
        if (t instanceof Class<?> c) {
            return c.isArray() ? holdsEntity(c.getComponentType())
                    : IObject.class.isAssignableFrom(c) || c == Event.class || c == NewImage.class;
        }
        if (t instanceof ParameterizedType p) {
            if (p.getRawType() == Class.class) {
                return false; // a type token carries no row a caller could edit
            }
            return holdsEntity(p.getRawType())
                    || Arrays.stream(p.getActualTypeArguments()).anyMatch(EditedCopyTest::holdsEntity);
        }
        if (t instanceof GenericArrayType a) {
            return holdsEntity(a.getGenericComponentType());
        }
        if (t instanceof java.lang.reflect.TypeVariable<?> v) {
            return Arrays.stream(v.getBounds()).anyMatch(EditedCopyTest::holdsEntity);
        }
        if (t instanceof java.lang.reflect.WildcardType w) {
            return Arrays.stream(w.getUpperBounds()).anyMatch(EditedCopyTest::holdsEntity);
        }
        return false;
    }

    static String signature(Method m) {
        return m.getDeclaringClass().getSimpleName() + "." + m.getName() + Arrays.stream(m.getParameterTypes())
                .map(Class::getSimpleName).collect(Collectors.joining(",", "(", ")"));
    }

    /** What a call returned (or which refusal) and what it left behind, without ids (runs differ in ids). */
    private static String outcome(Callable<?> call, Callable<?> effect) throws Exception {
        String r;
        try {
            r = "returned " + describe(call.call());
        } catch (OmeroException e) {
            r = "refused with " + e.getClass().getSimpleName();
        }
        return r + "; then " + describe(effect.call());
    }

    private static String describe(Object o) throws Exception {
        if (o == null) {
            return "nothing";
        }
        if (o instanceof Optional<?> opt) {
            return opt.isPresent() ? "some " + describe(opt.get()) : "none";
        }
        if (o instanceof Collection<?> c) {
            List<String> parts = new ArrayList<>();
            for (Object x : c) {
                parts.add(describe(x));
            }
            parts.sort(null);
            return parts.toString();
        }
        if (o instanceof Session s) {
            return "a session of " + s.user().omeName() + " in group " + s.context().groupId();
        }
        if (o instanceof IObject io) {
            StringBuilder b = new StringBuilder(org.hibernate.Hibernate.getClass(io).getSimpleName());
            for (Class<?> c = org.hibernate.Hibernate.getClass(io); c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (f.getType() == String.class && Set.of("name", "omeName", "textValue").contains(f.getName())
                            && org.hibernate.Hibernate.isInitialized(io)) {
                        f.setAccessible(true);
                        b.append(" \"").append(f.get(io)).append('"');
                    }
                }
            }
            return b.toString();
        }
        if (o instanceof Event e) {
            return "Event " + e.type();
        }
        return o.toString();
    }

    private String name(String base) {
        return base + unique.incrementAndGet();
    }

    private static RenderingSettings display() {
        return RenderingSettings.of(List.of(ChannelSettings.of(PixelType.UINT8,
                org.omerosdk.model.core.Rgba.of(255, 255, 255))));
    }

    /** ada's objects in the group of {@code level}; bob (a member), pi (its owner), eve (an outsider) call. */
    private void defineCases() {
        // Session
        cases.put("Session.withGroup(ExperimenterGroup)", (lab, c) -> {
            Session bob = lab.as("bob");
            return outcome(() -> bob.withGroup(c.of(bob, lab.elsewhere)), () -> null);
        });
        cases.put("Session.sudo(String,ExperimenterGroup)", (lab, c) -> {
            Session pi = lab.as("pi");
            return outcome(() -> pi.sudo("eve", c.of(pi, lab.elsewhere)), () -> null);
        });
        // Admin
        cases.put("Admin.createUser(String,String,String,ExperimenterGroup[])", (lab, c) -> {
            Session pi = lab.as("pi", Level.READ_WRITE);
            ExperimenterGroup user = lab.root.admin().group("user");
            String n = name("new");
            return outcome(() -> pi.admin().createUser(n, "N", "U", c.of(pi, user)),
                    () -> lab.root.admin().findUser(n).isPresent());
        });
        cases.put("Admin.setPassword(Experimenter,char[])", (lab, c) -> {
            Session bob = lab.as("bob");
            return outcome(() -> {
                bob.admin().setPassword(c.of(bob, lab.user("ada")), "taken".toCharArray());
                return null;
            }, () -> canLogin(lab, "ada", "taken"));
        });
        cases.put("Admin.setBinaryAccess(ExperimenterGroup,String)", (lab, c) -> {
            Session pi = lab.as("pi");
            return outcome(() -> pi.admin().setBinaryAccess(c.of(pi, lab.elsewhere), "-plate"),
                    () -> lab.root.admin().group("elsewhere").binaryAccess());
        });
        cases.put("Admin.removeFromGroup(Experimenter,ExperimenterGroup)", (lab, c) -> {
            ExperimenterGroup system = lab.root.admin().group("system");
            Session ops = lab.login("ops");
            // root in a group besides system and user, so that only "root always belongs to system" refuses it
            lab.root.admin().addToGroup(lab.root.user(), lab.group(Level.READ_WRITE), false);
            return outcome(() -> {
                ops.admin().removeFromGroup(c.of(ops, lab.root.user()), c.of(ops, system));
                return null;
            }, () -> names(lab.root.admin().groupsOf(lab.root.user())));
        });
        cases.put("Admin.changeLevel(ExperimenterGroup,Level,boolean)", (lab, c) -> {
            Session pi = lab.as("pi");
            return outcome(() -> pi.admin().changeLevel(c.of(pi, lab.elsewhere), Level.READ_ONLY, false),
                    () -> lab.root.admin().group("elsewhere").permissions());
        });
        cases.put("Admin.setAdminPrivileges(Experimenter,Set)", (lab, c) -> {
            Session pi = lab.as("pi");
            return outcome(() -> pi.admin().setAdminPrivileges(c.of(pi, lab.user("bob")),
                    Set.of(AdminPrivilege.SUDO)), () -> lab.root.admin().adminPrivileges(lab.user("bob")));
        });
        cases.put("Admin.adminPrivileges(Experimenter)", (lab, c) -> {
            Session bob = lab.as("bob");
            return outcome(() -> bob.admin().adminPrivileges(c.of(bob, lab.root.user())), () -> null);
        });
        cases.put("Admin.addToGroup(Experimenter,ExperimenterGroup,boolean)", (lab, c) -> {
            Session pi = lab.as("pi");
            Experimenter fresh = lab.root.admin().createUser(name("joiner"), "J", "O", lab.elsewhere);
            return outcome(() -> pi.admin().addToGroup(c.of(pi, fresh), c.of(pi, lab.elsewhere), true),
                    () -> names(lab.root.admin().groupsOf(fresh)));
        });
        cases.put("Admin.groupsOf(Experimenter)", (lab, c) -> {
            Session bob = lab.as("bob");
            return outcome(() -> bob.admin().groupsOf(c.of(bob, lab.user("eve"))), () -> null);
        });
        cases.put("Admin.members(ExperimenterGroup)", (lab, c) -> {
            Session bob = lab.as("bob");
            return outcome(() -> bob.admin().members(c.of(bob, lab.elsewhere)).size(), () -> null);
        });
        // Containers
        cases.put("Containers.createDataset(Project,String)", (lab, c) -> {
            Project p = lab.as("ada", Level.READ_ONLY).containers().createProject("ada's");
            Session bob = lab.as("bob", Level.READ_ONLY);
            return outcome(() -> bob.containers().createDataset(c.of(bob, p), "bob's"),
                    () -> lab.root.containers().datasets(p, Listing.all()));
        });
        cases.put("Session.rename(NamedObject,String)", (lab, c) -> {
            Project p = lab.as("ada", Level.READ_ONLY).containers().createProject("ada's");
            Image i = Lab.image(lab.as("bob", Level.READ_ONLY), "bob's", Optional.empty());
            Session bob = lab.as("bob", Level.READ_ONLY);
            return outcome(() -> bob.rename(c.of(bob, p), "renamed"),
                    () -> outcome(() -> bob.rename(c.of(bob, i), "renamed too"),
                            () -> List.of(lab.root.reload(p), lab.root.reload(i))));
        });
        cases.put("Containers.link(Project,Dataset)", (lab, c) -> {
            Project p = lab.as("ada", Level.READ_ONLY).containers().createProject("ada's");
            Session bob = lab.as("bob", Level.READ_ONLY);
            Dataset d = bob.containers().createDataset("bob's");
            return outcome(() -> bob.containers().link(c.of(bob, p), c.of(bob, d)),
                    () -> lab.root.containers().datasets(p, Listing.all()));
        });
        cases.put("Containers.link(Dataset,Image)", (lab, c) -> {
            Dataset d = lab.as("ada", Level.READ_ONLY).containers().createDataset("ada's");
            Session bob = lab.as("bob", Level.READ_ONLY);
            Image i = Lab.image(bob, "bob's", Optional.empty());
            return outcome(() -> bob.containers().link(c.of(bob, d), c.of(bob, i)),
                    () -> lab.root.containers().countImages(d));
        });
        cases.put("Containers.link(Screen,Plate)", (lab, c) -> {
            Screen s = lab.as("ada", Level.READ_ONLY).containers().createScreen("ada's");
            Session bob = lab.as("bob", Level.READ_ONLY);
            Plate p = bob.containers().createPlate("bob's");
            return outcome(() -> bob.containers().link(c.of(bob, s), c.of(bob, p)),
                    () -> lab.root.containers().plates(s, Listing.all()));
        });
        cases.put("Containers.delete(NamedObject)", (lab, c) -> {
            Project p = lab.as("ada", Level.READ_ANNOTATE).containers().createProject("ada's");
            Session bob = lab.as("bob", Level.READ_ANNOTATE);
            return outcome(() -> {
                bob.containers().delete(c.of(bob, p));
                return null;
            }, () -> lab.root.containers().projects(Listing.all().ownedBy(lab.user("ada"))).stream()
                    .anyMatch(x -> x.id() == p.id()));
        });
        cases.put("Containers.datasets(Project,Listing)", (lab, c) -> {
            Session ada = lab.as("ada", Level.PRIVATE);
            Project p = ada.containers().createProject("ada's");
            ada.containers().createDataset(p, "inside");
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.containers().datasets(c.of(bob, p), Listing.all()), () -> null);
        });
        cases.put("Containers.plates(Screen,Listing)", (lab, c) -> {
            Session ada = lab.as("ada", Level.PRIVATE);
            Screen s = ada.containers().createScreen("ada's");
            ada.containers().link(s, ada.containers().createPlate("inside"));
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.containers().plates(c.of(bob, s), Listing.all()), () -> null);
        });
        cases.put("Containers.images(Dataset,Listing)", (lab, c) -> {
            Session ada = lab.as("ada", Level.PRIVATE);
            Dataset d = ada.containers().createDataset("ada's");
            Lab.image(ada, "inside", Optional.of(d));
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.containers().images(c.of(bob, d), Listing.all().page(0, 10)), () -> null);
        });
        cases.put("Containers.countImages(Dataset)", (lab, c) -> {
            Session ada = lab.as("ada", Level.PRIVATE);
            Dataset d = ada.containers().createDataset("ada's");
            Lab.image(ada, "inside", Optional.of(d));
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.containers().countImages(c.of(bob, d)), () -> null);
        });
        cases.put("Session.reload(IObject)", (lab, c) -> {
            Project p = lab.as("ada", Level.PRIVATE).containers().createProject("ada's");
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.reload(c.of(bob, p)), () -> null);
        });
        // Annotations
        cases.put("Annotations.attach(IObject,Annotation)", (lab, c) -> {
            Image i = Lab.image(lab.as("ada", Level.READ_ONLY), "ada's", Optional.empty());
            Session bob = lab.as("bob", Level.READ_ONLY);
            TagAnnotation t = bob.annotations().createTag("bob's");
            return outcome(() -> bob.annotations().attach(c.of(bob, i), c.of(bob, t)),
                    () -> lab.root.annotations().on(i));
        });
        cases.put("Annotations.on(IObject)", (lab, c) -> {
            Session ada = lab.as("ada", Level.PRIVATE);
            Image i = Lab.image(ada, "ada's", Optional.empty());
            ada.annotations().attach(i, ada.annotations().createTag("secret"));
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.annotations().on(c.of(bob, i)), () -> null);
        });
        cases.put("Annotations.links(IObject)", (lab, c) -> {
            Session ada = lab.as("ada", Level.PRIVATE);
            Image i = Lab.image(ada, "ada's", Optional.empty());
            ada.annotations().attach(i, ada.annotations().createTag("secret"));
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.annotations().links(c.of(bob, i)).size(), () -> null);
        });
        cases.put("Annotations.attachFile(IObject,String,String,String,InputStream)", (lab, c) -> {
            Image i = Lab.image(lab.as("ada", Level.READ_ONLY), "ada's", Optional.empty());
            Session bob = lab.as("bob", Level.READ_ONLY);
            return outcome(() -> bob.annotations().attachFile(c.of(bob, i), null, "bob.txt", null,
                    new java.io.ByteArrayInputStream(new byte[] {1})), () -> lab.root.annotations().on(i));
        });
        cases.put("Annotations.download(FileAnnotation)", (lab, c) -> {
            Session ada = lab.as("ada", Level.PRIVATE);
            Image i = Lab.image(ada, "ada's", Optional.empty());
            org.omerosdk.model.annotations.FileAnnotation f = ada.annotations().attachFile(i, null, "secret.txt",
                    null, new java.io.ByteArrayInputStream(new byte[] {1, 2}));
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> {
                try (java.io.InputStream in = bob.annotations().download(c.of(bob, f))) {
                    return in.readAllBytes().length;
                }
            }, () -> null);
        });
        cases.put("Annotations.rate(IObject,int)", (lab, c) -> {
            Image i = Lab.image(lab.as("ada", Level.READ_ONLY), "ada's", Optional.empty());
            Session bob = lab.as("bob", Level.READ_ONLY);
            return outcome(() -> bob.annotations().rate(c.of(bob, i), 5), () -> lab.root.annotations().ratings(i));
        });
        cases.put("Annotations.ratings(IObject)", (lab, c) -> {
            Session ada = lab.as("ada", Level.PRIVATE);
            Image i = Lab.image(ada, "ada's", Optional.empty());
            ada.annotations().rate(i, 2);
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.annotations().ratings(c.of(bob, i)).size(), () -> null);
        });
        cases.put("Annotations.attachToAll(List,Annotation)", (lab, c) -> {
            Image i = Lab.image(lab.as("ada", Level.READ_ONLY), "ada's", Optional.empty());
            Session bob = lab.as("bob", Level.READ_ONLY);
            TagAnnotation t = bob.annotations().createTag("bob's");
            return outcome(() -> bob.annotations().attachToAll(List.of(c.of(bob, i)), c.of(bob, t)),
                    () -> lab.root.annotations().on(i));
        });
        cases.put("Annotations.setText(TextAnnotation,String)", (lab, c) -> {
            TagAnnotation t = lab.as("ada", Level.READ_ANNOTATE).annotations().createTag("ada's");
            Session bob = lab.as("bob", Level.READ_ANNOTATE);
            return outcome(() -> bob.annotations().setText(c.of(bob, t), "bob's"),
                    () -> lab.root.get(TagAnnotation.class, t.id()).textValue());
        });
        cases.put("Annotations.setPairs(MapAnnotation,List)", (lab, c) -> {
            org.omerosdk.model.annotations.MapAnnotation m = lab.as("ada", Level.READ_ANNOTATE).annotations()
                    .createMap(org.omerosdk.model.annotations.MapAnnotation.CLIENT_NS, List.of(
                            new org.omerosdk.model.annotations.NamedValue("k", "ada's")));
            Session bob = lab.as("bob", Level.READ_ANNOTATE);
            return outcome(() -> bob.annotations().setPairs(c.of(bob, m), List.of(
                    new org.omerosdk.model.annotations.NamedValue("k", "bob's"))),
                    () -> lab.root.get(org.omerosdk.model.annotations.MapAnnotation.class, m.id()).mapValue());
        });
        cases.put("Annotations.detach(Link)", (lab, c) -> {
            Session ada = lab.as("ada", Level.READ_ANNOTATE);
            Image i = Lab.image(ada, "ada's", Optional.empty());
            Link<?, ?> l = ada.annotations().attach(i, ada.annotations().createTag("ada's"));
            Session bob = lab.as("bob", Level.READ_ANNOTATE);
            return outcome(() -> {
                bob.annotations().detach(c.of(bob, l));
                return null;
            }, () -> lab.root.annotations().on(i));
        });
        // Images
        cases.put("Images.saveAll(Optional,List,ProgressListener)", (lab, c) -> {
            Dataset d = lab.as("ada", Level.READ_ONLY).containers().createDataset("ada's");
            Session bob = lab.as("bob", Level.READ_ONLY);
            return outcome(() -> bob.images().saveAll(Optional.of(c.of(bob, d)), List.of(Lab.newImage("bob's")),
                    ProgressListener.NONE), () -> lab.root.containers().countImages(d));
        });
        cases.put("Images.save(NewImage)", (lab, c) -> {
            Session ada = lab.as("ada", Level.PRIVATE);
            Image i = Lab.image(ada, "ada's", Optional.empty());
            LogicalChannel adas = ada.images().channels(i).get(0).logicalChannel();
            Session bob = lab.as("bob", Level.READ_WRITE);
            return outcome(() -> bob.images().save(new NewImage(new Image("bob's"), new Pixels(PixelType.UINT8,
                    org.omerosdk.model.DimensionOrder.XYZCT, 2, 2, 1, 1, 1), List.of(new Channel(c.of(bob, adas))))),
                    () -> null);
        });
        cases.put("Images.originalFiles(Image)", (lab, c) -> {
            Imports.ImportedFileset f = importAs(lab, "ada", Level.PRIVATE, Optional.empty());
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.images().originalFiles(c.of(bob, f.images().get(0))), () -> null);
        });
        cases.put("Images.download(OriginalFile)", (lab, c) -> {
            Imports.ImportedFileset f = importAs(lab, "ada", Level.PRIVATE, Optional.empty());
            OriginalFile file = lab.root.images().originalFiles(f.images().get(0)).get(0);
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> {
                try (java.io.InputStream in = bob.images().download(c.of(bob, file))) {
                    return in.readAllBytes().length;
                }
            }, () -> null);
        });
        cases.put("Images.pixels(Image)", (lab, c) -> {
            Image i = Lab.image(lab.as("ada", Level.PRIVATE), "ada's", Optional.empty());
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.images().pixels(c.of(bob, i)), () -> null);
        });
        cases.put("Images.primaryPixels(Image)", (lab, c) -> {
            Image i = Lab.image(lab.as("ada", Level.PRIVATE), "ada's", Optional.empty());
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.images().primaryPixels(c.of(bob, i)), () -> null);
        });
        cases.put("Images.channels(Image)", (lab, c) -> {
            Image i = Lab.image(lab.as("ada", Level.PRIVATE), "ada's", Optional.empty());
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.images().channels(c.of(bob, i)), () -> null);
        });
        cases.put("Images.acquisition(Image)", (lab, c) -> {
            Image i = Lab.image(lab.as("ada", Level.PRIVATE), "ada's", Optional.empty());
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.images().acquisition(c.of(bob, i)).channels().size(), () -> null);
        });
        cases.put("Images.planeInfos(Image)", (lab, c) -> {
            Image i = Lab.image(lab.as("ada", Level.PRIVATE), "ada's", Optional.empty());
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.images().planeInfos(c.of(bob, i)).size(), () -> null);
        });
        // Imports
        cases.put("Imports.importFiles(List,TransferMode,OptionalInt,Optional,List,ProgressListener)", (lab, c) -> {
            Dataset d = lab.as("ada", Level.READ_ONLY).containers().createDataset("ada's");
            return outcome(() -> importAs(lab, "bob", Level.READ_ONLY, Optional.of(c.of(lab.as("bob",
                    Level.READ_ONLY), d))).images().size(), () -> lab.root.containers().countImages(d));
        });
        // Rois
        cases.put("Rois.draw(Image,String,List)", (lab, c) -> {
            Image i = Lab.image(lab.as("ada", Level.READ_ONLY), "ada's", Optional.empty());
            Session bob = lab.as("bob", Level.READ_ONLY);
            return outcome(() -> bob.rois().draw(c.of(bob, i), "bob's", List.of(new Rectangle(0, 0, 1, 1))),
                    () -> lab.root.rois().on(i));
        });
        cases.put("Rois.on(Image)", (lab, c) -> {
            Session ada = lab.as("ada", Level.PRIVATE);
            Image i = Lab.image(ada, "ada's", Optional.empty());
            ada.rois().draw(i, "secret", List.of(new Rectangle(0, 0, 1, 1)));
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.rois().on(c.of(bob, i)), () -> null);
        });
        cases.put("Rois.shapes(Roi)", (lab, c) -> {
            Session ada = lab.as("ada", Level.PRIVATE);
            Roi r = ada.rois().draw(Lab.image(ada, "ada's", Optional.empty()), "secret",
                    List.of(new Rectangle(0, 0, 1, 1)));
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.rois().shapes(c.of(bob, r)), () -> null);
        });
        cases.put("Rois.delete(Roi)", (lab, c) -> {
            Session ada = lab.as("ada", Level.READ_ANNOTATE);
            Image i = Lab.image(ada, "ada's", Optional.empty());
            Roi r = ada.rois().draw(i, "ada's", List.of(new Rectangle(0, 0, 1, 1)));
            Session bob = lab.as("bob", Level.READ_ANNOTATE);
            return outcome(() -> {
                bob.rois().delete(c.of(bob, r));
                return null;
            }, () -> lab.root.rois().on(i));
        });
        // Renderings
        cases.put("Renderings.save(Image,RenderingSettings)", (lab, c) -> {
            Image i = Lab.image(lab.as("ada", Level.PRIVATE), "ada's", Optional.empty());
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.renderings().save(c.of(bob, i), display()),
                    () -> lab.root.renderings().all(i).size());
        });
        cases.put("Renderings.load(Image)", (lab, c) -> {
            Session ada = lab.as("ada", Level.PRIVATE);
            Image i = Lab.image(ada, "ada's", Optional.empty());
            ada.renderings().save(i, display());
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.renderings().load(c.of(bob, i)).isPresent(), () -> null);
        });
        cases.put("Renderings.all(Image)", (lab, c) -> {
            Session ada = lab.as("ada", Level.PRIVATE);
            Image i = Lab.image(ada, "ada's", Optional.empty());
            ada.renderings().save(i, display());
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.renderings().all(c.of(bob, i)).size(), () -> null);
        });
        cases.put("Renderings.delete(RenderingDef)", (lab, c) -> {
            Session ada = lab.as("ada", Level.READ_ANNOTATE);
            Image i = Lab.image(ada, "ada's", Optional.empty());
            RenderingDef rd = ada.renderings().save(i, display());
            Session bob = lab.as("bob", Level.READ_ANNOTATE);
            return outcome(() -> {
                bob.renderings().delete(c.of(bob, rd));
                return null;
            }, () -> lab.root.renderings().all(i).size());
        });
        // Renderings: the settings operations
        cases.put("Renderings.load(Image,Experimenter)", (lab, c) -> {
            Session ada = lab.as("ada", Level.PRIVATE);
            Image i = Lab.image(ada, "ada's", Optional.empty());
            ada.renderings().save(i, display());
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.renderings().load(c.of(bob, i), lab.user("ada")).isPresent(), () -> null);
        });
        cases.put("Renderings.byOwner(Image)", (lab, c) -> {
            Session ada = lab.as("ada", Level.PRIVATE);
            Image i = Lab.image(ada, "ada's", Optional.empty());
            ada.renderings().save(i, display());
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.renderings().byOwner(c.of(bob, i)).size(), () -> null);
        });
        cases.put("Renderings.copy(Image)", (lab, c) -> {
            Session ada = lab.as("ada", Level.PRIVATE);
            Image i = Lab.image(ada, "ada's", Optional.empty());
            ada.renderings().save(i, display());
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.renderings().copy(c.of(bob, i)).pixelType(), () -> null);
        });
        cases.put("Renderings.imagesOf(IObject)", (lab, c) -> {
            Session ada = lab.as("ada", Level.PRIVATE);
            Dataset d = ada.containers().createDataset("ada's");
            Lab.image(ada, "ada's", Optional.of(d));
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.renderings().imagesOf(c.of(bob, d)).size(), () -> null);
        });
        cases.put("Renderings.applyTo(Image,IObject[])", (lab, c) -> {
            Image adas = Lab.image(lab.as("ada", Level.READ_ONLY), "ada's", Optional.empty());
            Session bob = lab.as("bob", Level.READ_ONLY);
            Image bobs = Lab.image(bob, "bob's", Optional.empty());
            bob.renderings().save(bobs, display());
            return outcome(() -> bob.renderings().applyTo(bobs, c.of(bob, adas)).applied().size(),
                    () -> lab.root.renderings().all(adas).size());
        });
        cases.put("Renderings.paste(CopiedSettings,IObject[])", (lab, c) -> {
            Image adas = Lab.image(lab.as("ada", Level.READ_ONLY), "ada's", Optional.empty());
            Session bob = lab.as("bob", Level.READ_ONLY);
            Image bobs = Lab.image(bob, "bob's", Optional.empty());
            bob.renderings().save(bobs, display());
            Renderings.CopiedSettings copied = bob.renderings().copy(bobs);
            return outcome(() -> bob.renderings().paste(copied, c.of(bob, adas)).applied().size(),
                    () -> lab.root.renderings().all(adas).size());
        });
        cases.put("Renderings.resetToImported(IObject[])", (lab, c) -> {
            Session ada = lab.as("ada", Level.READ_ONLY);
            Image adas = Lab.image(ada, "ada's", Optional.empty());
            ada.renderings().save(adas, display());
            Session bob = lab.as("bob", Level.READ_ONLY);
            return outcome(() -> bob.renderings().resetToImported(c.of(bob, adas)).size(),
                    () -> lab.root.renderings().all(adas).size());
        });
        cases.put("Renderings.resetToOwners(IObject[])", (lab, c) -> {
            Session ada = lab.as("ada", Level.READ_ONLY);
            Image adas = Lab.image(ada, "ada's", Optional.empty());
            ada.renderings().save(adas, display());
            Session bob = lab.as("bob", Level.READ_ONLY);
            return outcome(() -> bob.renderings().resetToOwners(c.of(bob, adas)).size(),
                    () -> lab.root.renderings().all(adas).size());
        });
        cases.put("Renderings.renameChannels(Map,int,IObject[])", (lab, c) -> {
            Image adas = Lab.image(lab.as("ada", Level.READ_ONLY), "ada's", Optional.empty());
            Session bob = lab.as("bob", Level.READ_ONLY);
            return outcome(() -> bob.renderings().renameChannels(Map.of(0, "bob's"), 1, c.of(bob, adas))
                    .updateCount(), () -> lab.root.images().channels(adas).get(0).logicalChannel().name());
        });
        // Rendering: every method takes the image first; an image in another user's Private group must answer
        // the same for the stored row and for a copy edited to look like the caller's
        for (java.lang.reflect.Method m : Rendering.class.getMethods()) {
            if (m.getDeclaringClass() != Rendering.class || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            cases.put(signature(m), (lab, c) -> {
                Image adas = Lab.image(lab.as("ada", Level.PRIVATE), "ada's", Optional.empty());
                Session bob = lab.as("bob", Level.PRIVATE);
                Image arg = c.of(bob, adas);
                Object[] args = new Object[m.getParameterCount()];
                Class<?>[] types = m.getParameterTypes();
                for (int k = 0; k < args.length; k++) {
                    args[k] = types[k] == Image.class ? arg
                            : types[k] == int.class ? (m.getName().startsWith("thumbnail") ? 16 : 0)
                            : types[k] == org.omerosdk.render.Region.class
                                    ? new org.omerosdk.render.Region(0, 0, 0, 0, 0, 1, 1)
                            : types[k] == RenderingSettings.class ? display()
                            : types[k] == org.omerosdk.render.Projection.class
                                    ? org.omerosdk.render.Projection.MAXIMUM
                            : types[k] == int[].class ? new int[1] : null;
                }
                return outcome(() -> {
                    try {
                        Object r = m.invoke(bob.rendering(), args);
                        return r == null ? null : r.getClass().getSimpleName();
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause() instanceof Exception x ? x : e;
                    }
                }, () -> null);
            });
        }
        // Graphs
        cases.put("Graphs.delete(IObject[])", (lab, c) -> {
            Project p = lab.as("ada", Level.READ_ANNOTATE).containers().createProject("ada's");
            Session bob = lab.as("bob", Level.READ_ANNOTATE);
            return outcome(() -> {
                bob.graphs().delete(c.of(bob, p));
                return null;
            }, () -> lab.root.containers().projects(Listing.all().ownedBy(lab.user("ada"))).stream()
                    .anyMatch(x -> x.id() == p.id()));
        });
        cases.put("Graphs.moveToGroup(ExperimenterGroup,IObject[])", (lab, c) -> {
            Session ada = lab.as("ada", Level.READ_WRITE);
            Project p = ada.containers().createProject("ada's");
            return outcome(() -> {
                ada.graphs().moveToGroup(c.of(ada, lab.elsewhere), c.of(ada, p));
                return null;
            }, () -> lab.root.reload(p).details().groupId().equals(
                    Optional.of(lab.group(Level.READ_WRITE).id())));
        });
        cases.put("Graphs.giveTo(Experimenter,IObject[])", (lab, c) -> {
            Project p = lab.as("ada", Level.READ_WRITE).containers().createProject("ada's");
            Session pi = lab.as("pi", Level.READ_WRITE);
            return outcome(() -> {
                pi.graphs().giveTo(c.of(pi, lab.user("bob")), c.of(pi, p));
                return null;
            }, () -> lab.root.reload(p).details().ownerId().equals(
                    Optional.of(lab.user("bob").id())));
        });
        // Events
        cases.put("Events.sudoer(Event)", (lab, c) -> {
            Session ada = lab.as("ada", Level.READ_WRITE);
            Project p = ada.containers().createProject("ada's");
            Event e = lab.root.events().find(EventFilter.any().touching(p)).get(0);
            Session bob = lab.as("bob", Level.READ_WRITE);
            return outcome(() -> bob.events().sudoer(c.of(bob, e)), () -> null);
        });
        cases.put("Events.logs(Event)", (lab, c) -> {
            Project p = lab.as("ada", Level.PRIVATE).containers().createProject("ada's");
            Event e = lab.root.events().find(EventFilter.any().touching(p)).get(0);
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.events().logs(c.of(bob, e)).size(), () -> null);
        });
        // query values
        cases.put("Listing.ownedBy(Experimenter)", (lab, c) -> {
            lab.as("ada", Level.PRIVATE).containers().createProject("ada's");
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.containers().projects(Listing.all().ownedBy(c.of(bob, lab.user("ada")))),
                    () -> null);
        });
        cases.put("Admin.setImportFolder(ExperimenterGroup,Path,Transfer)", (lab, c) -> {
            java.nio.file.Path folder = java.nio.file.Files.createDirectories(dir.resolve("mapped"));
            ExperimenterGroup g = lab.group("elsewhere");
            return outcome(() -> lab.root.admin().setImportFolder(c.of(lab.root, g), folder,
                    ImportFolder.Transfer.COPY).groupName(), () -> {
                        List<String> mapped = lab.root.admin().importFolders().stream().map(ImportFolder::groupName)
                                .toList();
                        lab.root.admin().removeImportFolder(g);
                        return mapped;
                    });
        });
        cases.put("Admin.removeImportFolder(ExperimenterGroup)", (lab, c) -> {
            java.nio.file.Path folder = java.nio.file.Files.createDirectories(dir.resolve("mapped"));
            ExperimenterGroup g = lab.group("elsewhere");
            lab.root.admin().setImportFolder(g, folder, ImportFolder.Transfer.COPY);
            return outcome(() -> lab.root.admin().removeImportFolder(c.of(lab.root, g)),
                    () -> lab.root.admin().importFolders().size());
        });
        cases.put("Listing.notOwnedBy(Experimenter)", (lab, c) -> {
            lab.as("ada", Level.PRIVATE).containers().createProject("ada's");
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.containers().projects(Listing.all().notOwnedBy(c.of(bob, lab.user("bob")))),
                    () -> null);
        });
        cases.put("Browse.datasets(Project,Listing)", (lab, c) -> {
            Session ada = lab.as("ada", Level.PRIVATE);
            Project p = ada.containers().createProject("ada's");
            ada.containers().createDataset(p, "inside");
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.browse().datasets(c.of(bob, p), Listing.all()), () -> null);
        });
        cases.put("Browse.images(Dataset,Listing)", (lab, c) -> {
            Session ada = lab.as("ada", Level.PRIVATE);
            Dataset d = ada.containers().createDataset("ada's");
            Lab.image(ada, "inside", Optional.of(d));
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.browse().images(c.of(bob, d), Listing.all()), () -> null);
        });
        cases.put("Browse.plates(Screen,Listing)", (lab, c) -> {
            Session ada = lab.as("ada", Level.PRIVATE);
            Screen s = ada.containers().createScreen("ada's");
            ada.containers().link(s, ada.containers().createPlate("inside"));
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.browse().plates(c.of(bob, s), Listing.all()), () -> null);
        });
        cases.put("Browse.plateGrid(Plate,int)", (lab, c) -> {
            Plate p = Lab.plate(lab.as("ada", Level.PRIVATE), "ada's", new int[][] {{0, 0}}, new int[] {1});
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.browse().plateGrid(c.of(bob, p), 0).cells().size(), () -> null);
        });
        cases.put("Browse.plateGrid(Plate,int,PlateLayout)", (lab, c) -> {
            Plate p = Lab.plate(lab.as("ada", Level.PRIVATE), "ada's", new int[][] {{0, 0}}, new int[] {1});
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.browse().plateGrid(c.of(bob, p), 0, Browse.PlateLayout.TRIM).cells().size(),
                    () -> null);
        });
        cases.put("Listing.inGroup(ExperimenterGroup)", (lab, c) -> {
            lab.as("ada", Level.PRIVATE).containers().createProject("ada's");
            Session bob = lab.as("bob");
            return outcome(() -> bob.containers().projects(Listing.all().inGroup(c.of(bob,
                    lab.group(Level.PRIVATE)))).size(), () -> null);
        });
        cases.put("EventFilter.touching(IObject)", (lab, c) -> {
            Project p = lab.as("ada", Level.PRIVATE).containers().createProject("ada's");
            Session bob = lab.as("bob", Level.PRIVATE);
            return outcome(() -> bob.events().find(EventFilter.any().touching(c.of(bob, p))).size(), () -> null);
        });
    }

    private static boolean canLogin(Lab lab, String user, String password) {
        try (Session s = lab.sdk.login(user, password.toCharArray())) {
            return true;
        } catch (org.omerosdk.model.AuthenticationException e) {
            return false;
        }
    }

    private static List<String> names(List<ExperimenterGroup> groups) {
        return groups.stream().map(ExperimenterGroup::name).sorted().toList();
    }

    private Imports.ImportedFileset importAs(Lab lab, String user, Level level, Optional<Dataset> dataset)
            throws Exception {
        Path f = Files.createDirectories(dir.resolve("client" + unique.incrementAndGet())).resolve("a.tif");
        Files.writeString(f, "pixels");
        return lab.as(user, level).imports().importFiles(List.of(f), TransferMode.COPY, OptionalInt.empty(),
                dataset, List.of(Lab.newImage("imported")), ProgressListener.NONE);
    }
}
