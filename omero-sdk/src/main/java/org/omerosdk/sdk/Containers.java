package org.omerosdk.sdk;

import java.util.List;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.DatasetImageLink;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.containers.ProjectDatasetLink;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.meta.NamedObject;
import org.omerosdk.model.screen.Plate;
import org.omerosdk.model.screen.Screen;
import org.omerosdk.model.screen.ScreenPlateLink;

/**
 * Projects, datasets, screens and plates: create, delete, link, list. New containers go to the session's write
 * group; links go to their parent's group. Renaming, reading by id and re-reading any object are the session's
 * ({@link Session#rename}, {@link Session#get}, {@link Session#reload}).
 */
public final class Containers {
    private final Session session;

    Containers(Session session) {
        this.session = session;
    }

    public Project createProject(String name) {
        return session.write((q, w) -> w.create(new Project(name)));
    }

    public Dataset createDataset(String name) {
        return session.write((q, w) -> w.create(new Dataset(name)));
    }

    public Screen createScreen(String name) {
        return session.write((q, w) -> w.create(new Screen(name)));
    }

    public Plate createPlate(String name) {
        return session.write((q, w) -> w.create(new Plate(name)));
    }

    /**
     * Creates a dataset inside {@code project} in one transaction. An administrator working in another user's
     * project in a group they are not a member of (not a private one) creates the dataset and the link as that
     * user's, as OMERO.web does, so the user can manage them later.
     */
    public Dataset createDataset(Project project, String name) {
        return session.write((q, w) -> {
            Project p = load(q, project);
            Dataset d = w.createFor(p.details().ownerId().orElse(-1L), new Dataset(name));
            w.create(new ProjectDatasetLink(p, d));
            return d;
        });
    }

    public ProjectDatasetLink link(Project project, Dataset dataset) {
        return session.write((q, w) -> w.create(new ProjectDatasetLink(load(q, project), load(q, dataset))));
    }

    public DatasetImageLink link(Dataset dataset, Image image) {
        return session.write((q, w) -> w.create(new DatasetImageLink(load(q, dataset), load(q, image))));
    }

    public ScreenPlateLink link(Screen screen, Plate plate) {
        return session.write((q, w) -> w.create(new ScreenPlateLink(load(q, screen), load(q, plate))));
    }

    /**
     * Deletes a project, dataset, screen, plate or image through the graph engine with
     * {@link org.omerosdk.sdk.graph.GraphOptions#keepChildren()} (BlitzGateway's default): the container's child
     * containers and images stay (orphaned), its links go (whoever owns them), its comments and other exclusive
     * annotations go, tags and files stay. An image goes with its pixels, channels, settings, thumbnails and ROIs.
     * For contents and tags too, use {@link Session#graphs()}.
     *
     * @return what was deleted
     */
    public org.omerosdk.sdk.graph.GraphReport delete(NamedObject container) {
        return session.graphs().run(org.omerosdk.sdk.graph.GraphRequest.delete(container)
                .withOptions(org.omerosdk.sdk.graph.GraphOptions.keepChildren()));
    }

    /** One page of the projects the caller may see (see {@link Listing}). */
    public Page<Project> projects(Listing listing) {
        return listing.read(session, Select.from(Project.class));
    }

    /** One page of the datasets the caller may see (see {@link Listing}). */
    public Page<Dataset> datasets(Listing listing) {
        return listing.read(session, Select.from(Dataset.class));
    }

    /** One page of the screens the caller may see (see {@link Listing}). */
    public Page<Screen> screens(Listing listing) {
        return listing.read(session, Select.from(Screen.class));
    }

    /** One page of the plates the caller may see (see {@link Listing}). */
    public Page<Plate> plates(Listing listing) {
        return listing.read(session, Select.from(Plate.class));
    }

    /** One page of the datasets in {@code project} the caller may see. */
    public Page<Dataset> datasets(Project project, Listing listing) {
        return listing.read(session, Select.from(Dataset.class)
                .where("o.id in (select l.child.id from " + ProjectDatasetLink.class.getName()
                        + " l where l.parent.id = :v)", project.id()));
    }

    /** One page of the plates in {@code screen} the caller may see. */
    public Page<Plate> plates(Screen screen, Listing listing) {
        return listing.read(session, Select.from(Plate.class)
                .where("o.id in (select l.child.id from " + ScreenPlateLink.class.getName()
                        + " l where l.parent.id = :v)", screen.id()));
    }

    /** One page of the images in {@code dataset} the caller may see. */
    public Page<Image> images(Dataset dataset, Listing listing) {
        return listing.read(session, imagesIn(dataset));
    }

    public long countImages(Dataset dataset) {
        return session.read(q -> q.count(imagesIn(dataset)));
    }

    /** One page of the datasets in no project. */
    public Page<Dataset> orphanedDatasets(Listing listing) {
        return listing.read(session, Select.from(Dataset.class).where(
                "not exists (select 1 from " + ProjectDatasetLink.class.getName() + " l where l.child = o)"
                        + " and 1 = :v", 1));
    }

    private static Select<Image> imagesIn(Dataset dataset) {
        return Select.from(Image.class).where("o.id in (select l.child.id from " + DatasetImageLink.class.getName()
                + " l where l.parent.id = :v)", dataset.id());
    }

    static <T extends IObject> T load(QueryPath q, T object) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) org.hibernate.Hibernate.getClass(object);
        return q.byId(type, object.id())
                .orElseThrow(() -> new NotFoundException(type.getSimpleName() + ":" + object.id()
                        + " does not exist or is not visible"));
    }
}
