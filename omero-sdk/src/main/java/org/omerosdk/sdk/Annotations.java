package org.omerosdk.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.annotations.Annotation;
import org.omerosdk.model.annotations.CommentAnnotation;
import org.omerosdk.model.annotations.FileAnnotation;
import org.omerosdk.model.annotations.LongAnnotation;
import org.omerosdk.model.annotations.MapAnnotation;
import org.omerosdk.model.annotations.NamedValue;
import org.omerosdk.model.annotations.TagAnnotation;
import org.omerosdk.model.annotations.TextAnnotation;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.fs.ChecksumAlgorithm;
import org.omerosdk.model.fs.OriginalFile;
import org.omerosdk.model.meta.Link;
import org.omerosdk.model.store.StoreWriter;
import org.omerosdk.repo.ManagedRepository;
import org.omerosdk.repo.checksum.ChecksumSink;

/**
 * Tags, comments, key-value maps and attached files, and the links that attach them to projects, datasets, images, screens, plates,
 * ROIs, other annotations (a tag set's tags) and the other annotatable objects (OMERO's IMetadata / IUpdate for
 * annotations), in the session's context.
 *
 * <p>Attaching needs the right to annotate both ends (OMERO's linkage check): one's own objects always; another
 * member's image or tag in a Read-Annotate or Read-Write group; in a Read-Only group only as the group's owner or an
 * administrator; never another user's data in a private group, not even as its owner (graph-critical). A link
 * belongs to whoever made it: others may remove it only as the group's owner, an administrator, or a member of a
 * Read-Write group — owning the image or the tag gives no right over someone else's link.
 */
public final class Annotations {
    private final Session session;

    Annotations(Session session) {
        this.session = session;
    }

    /** A new tag in the session's group. */
    public TagAnnotation createTag(String text) {
        return session.write((q, w) -> w.create(new TagAnnotation(text)));
    }

    /** A new comment in the session's group (attach it with {@link #attach}). */
    public CommentAnnotation createComment(String text) {
        return session.write((q, w) -> w.create(new CommentAnnotation(text)));
    }

    /** The tags the caller may see (to reuse one, where the group's level allows it), by id. */
    public Page<TagAnnotation> tags(Listing listing) {
        return listing.read(session, Select.from(TagAnnotation.class));
    }

    /**
     * Attaches {@code annotation} to {@code target}.
     *
     * @throws org.omerosdk.model.SecurityViolation naming the end the caller may not annotate, or a link across
     *                                              groups
     * @throws org.omerosdk.model.NotFoundException when either end is not visible
     * @throws ValidationException                  when {@code target}'s type takes no annotations
     */
    public Link<?, ?> attach(IObject target, Annotation annotation) {
        return attachToAll(List.of(target), annotation).get(0);
    }

    /**
     * Attaches one {@code annotation} to every object of {@code targets} in one transaction (OMERO.web's batch
     * annotate): all links are made, or none. An unsaved annotation is saved once and shared by all the links.
     *
     * @throws org.omerosdk.model.SecurityViolation naming the first object the caller may not annotate (nothing is
     *                                              linked then)
     * @throws org.omerosdk.model.NotFoundException when an object is not visible (nothing is linked then)
     * @throws ValidationException                  for no targets, or a target that takes no annotations
     */
    public List<Link<?, ?>> attachToAll(List<? extends IObject> targets, Annotation annotation) {
        if (targets == null || targets.isEmpty()) {
            throw new ValidationException("no objects to attach " + annotation + " to");
        }
        List<Class<?>> linkTypes = targets.stream().<Class<?>>map(Annotations::linkType).toList();
        for (IObject target : targets) {
            if (target instanceof Annotation && annotation.isSaved() && target.isSaved()
                    && target.id() == annotation.id()) {
                throw new ValidationException(annotation + " cannot annotate itself");
            }
        }
        return session.write((q, w) -> {
            // the objects first, then the annotation: an object the caller cannot see is what a refusal names
            List<IObject> parents = targets.stream().map(t -> (IObject) Containers.load(q, t)).toList();
            // a new annotation is saved with its links, in the same transaction (the caller's group, as its own)
            Annotation child = annotation.isSaved() ? Containers.load(q, annotation) : w.create(annotation);
            List<Link<?, ?>> links = new java.util.ArrayList<>();
            for (int i = 0; i < parents.size(); i++) {
                links.add(w.create(newLink(linkTypes.get(i), parents.get(i), child)));
                w.batchBoundary();
            }
            return links;
        });
    }

