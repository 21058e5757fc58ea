package org.omerosdk.sdk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.DatasetImageLink;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.containers.ProjectDatasetLink;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.meta.NamedObject;
import org.omerosdk.model.screen.Plate;
import org.omerosdk.model.screen.Screen;
import org.omerosdk.model.screen.ScreenPlateLink;
import org.omerosdk.permissions.AdminPrivilege;
import org.omerosdk.sdk.graph.GraphOperation;
import org.omerosdk.sdk.graph.GraphPolicy;
import org.omerosdk.sdk.graph.GraphProgress;
import org.omerosdk.sdk.graph.GraphRefusedException;
import org.omerosdk.sdk.graph.GraphReport;
import org.omerosdk.sdk.graph.GraphRequest;

/**
 * Graph operations in the session's context: delete, move to another group (chgrp), give to another user (chown),
 * as OMERO's graph rules decide ({@link GraphPolicy}), with one {@link GraphReport} for dry and real runs.
 *
 * <pre>{@code
 * GraphReport preview = session.graphs().run(GraphRequest.delete(dataset).withOptions(GraphOptions.likeCli())
 *         .asDryRun());
 * session.graphs().moveToGroup(otherGroup, dataset);
 * }</pre>
 *
 * <p>Every object touched is decided by the permission evaluator for the operation's action; a refusal changes
 * nothing. A real run is one transaction: it commits whole or not at all; files of deleted objects leave the
 * store after the commit.
 */
public final class Graphs {
    private final Session session;

    Graphs(Session session) {
        this.session = session;
    }

    /** Deletes {@code objects} with the server's defaults and returns what went. */
    public GraphReport delete(IObject... objects) {
        return run(GraphRequest.delete(objects));
    }

    /** Moves {@code objects} (and what only they hold) to {@code group}. */
    public GraphReport moveToGroup(ExperimenterGroup group, IObject... objects) {
        return run(GraphRequest.move(group.id(), objects));
    }

    /** Gives {@code objects} (and what only they hold) to {@code user}. */
    public GraphReport giveTo(Experimenter user, IObject... objects) {
        return run(GraphRequest.give(user.id(), objects));
    }

    /**
     * Runs {@code request} and returns its report; a dry run changes nothing.
     *
     * @throws GraphRefusedException for a real run whose graph breaks a rule (the report names the problems)
     * @throws SecurityViolation     when a target or a required object may not be changed
     * @throws NotFoundException     when a target does not exist or is not visible
     */
    public GraphReport run(GraphRequest request) {
        return execute(request, new GraphHandle().control(GraphProgress.Listener.NONE));
    }

    /** Starts {@code request} in the background, reporting progress to {@code listener}. */
    public GraphHandle submit(GraphRequest request, GraphProgress.Listener listener) {
        GraphHandle handle = new GraphHandle();
        GraphTraversal.Control control = handle.control(listener);
        Thread t = new Thread(() -> {
            try {
                handle.complete(execute(request, control));
            } catch (Throwable e) {
                handle.fail(e);
            }
        }, "omero-sdk-graph-" + request.operation().verb());
        t.setDaemon(true);
        t.start();
        return handle;
    }

