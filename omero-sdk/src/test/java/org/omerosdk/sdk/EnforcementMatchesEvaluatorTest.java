package org.omerosdk.sdk;

import org.omerosdk.importer.NewImage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.omerosdk.model.DimensionOrder;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.PixelType;
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
import org.omerosdk.model.meta.IObject;
import org.omerosdk.permissions.Action;
import org.omerosdk.permissions.Actor;
import org.omerosdk.permissions.GroupContext;
import org.omerosdk.permissions.ObjectDetails;
import org.omerosdk.permissions.PermissionEvaluator;

/**
 * Every level x role x object kind (containers, image, tag, annotation link) x action the SDK exposes, all seven actions (chgrp and chown through the
 * graph engine's move and give): what the pure evaluator decides, from inputs built here independently of the
 * enforcement code, must be what the enforced operation does (succeed, or fail with SecurityViolation /
 * NotFoundException). The evaluator itself is checked against the semantics file's tables in omero-permissions.
 */
class EnforcementMatchesEvaluatorTest {
    @TempDir
    Path dir;

    /**
     * What the object is: containers, an image, a tag (annotation), an annotation link, a ROI, saved rendering
     * settings; DRAW is an image on which the actor draws a ROI (OMERO counts that as annotating it), DISPLAY an
     * image for which the actor saves their own rendering settings (which needs only to see it).
     */
    private enum Kind { PROJECT, DATASET, IMAGE, TAG, LINK, ROI, DRAW, SETTINGS, DISPLAY }

    private record Role(String name, Session session, Actor actor, boolean usesGroupContext) {
    }