    /**
     * Changes the text of a comment, tag or XML annotation, on the stored row (only the text), and returns it.
     *
     * @throws org.omerosdk.model.SecurityViolation         when the caller may not edit it (as for any object: its
     *                                                      owner, the group's owner or an administrator, any member
     *                                                      of a Read-Write group)
     * @throws org.omerosdk.model.ConcurrentUpdateException when {@code annotation} is stale
     */
    public <T extends TextAnnotation> T setText(T annotation, String text) {
        java.util.Objects.requireNonNull(text, "text");
        return session.write((q, w) -> w.edit(annotation, a -> a.setTextValue(text)));
    }

    /**
     * Replaces the pairs of a key-value annotation, in their order, on the stored row, and returns it; the lengths
     * are checked as for {@link #createMap}.
     *
     * @throws org.omerosdk.model.SecurityViolation when the caller may not edit it (see {@link #setText})
     */
    public MapAnnotation setPairs(MapAnnotation annotation, List<NamedValue> pairs) {
        java.util.Objects.requireNonNull(pairs, "pairs");
        return session.write((q, w) -> w.edit(annotation, a -> a.setMapValue(pairs)));
    }

    /**
     * A new key-value annotation (OMERO's MapAnnotation) in the session's group: {@code pairs} in their order,
     * a key may repeat, in namespace {@code ns} ({@link MapAnnotation#CLIENT_NS} for the pairs OMERO's clients let
     * users edit). Attach it with {@link #attach}, or pass an unsaved one to {@link #attach} to do both at once.
     *
     * @throws ValidationException for a blank namespace, or a key longer than 255 or a value longer than 10,000
     *                             characters (naming the pair)
     */
    public MapAnnotation createMap(String ns, List<NamedValue> pairs) {
        return session.write((q, w) -> w.create(newMap(ns, pairs)));
    }

    /** An unsaved map annotation (see {@link #createMap}); the write path checks the pairs' lengths. */
    private static MapAnnotation newMap(String ns, List<NamedValue> pairs) {
        java.util.Objects.requireNonNull(pairs, "pairs");
        if (ns == null || ns.isBlank()) {
            throw new ValidationException("a map annotation needs a namespace (" + MapAnnotation.CLIENT_NS
                    + " for pairs users edit)");
        }
        MapAnnotation m = new MapAnnotation(pairs);
        m.setNs(ns);
        return m;
    }

    /**
     * Where attached files are stored in the repository's binary store: beside the managed repository's template
     * paths, never one of them (a template component cannot start with a dot), one fresh directory per file so that
     * two files of the same name never meet.
     */
    static final String ATTACHMENTS = ".omero-sdk/attachments/";

