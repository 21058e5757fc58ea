package org.omerosdk.examples.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.sdk.Session;
import org.omerosdk.sdk.graph.GraphOperation;
import org.omerosdk.sdk.graph.GraphOptions;
import org.omerosdk.sdk.graph.GraphPolicy;
import org.omerosdk.sdk.graph.GraphReport;
import org.omerosdk.sdk.graph.GraphRequest;
import org.omerosdk.sdk.graph.TypeRole;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * OMERO's graph verbs: {@code omero delete OBJ...}, {@code omero chgrp GROUP OBJ...}, {@code omero chown USER OBJ...}
 * with {@code --dry-run}, {@code --report}, {@code --include TYPE} and {@code --exclude TYPE}, in the style of
 * OMERO's CLI ({@code omero chgrp Group:5 Dataset:12 --dry-run --report}). An object argument is
 * {@code Type:ID[,ID...]} for any type of the model ({@code Image:1,2,3}); options are those of the CLI preset
 * ({@link GraphOptions#likeCli()}: tags, terms and file annotations stay unless included). Prints one line per
 * run ({@code Deleting Dataset:12 ... ok, 41 objects}) and, with {@code --report}, OMERO's report. A run the
 * engine refuses (a fileset that would split, objects one may not change) changes nothing and exits
 * {@link OmeroCli#EXIT_REFUSED} naming the problem; so does a dry run that finds one.
 */
abstract class GraphCommand implements Callable<Integer> {
    @ParentCommand
    OmeroCli root;

    @Mixin
    DataDirectory dataDirectory;

    @Mixin
    LoggedIn login;

    @Option(names = "--dry-run", description = "Report what would happen and change nothing.")
    boolean dryRun;

    @Option(names = "--report", description = "Print what was (or would be) changed, per type and id.")
    boolean report;

    @Option(names = "--include", paramLabel = "TYPE", split = ",",
            description = "Also take objects of TYPE (and its subtypes) that something else still holds "
                    + "(e.g. TagAnnotation).")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "TYPE", split = ",",
            description = "Never take objects of TYPE (and its subtypes), e.g. Image to keep a dataset's images.")
    List<String> exclude = new ArrayList<>();

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** The objects the verb works on, as given. */
    abstract List<String> objects();

    /** The request for {@code targets}, before options and dry run. */
    abstract GraphRequest request(Session session, Map<Class<? extends IObject>, Set<Long>> targets);

    /** "Deleting", "Moving to Group:5", ... */
    abstract String doing(GraphRequest request);

    @Override
    public Integer call() {
        try (RenderCommand.Opened o = RenderCommand.Opened.of(dataDirectory, login, root, spec)) {
            Map<Class<? extends IObject>, Set<Long>> targets = new LinkedHashMap<>();
            for (String spec : objects()) {
                ObjectIds ids = ObjectIds.parse(spec);
                targets.computeIfAbsent(ids.type(), k -> new LinkedHashSet<>()).addAll(ids.ids());
            }
            GraphOptions options = GraphOptions.likeCli();
            for (String t : include) {
                options = options.including(type(t));
            }
            for (String t : exclude) {
                options = options.excluding(type(t));
            }
            GraphRequest request = request(o.session, targets).withOptions(options);
            if (dryRun) {
                request = request.asDryRun();
            }
            String what = String.join(" ", objects());
            GraphReport r = o.session.graphs().run(request);
            boolean ok = r.problems().isEmpty();
            o.out.println((dryRun ? "Dry run: " : "") + doing(request) + " " + what + " ... "
                    + (ok ? "ok, " + r.includedCount() + " objects" : "refused"));
            if (report || !ok) {
                o.out.print(r.format());
            }
            if (!ok) {
                o.err.println("omero: " + String.join("; ", r.problems()));
                return OmeroCli.EXIT_REFUSED;
            }
            return 0;
        }
    }

    /** The model type an option or argument names (any case: {@code image}, {@code TagAnnotation}). */
    static Class<? extends IObject> type(String name) {
        Class<? extends IObject> t = TYPES.get(name.toLowerCase(Locale.ROOT));
        if (t == null) {
            throw new ValidationException("\"" + name + "\" is not a type of the model; known types include "
                    + "Project, Dataset, Image, Screen, Plate, Roi, TagAnnotation, FileAnnotation");
        }
        return t;
    }

    /** Every data type of the policy by its lower-case simple name (system types are not operated on). */
    private static final Map<String, Class<? extends IObject>> TYPES = types();

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends IObject>> types() {
        GraphPolicy policy = GraphPolicy.omero();
        Map<String, Class<? extends IObject>> m = new TreeMap<>();
        for (Class<?> t : policy.types()) {
            if (IObject.class.isAssignableFrom(t) && policy.role(t).orElse(TypeRole.SYSTEM) != TypeRole.SYSTEM) {
                m.put(t.getSimpleName().toLowerCase(Locale.ROOT), (Class<? extends IObject>) t);
            }
        }
        return Map.copyOf(m);
    }

    /** {@code Type:ID[,ID...]}. */
    record ObjectIds(Class<? extends IObject> type, List<Long> ids) {
        static ObjectIds parse(String spec) {
            int colon = spec.indexOf(':');
            if (colon <= 0 || colon == spec.length() - 1) {
                throw new ValidationException("\"" + spec + "\": expected Type:ID[,ID...], e.g. Dataset:12 or "
                        + "Image:1,2,3");
            }
            List<Long> ids = new ArrayList<>();
            for (String id : spec.substring(colon + 1).split(",")) {
                try {
                    ids.add(Long.parseLong(id.trim()));
                } catch (NumberFormatException e) {
                    throw new ValidationException("\"" + spec + "\": \"" + id + "\" is not an id; expected "
                            + "Type:ID[,ID...], e.g. Image:1,2,3");
                }
            }
            return new ObjectIds(GraphCommand.type(spec.substring(0, colon)), ids);
        }
    }

    /**
     * A group or user argument: {@code Type:ID}, a bare id, or a name. The id form is passed to the engine as is
     * (its preconditions answer a missing group and one the caller is not in alike).
     */
    static long idOrName(String arg, String type, java.util.function.Function<String, Optional<Long>> byName) {
        String s = arg;
        for (String prefix : type.split("\\|")) {
            if (s.regionMatches(true, 0, prefix + ":", 0, prefix.length() + 1)) {
                s = s.substring(prefix.length() + 1);
                try {
                    return Long.parseLong(s);
                } catch (NumberFormatException e) {
                    throw new ValidationException("\"" + arg + "\": expected " + prefix + ":ID, an id or a name");
                }
            }
        }
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(s);
        }
        return byName.apply(s).orElseThrow(() -> new NotFoundException("no " + type.split("\\|")[0]
                .toLowerCase(Locale.ROOT) + " named \"" + arg + "\""));
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete OBJ... (Type:ID[,ID...]) with what OMERO deletes with them (CLI defaults: tags, "
                    + "terms and file annotations stay unless --include names them).")
    static final class Delete extends GraphCommand {
        @Parameters(arity = "1..*", paramLabel = "OBJ", description = "Type:ID[,ID...], e.g. Dataset:12.")
        List<String> objects = new ArrayList<>();

        @Override
        List<String> objects() {
            return objects;
        }

        @Override
        GraphRequest request(Session session, Map<Class<? extends IObject>, Set<Long>> targets) {
            return new GraphRequest(GraphOperation.DELETE, targets, GraphOptions.likeCli(), false, 0, 0,
                    Optional.empty(), Optional.empty());
        }

        @Override
        String doing(GraphRequest request) {
            return "Deleting";
        }
    }

    @Command(name = "chgrp", mixinStandardHelpOptions = true,
            description = "Move OBJ... (Type:ID[,ID...]) with their graph to GROUP (Group:ID, an id or a name); "
                    + "you must be a member of it.")
    static final class Chgrp extends GraphCommand {
        @Parameters(index = "0", paramLabel = "GROUP", description = "Group:ID, an id, or a group name.")
        String group;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "OBJ", description = "Type:ID[,ID...].")
        List<String> objects = new ArrayList<>();

        @Override
        List<String> objects() {
            return objects;
        }

        @Override
        GraphRequest request(Session session, Map<Class<? extends IObject>, Set<Long>> targets) {
            long g = idOrName(group, "Group|ExperimenterGroup", n -> session.admin().findGroup(n).map(IObject::id));
            return new GraphRequest(GraphOperation.MOVE, targets, GraphOptions.likeCli(), false, g, 0,
                    Optional.empty(), Optional.empty());
        }

        @Override
        String doing(GraphRequest request) {
            return "Moving to Group:" + request.groupId();
        }
    }

    @Command(name = "chown", mixinStandardHelpOptions = true,
            description = "Give OBJ... (Type:ID[,ID...]) with their graph to USER (Experimenter:ID, an id or a "
                    + "user name), a member of the data's group; for the group's owners and administrators.")
    static final class Chown extends GraphCommand {
        @Parameters(index = "0", paramLabel = "USER", description = "Experimenter:ID, an id, or a user name.")
        String user;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "OBJ", description = "Type:ID[,ID...].")
        List<String> objects = new ArrayList<>();

        @Override
        List<String> objects() {
            return objects;
        }

        @Override
        GraphRequest request(Session session, Map<Class<? extends IObject>, Set<Long>> targets) {
            long u = idOrName(user, "Experimenter|User", n -> session.admin().findUser(n).map(IObject::id));
            return new GraphRequest(GraphOperation.GIVE, targets, GraphOptions.likeCli(), false, 0, u,
                    Optional.empty(), Optional.empty());
        }

        @Override
        String doing(GraphRequest request) {
            return "Giving to Experimenter:" + request.userId();
        }
    }
}
