package org.omerosdk.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.annotations.FileAnnotation;
import org.omerosdk.model.annotations.MapAnnotation;
import org.omerosdk.model.annotations.NamedValue;
import org.omerosdk.model.annotations.TagAnnotation;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.fs.OriginalFile;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.meta.Link;
import org.omerosdk.model.meta.NamedObject;
import org.omerosdk.sdk.Browse;
import org.omerosdk.sdk.Listing;
import org.omerosdk.sdk.Session;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The annotation verbs: {@code omero tag}, {@code omero annotate} (key-value pairs), {@code omero attach} (a file),
 * {@code omero download} and {@code omero search}. Each works as the logged-in user, with the SDK's checks.
 */
final class AnnotationCommands {
    /** What every verb here accepts as a target. */
    static final String[] TARGETS = {"Project", "Dataset", "Image", "Screen", "Plate", "PlateAcquisition"};

    private AnnotationCommands() {
    }

    /** The options every verb shares: where the repository is and who is logged in. */
    abstract static class Verb implements Callable<Integer> {
        @ParentCommand
        OmeroCli root;

        @Mixin
        DataDirectory dataDirectory;

        @Mixin
        LoggedIn login;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (RenderCommand.Opened o = RenderCommand.Opened.of(dataDirectory, login, root, spec)) {
                return run(o);
            }
        }

        abstract int run(RenderCommand.Opened o) throws Exception;