    @ParameterizedTest
    @EnumSource(Permissions.Level.class)
    void enforcedOperationsDoWhatTheEvaluatorDecides(Permissions.Level level) {
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(dir).passwordHashIterations(1000)
                .rootPassword("r".toCharArray()).open()) {
            Session root = sdk.rootSession();
            ExperimenterGroup g = root.admin().createGroup("lab", level);
            ExperimenterGroup elsewhere = root.admin().createGroup("elsewhere", Permissions.Level.READ_WRITE);
            Experimenter owner = root.admin().createUser("owner", "O", "W", g);
            Experimenter member = root.admin().createUser("member", "M", "E", g);
            Experimenter pi = root.admin().createUser("pi", "P", "I", g);
            root.admin().addToGroup(pi, g, true);
            Experimenter outsider = root.admin().createUser("outsider", "O", "U", elsewhere);
            // where moves go: a group of the same level the lab's people are members of
            ExperimenterGroup second = root.admin().createGroup("second", level);
            for (Experimenter e : List.of(owner, member, pi)) {
                root.admin().addToGroup(e, second, false);
            }

            Map<String, Role> roles = new LinkedHashMap<>();
            roles.put("object owner", role("object owner", root.sudo("owner"), owner, Set.of(g.id()), Set.of(), g));
            roles.put("member", role("member", root.sudo("member"), member, Set.of(g.id()), Set.of(), g));
            roles.put("group owner", role("group owner", root.sudo("pi"), pi, Set.of(g.id()), Set.of(g.id()), g));
            roles.put("non-member", role("non-member", root.sudo("outsider"), outsider, Set.of(elsewhere.id()),
                    Set.of(), null));
            roles.put("administrator", new Role("administrator", root.withGroup(g),
                    Actor.member(root.user().id(), Set.of(Actor.SYSTEM_GROUP, Actor.USER_GROUP), Set.of()), true));

            Session owners = roles.get("object owner").session();
            List<String> mismatches = new ArrayList<>();
            Map<String, Boolean> outcome = new LinkedHashMap<>();
            int cases = 0;
            for (Role r : roles.values()) {
                GroupContext context = r.usesGroupContext() ? GroupContext.of(g.id(), level.permissions())
                        : GroupContext.ALL_GROUPS;
                for (Kind kind : Kind.values()) {
                    for (Action action : Action.values()) {
                        if (!exposed(kind, action)) {
                            continue;
                        }
                        IObject object = create(owners, kind);
                        ObjectDetails details = ObjectDetails.data(owner.id(), g.id(), level.permissions());
                        boolean expected = action == Action.VIEW
                                ? PermissionEvaluator.canView(r.actor(), context, details)
                                : PermissionEvaluator.allowed(r.actor(), context, details, action);
                        boolean actual = attempt(r.session(), kind, action, object, second, member);
                        outcome.put(r.name() + "/" + kind + "/" + action, actual);
                        cases++;
                        if (expected != actual) {
                            mismatches.add(level + " / " + r.name() + " / " + kind + " / " + action + ": evaluator "
                                    + (expected ? "allows" : "refuses") + ", SDK " + (actual ? "allowed" : "refused"));
                        }
                    }
                }
            }
            // containers: 7 actions; image: all but link; tag: view, use; link and ROI: view, delete;
            // drawing a ROI on an image: annotate; saved settings: view, delete; saving one's own: view
            assertEquals(5 * (2 * 7 + 6 + 2 + 2 + 2 + 1 + 2 + 1), cases);
            assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
            // and both agree with the semantics file's action table (section 6), spot by spot
            Map<String, Boolean> expected = new LinkedHashMap<>();
            expected.put("object owner/PROJECT/EDIT", true);
            expected.put("object owner/DATASET/LINK", true);
            expected.put("non-member/PROJECT/VIEW", false);
            expected.put("administrator/PROJECT/DELETE", true);
            switch (level) {
                case PRIVATE:
                    expected.put("member/PROJECT/VIEW", false);
                    expected.put("group owner/IMAGE/ANNOTATE", false); // group owners cannot annotate here
                    expected.put("group owner/DRAW/ANNOTATE", false);
                    expected.put("group owner/ROI/DELETE", true);
                    expected.put("group owner/PROJECT/EDIT", true);
                    expected.put("group owner/PROJECT/DELETE", true);
                    expected.put("group owner/PROJECT/LINK", false); // graph-critical: owners may not link
                    expected.put("group owner/IMAGE/CHOWN", true); // group owners give within their group
                    expected.put("group owner/IMAGE/CHGRP", false); // only the owner moves data
                    expected.put("administrator/DATASET/LINK", false);
                    break;
                case READ_ONLY:
                    expected.put("member/IMAGE/VIEW", true);
                    expected.put("member/IMAGE/ANNOTATE", false);
                    expected.put("group owner/IMAGE/ANNOTATE", true); // owners may annotate and draw ROIs
                    expected.put("group owner/DRAW/ANNOTATE", true);
                    expected.put("member/DRAW/ANNOTATE", false);
                    expected.put("member/DISPLAY/VIEW", true); // one's own settings on a colleague's image
                    expected.put("member/SETTINGS/DELETE", false);
                    expected.put("member/PROJECT/EDIT", false);
                    expected.put("member/DATASET/LINK", false);
                    expected.put("group owner/DATASET/LINK", true);
                    break;
                case READ_ANNOTATE:
                    expected.put("member/PROJECT/VIEW", true);
                    expected.put("member/IMAGE/ANNOTATE", true);
                    expected.put("member/DRAW/ANNOTATE", true);
                    expected.put("member/ROI/DELETE", false);
                    expected.put("member/PROJECT/LINK", false);
                    expected.put("member/PROJECT/DELETE", false);
                    break;
                default:
                    expected.put("member/PROJECT/EDIT", true);
                    expected.put("member/PROJECT/DELETE", true);
                    expected.put("member/DATASET/LINK", true);
                    expected.put("member/IMAGE/EDIT", true);
                    expected.put("member/IMAGE/DELETE", true);
                    expected.put("member/IMAGE/CHGRP", false);
                    expected.put("object owner/IMAGE/CHGRP", true);
                    expected.put("object owner/IMAGE/CHOWN", false);
            }
            for (Map.Entry<String, Boolean> e : expected.entrySet()) {
                assertEquals(e.getValue(), outcome.get(e.getKey()), level + " " + e.getKey());
            }
        }
    }

    private static Role role(String name, Session session, Experimenter user, Set<Long> memberOf,
                             Set<Long> ownerOf, ExperimenterGroup context) {
        Set<Long> member = new java.util.HashSet<>(memberOf);
        member.add(Actor.USER_GROUP);
        return new Role(name, context == null ? session : session.withGroup(context),
                Actor.member(user.id(), member, ownerOf), context != null);
    }

    private static org.omerosdk.render.RenderingSettings display() {
        return org.omerosdk.render.RenderingSettings.of(List.of(org.omerosdk.render.ChannelSettings.of(
                PixelType.UINT8, org.omerosdk.model.core.Rgba.of(255, 255, 255))));
    }

    /** The actions the SDK has an operation for, per kind. */
    private static boolean exposed(Kind kind, Action action) {
        switch (kind) {
            case IMAGE:
                return action != Action.LINK;
            case TAG:
                return action == Action.VIEW || action == Action.ANNOTATE;
            case LINK:
            case ROI:
            case SETTINGS:
                return action == Action.VIEW || action == Action.DELETE;
            case DRAW:
                return action == Action.ANNOTATE;
            case DISPLAY:
                return action == Action.VIEW;
            default:
                return true;
        }
    }

    private static IObject create(Session owner, Kind kind) {
        Containers c = owner.containers();
        switch (kind) {
            case TAG:
                return owner.annotations().createTag("the owner's tag");
            case LINK:
                return owner.annotations().attach(create(owner, Kind.IMAGE), owner.annotations().createTag("t"));
            case ROI:
                return owner.rois().draw((Image) create(owner, Kind.IMAGE), "roi",
                        List.of(new org.omerosdk.model.roi.Rectangle(0, 0, 1, 1)));
            case DRAW:
            case DISPLAY:
                return create(owner, Kind.IMAGE);
            case SETTINGS:
                return owner.renderings().save((Image) create(owner, Kind.IMAGE), display());
            case PROJECT:
                return c.createProject("p");
            case DATASET:
                return c.createDataset("d");
            default:
                return owner.images().save(new NewImage(new Image("i"),
                        new Pixels(PixelType.UINT8, DimensionOrder.XYZCT, 2, 2, 1, 1, 1),
                        List.of(new Channel(new LogicalChannel("c")))));
        }
    }

    /** Runs the SDK operation for {@code action}: true when it succeeds, false when it is refused. */
    private static boolean attempt(Session s, Kind kind, Action action, IObject object, ExperimenterGroup second,
                                   Experimenter recipient) {
        Function<Session, Object> op;
        switch (action) {
            case VIEW:
                op = kind == Kind.DISPLAY ? x -> x.renderings().save((Image) object, display())
                        : x -> kind == Kind.IMAGE ? x.images().get(object.id()) : x.reload(object);
                break;
            case ANNOTATE:
                // a tag is used by attaching it to one's own new image; anything else gets one's own new tag
                op = kind == Kind.DRAW
                        ? x -> x.rois().draw((Image) object, "drawn", List.of(new org.omerosdk.model.roi.Rectangle(
                                1, 1, 2, 2)))
                        : kind == Kind.TAG
                        ? x -> x.annotations().attach(x.images().save(new NewImage(new Image("own"),
                                new Pixels(PixelType.UINT8, DimensionOrder.XYZCT, 2, 2, 1, 1, 1),
                                List.of(new Channel(new LogicalChannel("c"))))), (TagAnnotation) object)
                        : x -> x.annotations().attach(object, x.annotations().createTag("t"));
                break;
            case EDIT:
                op = x -> x.rename((org.omerosdk.model.meta.NamedObject) object, "renamed");
                break;
            case CHGRP:
                op = x -> x.graphs().moveToGroup(second, object);
                break;
            case CHOWN:
                op = x -> x.graphs().giveTo(recipient, object);
                break;
            case DELETE:
                op = x -> {
                    if (kind == Kind.LINK) {
                        x.annotations().detach((org.omerosdk.model.meta.Link<?, ?>) object);
                    } else if (kind == Kind.ROI) {
                        x.rois().delete((org.omerosdk.model.roi.Roi) object);
                    } else if (kind == Kind.SETTINGS) {
                        x.renderings().delete((org.omerosdk.model.display.RenderingDef) object);
                    } else {
                        x.containers().delete((org.omerosdk.model.meta.NamedObject) object);
                    }
                    return null;
                };
                break;
            default:
                // LINK: put a new child under the object
                op = x -> kind == Kind.PROJECT ? x.containers().createDataset((Project) object, "child")
                        : x.images().saveAll(java.util.Optional.of((Dataset) object), List.of(new NewImage(
                                new Image("child"), new Pixels(PixelType.UINT8, DimensionOrder.XYZCT, 2, 2, 1, 1, 1),
                                List.of(new Channel(new LogicalChannel("c"))))),
                                org.omerosdk.model.ProgressListener.NONE);
        }
        try {
            op.apply(s);
            return true;
        } catch (SecurityViolation | NotFoundException e) {
            return false;
        }
    }
}