    GraphReport execute(GraphRequest request, GraphTraversal.Control control) {
        SecurityContext ctx = session.context();
        if (request.operation() == GraphOperation.MOVE) {
            long g = request.groupId();
            boolean exists = session.sdk().store().read(Bootstrap.SYSTEM_CONTEXT,
                    q -> q.byId(ExperimenterGroup.class, g).isPresent());
            if (!exists || !ctx.has(AdminPrivilege.CHGRP) && !ctx.memberOf().contains(g)) {
                // a group one is not in answers like a missing one to non-administrators
                throw exists && ctx.admin() ? new SecurityViolation("user " + ctx.userId() + " may not move data to"
                        + " group " + g + ": this restricted administrator lacks the Chgrp privilege and is not a "
                        + "member of it") : exists ? new SecurityViolation("user " + ctx.userId() + " may not move "
                        + "data to group " + g + ": not a member of it") : new NotFoundException(
                        "ExperimenterGroup:" + g + " does not exist");
            }
        }
        if (request.operation() == GraphOperation.GIVE) {
            long u = request.userId();
            boolean exists = session.sdk().store().read(Bootstrap.SYSTEM_CONTEXT,
                    q -> q.byId(Experimenter.class, u).isPresent());
            if (!exists) {
                throw new NotFoundException("Experimenter:" + u + " does not exist");
            }
        }
        List<String> keys = new ArrayList<>();
        String[] journal = new String[1];
        GraphReport report = session.write((q, w) -> {
            GraphTraversal t = new GraphTraversal(w, GraphPolicy.omero(), request, control);
            Map<Class<? extends IObject>, Set<Long>> targets = request.startFrom().isPresent()
                    ? new GraphTraversal(w, GraphPolicy.omero(), request, control).descendants(request.targets(),
                    request.startFrom().get()) : request.targets();
            GraphReport r = t.traverse(targets);
            if (request.dryRun()) {
                return r;
            }
            if (!r.problems().isEmpty()) {
                throw new GraphRefusedException(r);
            }
            keys.addAll(t.apply());
            request.container().ifPresent(c -> intoContainer(w, request, r, c));
            if (control.cancelled()) {
                throw new org.omerosdk.model.CancelledException("graph operation cancelled before commit; nothing "
                        + "was changed");
            }
            journal[0] = BinaryCleanup.journal(session.sdk().repository().store(), keys);
            control.progress(new GraphProgress("commit", r.includedCount(), r.includedCount()));
            return r;
        });
        if (journal[0] != null) {
            control.progress(new GraphProgress("files", report.includedCount(), report.includedCount()));
            BinaryCleanup.finish(session.sdk().repository().store(), journal[0], keys);
        }
        control.progress(new GraphProgress("done", report.includedCount(), report.includedCount()));
        return report;
    }

    /**
     * Deletes within the caller's transaction (a service replacing an object it owns, like saved rendering
     * settings): refused like a real run, for objects without files in the store.
     */
    static GraphReport deleteWithin(WritePath w, GraphRequest request) {
        GraphTraversal t = new GraphTraversal(w, GraphPolicy.omero(), request, new GraphHandle().control(
                GraphProgress.Listener.NONE));
        GraphReport r = t.traverse(request.targets());
        if (!r.problems().isEmpty()) {
            throw new GraphRefusedException(r);
        }
        if (!t.apply().isEmpty()) {
            throw new IllegalStateException("deleteWithin used for objects with stored files");
        }
        return r;
    }

    /**
     * Links the moved top-level objects into a new container in the target group, owned by the data's owner (as
     * OMERO.web does: the container and its links belong to the owner of the data, not to an administrator).
     */
    private static void intoContainer(WritePath w, GraphRequest request, GraphReport r,
                                      GraphRequest.NewContainer c) {
        org.hibernate.Session h = w.hibernate();
        long group = request.groupId();
        Class<? extends IObject> childType = switch (c.type()) {
            case "Project" -> Dataset.class;
            case "Dataset" -> Image.class;
            default -> Plate.class;
        };
        // the top-level objects: the targets of the container's child type that moved
        List<Long> children = new ArrayList<>(request.targets().getOrDefault(childType, Set.of()));
        children.retainAll(r.included(childType.getSimpleName()));
        Map<Long, List<IObject>> byOwner = new LinkedHashMap<>();
        for (long id : children) {
            IObject child = h.find(childType, id);
            byOwner.computeIfAbsent(child.details().ownerId().orElse(-1L), k -> new ArrayList<>()).add(child);
        }
        Set<Long> owners = new LinkedHashSet<>(byOwner.keySet());
        if (owners.isEmpty()) {
            owners.add(w.contextUserId());
        }
        for (long owner : owners) {
            NamedObject container = switch (c.type()) {
                case "Project" -> new Project(c.name());
                case "Dataset" -> new Dataset(c.name());
                default -> new Screen(c.name());
            };
            w.createIn(owner, group, container);
            for (IObject child : byOwner.getOrDefault(owner, List.of())) {
                IObject link = switch (c.type()) {
                    case "Project" -> new ProjectDatasetLink((Project) container, (Dataset) child);
                    case "Dataset" -> new DatasetImageLink((Dataset) container, (Image) child);
                    default -> new ScreenPlateLink((Screen) container, (Plate) child);
                };
                w.createIn(owner, group, link);
            }
        }
    }
}