        static List<IObject> targets(Session s, List<String> specs) {
            List<IObject> out = new ArrayList<>();
            for (String spec : specs) {
                out.add(ObjectArgument.get(s, spec, TARGETS));
            }
            return out;
        }
    }

    @Command(name = "tag", mixinStandardHelpOptions = true,
            description = "Tag each OBJECT with TEXT, in one transaction: the caller's own tag of that text when there "
                    + "is one, else a new tag.")
    static final class Tag extends Verb {
        @Parameters(index = "0", paramLabel = "TEXT")
        String text;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "OBJECT", description = "Image:ID, Dataset:ID, ...")
        List<String> objects;

        @Override
        int run(RenderCommand.Opened o) {
            long me = o.session.user().id();
            TagAnnotation tag = Listing.all().stream(o.session.annotations()::tags)
                    .filter(t -> t.textValue().equals(text) && t.details().ownerId().filter(id -> id == me)
                            .isPresent())
                    .findFirst().orElseGet(() -> new TagAnnotation(text));
            List<IObject> targets = targets(o.session, objects);
            if (tag.isSaved()) {
                // tagging again is not an error: objects that have this tag already are left as they are
                targets = targets.stream().filter(t -> o.session.annotations().links(t).stream()
                        .noneMatch(l -> l.child() != null && l.child().id() == tag.id())).toList();
            }
            int already = objects.size() - targets.size();
            long id = targets.isEmpty() ? tag.id()
                    : o.session.annotations().attachToAll(targets, tag).get(0).child().id();
            o.out.println("TagAnnotation:" + id + " on " + targets.size() + " object"
                    + (targets.size() == 1 ? "" : "s") + (already > 0 ? " (" + already + " had it already)" : ""));
            return 0;
        }
    }

    @Command(name = "annotate", mixinStandardHelpOptions = true,
            description = "Attach key-value pairs (a map annotation, the pairs in their order, keys may repeat) to "
                    + "OBJECT.")
    static final class Annotate extends Verb {
        @Parameters(index = "0", paramLabel = "OBJECT", description = "Image:ID, Dataset:ID, ...")
        String object;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "KEY=VALUE")
        List<String> pairs;

        @Option(names = "--ns", paramLabel = "NS",
                description = "The namespace (default: OMERO's client namespace, pairs users may edit).")
        String ns = MapAnnotation.CLIENT_NS;

        @Override
        int run(RenderCommand.Opened o) {
            List<NamedValue> values = new ArrayList<>();
            for (String p : pairs) {
                int eq = p.indexOf('=');
                if (eq <= 0) {
                    throw new ValidationException("\"" + p + "\": expected KEY=VALUE");
                }
                values.add(new NamedValue(p.substring(0, eq), p.substring(eq + 1)));
            }
            MapAnnotation map = new MapAnnotation(values);
            map.setNs(ns);
            Link<?, ?> link = o.session.annotations().attach(ObjectArgument.get(o.session, object, TARGETS), map);
            o.out.println("MapAnnotation:" + link.child().id() + " " + values.size() + " pairs on " + object);
            return 0;
        }
    }

    @Command(name = "attach", mixinStandardHelpOptions = true,
            description = "Attach FILE to OBJECT (a file annotation; the bytes go into the repository).")
    static final class Attach extends Verb {
        @Parameters(index = "0", paramLabel = "OBJECT", description = "Image:ID, Dataset:ID, ...")
        String object;

        @Parameters(index = "1", paramLabel = "FILE")
        Path file;

        @Option(names = "--ns", paramLabel = "NS", description = "The annotation's namespace (default: none).")
        String ns;

        @Option(names = "--mimetype", paramLabel = "TYPE",
                description = "The file's type (default: guessed from its name, else application/octet-stream).")
        String mimetype;

        @Override
        int run(RenderCommand.Opened o) throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new ValidationException(file + " is not a file");
            }
            String type = mimetype != null ? mimetype : Files.probeContentType(file);
            FileAnnotation a;
            try (InputStream in = Files.newInputStream(file)) {
                a = o.session.annotations().attachFile(ObjectArgument.get(o.session, object, TARGETS), ns,
                        file.getFileName().toString(), type, in);
            }
            o.out.println("FileAnnotation:" + a.id() + " " + a.file().name() + " " + a.file().size().orElse(0L)
                    + " bytes on " + object);
            return 0;
        }
    }

    @Command(name = "download", mixinStandardHelpOptions = true,
            description = "Write the files of OBJECT into DIR: an original file, the file of a file annotation, or "
                    + "the files an image was imported from.")
    static final class Download extends Verb {
        @Parameters(index = "0", paramLabel = "OBJECT", description = "OriginalFile:ID, FileAnnotation:ID or "
                + "Image:ID")
        String object;

        @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
                description = "The directory to write into (made when missing); existing files are not replaced.")
        Path output;

        @Override
        int run(RenderCommand.Opened o) throws IOException {
            Session s = o.session;
            IObject what = ObjectArgument.get(s, object, "OriginalFile", "FileAnnotation", "Image");
            Files.createDirectories(output);
            List<Path> written = new ArrayList<>();
            if (what instanceof Image image) {
                for (OriginalFile f : s.images().originalFiles(image)) {
                    try (InputStream in = s.images().download(f)) {
                        written.add(write(f.name(), in));
                    }
                }
            } else if (what instanceof FileAnnotation a) {
                OriginalFile f = a.file().isLoaded() ? a.file() : s.get(OriginalFile.class, a.file().id());
                try (InputStream in = s.annotations().download(a)) {
                    written.add(write(f.name(), in));
                }
            } else {
                OriginalFile f = (OriginalFile) what;
                try (InputStream in = s.images().download(f)) {
                    written.add(write(f.name(), in));
                }
            }
            for (Path p : written) {
                o.out.println(p + " " + Files.size(p) + " bytes");
            }
            return 0;
        }

        private Path write(String name, InputStream in) throws IOException {
            // the name as stored passed the repository's path rules; one component, never a path out of DIR
            Path target = output.resolve(Path.of(name).getFileName().toString());
            if (!target.normalize().startsWith(output.normalize())) {
                throw new ValidationException("\"" + name + "\" would be written outside " + output);
            }
            if (Files.exists(target)) {
                throw new StorageException(target + " exists already: choose another directory");
            }
            Files.copy(in, target);
            return target;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Projects, datasets, images, screens and plates whose name or description contains TEXT "
                    + "(ignoring case), those the caller may see.")
    static final class Search extends Verb {
        @Parameters(index = "0", paramLabel = "TEXT")
        String text;

        @Override
        int run(RenderCommand.Opened o) {
            Browse.SearchResults r = o.session.browse().search(text, Listing.all());
            List<NamedObject> all = new ArrayList<>();
            all.addAll(r.projects());
            all.addAll(r.datasets());
            all.addAll(r.images());
            all.addAll(r.screens());
            all.addAll(r.plates());
            for (NamedObject n : all) {
                o.out.println(n.getClass().getSimpleName() + ":" + n.id() + " " + n.name());
            }
            if (all.isEmpty()) {
                o.err.println("omero: nothing matches \"" + text + "\"");
            }
            return 0;
        }
    }
}