    /**
     * Attaches a file to {@code target} (OMERO's FileAnnotation with its OriginalFile): {@code content} is read to its
     * end (not closed) into the repository with its size and checksum ({@code omero.checksum.supported}'s first
     * algorithm), then the file, the annotation and the link are saved in one transaction, in the session's group.
     * When that is refused or fails, the stored bytes are removed again. Read it back with {@link #download}; it goes
     * when the annotation is deleted.
     *
     * @param ns       the annotation's namespace, or null for none
     * @param name     the file's name as users see it: one path component the repository's
     *                 {@code omero.fs.repo.path_rules} accept (no "/", no control characters, at most 255 bytes, ...)
     * @param mimetype the file's type ({@code text/csv}, ...), or null for {@code application/octet-stream}
     * @throws ValidationException                  for a name the path rules refuse (naming the rule)
     * @throws org.omerosdk.model.SecurityViolation when the caller may not annotate {@code target}
     * @throws org.omerosdk.model.NotFoundException when {@code target} is not visible
     * @throws StorageException                     when the content cannot be read or stored
     */
    public FileAnnotation attachFile(IObject target, String ns, String name, String mimetype, InputStream content) {
        java.util.Objects.requireNonNull(content, "content");
        Class<?> linkType = linkType(target);
        ManagedRepository repository = session.sdk().repository();
        checkName(repository, name);
        // visible at all, before any byte is stored (the write below decides whether it may be annotated)
        session.read(q -> Containers.load(q, target));
        String directory = ATTACHMENTS + UUID.randomUUID() + "/";
        String key = directory + name;
        ChecksumAlgorithm algorithm = repository.checksums().supported().get(0);
        ChecksumSink sink = ChecksumSink.of(algorithm);
        long size = 0;
        try (StoreWriter out = repository.store().writer(key)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = content.read(buffer)) > 0; size += n) {
                sink.write(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            out.commit();
        } catch (IOException e) {
            throw new StorageException("cannot store the attached file " + name + ": " + e.getMessage(), e);
        }
        long bytes = size;
        String hash = sink.finish().get(algorithm);
        try {
            return session.write((q, w) -> {
                IObject parent = Containers.load(q, target);
                OriginalFile file = new OriginalFile(directory, name);
                file.setSize(bytes);
                file.setHash(algorithm, hash);
                file.setMimetype(mimetype == null || mimetype.isBlank() ? "application/octet-stream" : mimetype);
                FileAnnotation annotation = new FileAnnotation(w.create(file));
                if (ns != null && !ns.isBlank()) {
                    annotation.setNs(ns);
                }
                annotation = w.create(annotation);
                w.create(newLink(linkType, parent, annotation));
                return annotation;
            });
        } catch (RuntimeException e) {
            try {
                repository.store().delete(key);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static void checkName(ManagedRepository repository, String name) {
        if (name == null || name.isEmpty()) {
            throw new ValidationException("an attached file needs a name");
        }
        int bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > org.omerosdk.repo.rules.PathRules.MAX_COMPONENT_BYTES) {
            throw new ValidationException("the name of an attached file may take at most "
                    + org.omerosdk.repo.rules.PathRules.MAX_COMPONENT_BYTES + " bytes in UTF-8; \""
                    + printable(name.substring(0, 40)) + "...\" takes " + bytes);
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || !repository.rules().isSafe(name)) {
            throw new ValidationException("\"" + printable(name) + "\" cannot name an attached file: it must be one "
                    + "path component that " + repository.rules().describe() + " accept, such as \""
                    + printable(repository.rules().sanitize(name.replace('/', '_').replace('\\', '_'))) + "\"");
        }
    }

    /** {@code text} with control characters shown as {@code \\uXXXX}, safe to put in a message or a log line. */
    private static String printable(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().limit(300).forEach(c -> {
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    /**
     * Opens the file an annotation attaches for reading, as {@link Images#download} does for any original file:
     * when the caller may see it and {@code omero.policy.binary_access} lets them download it.
     *
     * @throws org.omerosdk.model.NotFoundException when the annotation or its file is not visible (the same answer)
     */
    public InputStream download(FileAnnotation annotation) {
        FileAnnotation visible = session.read(q -> q.byId(FileAnnotation.class, annotation.id()))
                .orElseThrow(() -> new org.omerosdk.model.NotFoundException("FileAnnotation:" + annotation.id()
                        + " does not exist or is not visible"));
        return session.images().download(visible.file());
    }

    /** OMERO's namespace of ratings: {@link LongAnnotation}s of 1 to 5 stars, one per user and object. */
    public static final String RATING_NS = "openmicroscopy.org/omero/insight/rating";

    /**
     * Rates {@code target} with 1 to 5 stars as the caller (OMERO.web's rating): the caller's own rating of it is
     * changed, or made when there is none; others' ratings stay. 0 removes the caller's rating. Returns the caller's
     * rating after the call (empty after 0).
     *
     * @throws ValidationException                  for stars outside 0..5
     * @throws org.omerosdk.model.SecurityViolation when the caller may not annotate {@code target}
     * @throws org.omerosdk.model.NotFoundException when {@code target} is not visible
     */
    public Optional<LongAnnotation> rate(IObject target, int stars) {
        if (stars < 0 || stars > 5) {
            throw new ValidationException("a rating is 1 to 5 stars (0 removes it), not " + stars);
        }
        long me = session.user().id();
        List<Link<?, ?>> mine = links(target).stream().filter(l -> l.child() instanceof LongAnnotation a
                && a.ns().filter(RATING_NS::equals).isPresent() && a.details().ownerId().filter(o -> o == me)
                .isPresent()).toList();
        if (stars == 0 || mine.size() > 1) {
            // removing, or an earlier race left two: the caller's ratings go (as OMERO.web's rating 0 does)
            for (Link<?, ?> l : stars == 0 ? mine : mine.subList(1, mine.size())) {
                detach(l);
            }
            if (stars == 0) {
                return Optional.empty();
            }
        }
        if (!mine.isEmpty()) {
            LongAnnotation existing = (LongAnnotation) mine.get(0).child();
            return Optional.of(session.write((q, w) -> w.edit(existing, a -> a.setLongValue(stars))));
        }
        LongAnnotation rating = new LongAnnotation(stars);
        rating.setNs(RATING_NS);
        return Optional.of((LongAnnotation) attach(target, rating).child());
    }

    /** The ratings of {@code target} the caller may see (each with its owner in its details), by id. */
    public List<LongAnnotation> ratings(IObject target) {
        return on(target).stream().filter(a -> a instanceof LongAnnotation && a.ns().filter(RATING_NS::equals)
                .isPresent()).map(LongAnnotation.class::cast).toList();
    }

    /** The annotations on {@code target} the caller may see, by id. */
    public List<Annotation> on(IObject target) {
        Class<?> linkType = linkType(target);
        return session.read(q -> q.list(Select.from(Annotation.class).where("o.id in (select l.child.id from "
                + linkType.getName() + " l where l.parent.id = :v)", target.id())));
    }

    /**
     * The links attaching annotations to {@code target} the caller may see (each with its own owner), by id. Each
     * link's parent is {@code target} as the caller sees it, its child the annotation, loaded — or null when the
     * caller may not see that annotation.
     */
    public List<Link<?, ?>> links(IObject target) {
        Class<?> linkType = linkType(target);
        @SuppressWarnings("unchecked")
        Class<Link<?, ?>> t = (Class<Link<?, ?>>) linkType;
        return session.read(q -> {
            // the parent through the read filter first, so that the links share it loaded; the children are
            // loaded through the filter when the result is detached (a join fetch would bypass it)
            q.byId(org.hibernate.Hibernate.getClass(target), target.id());
            return q.list(Select.from(t).whereEquals("o.parent.id", target.id()));
        });
    }

    /**
     * Removes one link; a tag or file stays, a comment or rating left on nothing goes too (as in OMERO).
     *
     * @throws org.omerosdk.model.SecurityViolation when the caller may not delete that link (see the class comment)
     */
    public void detach(Link<?, ?> link) {
        // through the graph engine: an orphaned comment or rating goes with its last link (OMERO's unlink rule)
        session.graphs().run(org.omerosdk.sdk.graph.GraphRequest.delete(link));
    }

    /**
     * OMERO's naming: {@code Image} is annotated through {@code ImageAnnotationLink}, every kind of annotation
     * through {@code AnnotationAnnotationLink}.
     */
    private static Class<?> linkType(IObject target) {
        Class<?> type = org.hibernate.Hibernate.getClass(target);
        for (Class<?> c = type; c != null && c != IObject.class; c = c.getSuperclass()) {
            try {
                return Class.forName(Annotation.class.getPackageName() + "." + c.getSimpleName() + "AnnotationLink");
            } catch (ClassNotFoundException e) {
                // a subtype is annotated through its supertype's link (a tag through AnnotationAnnotationLink)
            }
        }
        throw new ValidationException(type.getSimpleName() + " objects take no annotations");
    }

    private static Link<?, ?> newLink(Class<?> type, IObject parent, Annotation child) {
        for (Constructor<?> c : type.getConstructors()) {
            if (c.getParameterCount() == 2) {
                try {
                    return (Link<?, ?>) c.newInstance(parent, child);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot make a " + type.getSimpleName(), e);
                }
            }
        }
        throw new IllegalStateException(type.getSimpleName() + " has no (parent, child) constructor");
    }
}
