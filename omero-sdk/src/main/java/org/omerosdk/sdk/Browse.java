package org.omerosdk.sdk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.DatasetImageLink;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.containers.ProjectDatasetLink;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.meta.NamedObject;
import org.omerosdk.model.screen.Plate;
import org.omerosdk.model.screen.Screen;
import org.omerosdk.model.screen.ScreenPlateLink;
import org.omerosdk.model.screen.Well;
import org.omerosdk.model.screen.WellSample;

/**
 * The data manager's view of what the caller may see, as OMERO.web's tree shows it: projects with their datasets
 * and images, screens with their plates, the datasets, plates and images in no container (the "Orphaned Images"
 * container of {@code omero.client.ui.tree.orphans.*}), in the type order of {@code omero.client.ui.tree.type_order};
 * each container with the number of its children the caller may see, counted without loading them; a plate as a
 * grid of wells and fields ({@code omero.web.plate_layout}); search by name and description.
 *
 * <p>Every listing takes a {@link Listing}: {@code Listing.all().ownedBy(me)} is OMERO.web's "my data",
 * {@code notOwnedBy(me)} "others' data", neither "all"; {@code inGroup(g)} one group of an all-groups session.
 * A container's child count counts every child the caller may see, whoever owns it (a listing's owner filter
 * chooses the containers, not their contents).
 */
public final class Browse {
    private final Session session;

    Browse(Session session) {
        this.session = session;
    }

    /**
     * A container and how many children the caller may see in it: datasets of a project, images of a dataset,
     * plates of a screen, wells of a plate.
     */
    public record Node<T extends NamedObject>(T object, long childCount) {
    }

    /** OMERO's virtual container of the images in no dataset and no well: its configured name and description. */
    public record OrphanedImages(String name, String description, long imageCount) {
    }

    /**
     * The top level of the tree: one page of each kind of top-level container, the orphaned-images container when
     * {@code omero.client.ui.tree.orphans.enabled}, and the type order the nodes are shown in.
     *
     * @param typeOrder the ranked types of {@code omero.client.ui.tree.type_order} (lower case), empty when it is
     *                  {@code false} (no ranking: all nodes by name)
     */
    public record Tree(Page<Node<Project>> projects, Page<Node<Dataset>> orphanedDatasets,
                       Page<Node<Screen>> screens, Page<Node<Plate>> orphanedPlates,
                       Optional<OrphanedImages> orphanedImages, List<String> typeOrder) {
        /**
         * The top-level containers in the order OMERO.web's tree lists them: grouped by type in {@link #typeOrder}
         * (types it does not rank last), each group in its page's order; with no ranking, all by name (ignoring
         * case), then id. OMERO.web shows the orphaned-images container after them.
         */
        public List<Node<?>> nodes() {
            List<Node<?>> all = new ArrayList<>();
            all.addAll(projects);
            all.addAll(orphanedDatasets);
            all.addAll(screens);
            all.addAll(orphanedPlates);
            Comparator<Node<?>> byName = Comparator.comparing(
                    (Node<?> n) -> n.object().name().toLowerCase(Locale.ROOT)).thenComparingLong(n -> n.object().id());
            if (typeOrder.isEmpty()) {
                all.sort(byName);
            } else {
                // a stable sort: within a type the page's own order stays
                all.sort(Comparator.comparingInt(n -> rank(n.object())));
            }
            return List.copyOf(all);
        }

        private int rank(NamedObject o) {
            int i = typeOrder.indexOf(o.getClass().getSimpleName().replaceAll("\\$.*", "").toLowerCase(Locale.ROOT));
            return i < 0 ? typeOrder.size() : i;
        }
    }

    /** How {@link #plateGrid} lays a plate out: OMERO.web's {@code omero.web.plate_layout}. */
    public enum PlateLayout {
        /** From A1 to the last well, grown to 8 x 12 times the smallest power of two that holds every well. */
        EXPAND,
        /** Only the rows and columns from the first well to the last. */
        SHRINK,
        /** From A1 to the last well. */
        TRIM;

        /** The layout a configuration value names ({@code expand}, {@code shrink}, {@code trim}, any case). */
        public static PlateLayout of(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ValidationException(ConfigKeys.WEB_PLATE_LAYOUT.name() + " is \"" + value + "\"; it must "
                        + "be expand, shrink or trim");
            }
        }
    }

    /**
     * One field of a plate as a grid: the labels of its rows and columns (by the plate's naming conventions) and a
     * cell per well the caller may see, with that well's image at the field when the caller may see it.
     *
     * @param firstRow    the plate row of the grid's first row (0 but with {@link PlateLayout#SHRINK})
     * @param firstColumn the plate column of the grid's first column
     * @param fieldCount  the most fields a visible well has (fields are numbered from 0 in the order saved)
     */
    public record PlateGrid(Plate plate, int field, int fieldCount, int firstRow, int firstColumn,
                            List<String> rowLabels, List<String> columnLabels, List<Cell> cells) {
        /** A well of the grid; {@code image} is empty when the well has no image at this field the caller sees. */
        public record Cell(Well well, String label, Optional<Image> image) {
        }

        public int rows() {
            return rowLabels.size();
        }

        public int columns() {
            return columnLabels.size();
        }

        /** The cell at grid position (row, column), empty where there is no (visible) well. */
        public Optional<Cell> at(int row, int column) {
            int plateRow = row + firstRow;
            int plateColumn = column + firstColumn;
            return cells.stream().filter(c -> c.well().row() == plateRow && c.well().column() == plateColumn)
                    .findFirst();
        }
    }

    /** What {@link #search} found, one page per type. */
    public record SearchResults(Page<Project> projects, Page<Dataset> datasets, Page<Image> images,
                                Page<Screen> screens, Page<Plate> plates) {
        public boolean isEmpty() {
            return projects.isEmpty() && datasets.isEmpty() && images.isEmpty() && screens.isEmpty()
                    && plates.isEmpty();
        }
    }

    /** The top level of the tree with {@code listing}'s filters and page for each kind of container. */
    public Tree tree(Listing listing) {
        OmeroConfig config = session.sdk().config();
        Optional<OrphanedImages> orphans = Optional.empty();
        if (config.getBoolean(ConfigKeys.CLIENT_UI_TREE_ORPHANS_ENABLED)) {
            orphans = Optional.of(new OrphanedImages(config.get(ConfigKeys.CLIENT_UI_TREE_ORPHANS_NAME),
                    config.get(ConfigKeys.CLIENT_UI_TREE_ORPHANS_DESCRIPTION),
                    session.read(q -> q.count(listing.filter(orphanImages())))));
        }
        return new Tree(projects(listing), orphanedDatasets(listing), screens(listing), orphanedPlates(listing),
                orphans, typeOrder(config));
    }

    /** The ranked types of {@code omero.client.ui.tree.type_order}, empty for {@code false}. */
    static List<String> typeOrder(OmeroConfig config) {
        List<String> order = new ArrayList<>();
        for (String t : config.get(ConfigKeys.CLIENT_UI_TREE_TYPE_ORDER).split(",")) {
            String type = t.trim().toLowerCase(Locale.ROOT);
            if (type.equals("false")) {
                return List.of();
            }
            if (!type.isEmpty()) {
                order.add(type);
            }
        }
        return List.copyOf(order);
    }

    /** One page of the projects, each with its number of datasets. */
    public Page<Node<Project>> projects(Listing listing) {
        return withCounts(listing, Select.from(Project.class), Dataset.class, ProjectDatasetLink.class);
    }

    /** One page of the datasets of {@code project}, each with its number of images. */
    public Page<Node<Dataset>> datasets(Project project, Listing listing) {
        return withCounts(listing, Select.from(Dataset.class).where("o.id in (select l.child.id from "
                + ProjectDatasetLink.class.getName() + " l where l.parent.id = :v)", visible(project).id()),
                Image.class, DatasetImageLink.class);
    }

    /** One page of the datasets in no project, each with its number of images. */
    public Page<Node<Dataset>> orphanedDatasets(Listing listing) {
        return withCounts(listing, Select.from(Dataset.class).where("not exists (select 1 from "
                + ProjectDatasetLink.class.getName() + " l where l.child = o)"), Image.class, DatasetImageLink.class);
    }

    /** One page of the images of {@code dataset}. */
    public Page<Image> images(Dataset dataset, Listing listing) {
        return listing.read(session, Select.from(Image.class).where("o.id in (select l.child.id from "
                + DatasetImageLink.class.getName() + " l where l.parent.id = :v)", visible(dataset).id()));
    }

    /** One page of the images in no dataset and no well (the orphaned-images container). */
    public Page<Image> orphanedImages(Listing listing) {
        return listing.read(session, orphanImages());
    }

    /** One page of the screens, each with its number of plates. */
    public Page<Node<Screen>> screens(Listing listing) {
        return withCounts(listing, Select.from(Screen.class), Plate.class, ScreenPlateLink.class);
    }

    /** One page of the plates of {@code screen}, each with its number of wells. */
    public Page<Node<Plate>> plates(Screen screen, Listing listing) {
        return withWellCounts(listing, Select.from(Plate.class).where("o.id in (select l.child.id from "
                + ScreenPlateLink.class.getName() + " l where l.parent.id = :v)", visible(screen).id()));
    }

    /** One page of the plates in no screen, each with its number of wells. */
    public Page<Node<Plate>> orphanedPlates(Listing listing) {
        return withWellCounts(listing, Select.from(Plate.class).where("not exists (select 1 from "
                + ScreenPlateLink.class.getName() + " l where l.child = o)"));
    }

    /** Field {@code field} (from 0) of {@code plate}, laid out by {@code omero.web.plate_layout}. */
    public PlateGrid plateGrid(Plate plate, int field) {
        return plateGrid(plate, field, PlateLayout.of(session.sdk().config().get(ConfigKeys.WEB_PLATE_LAYOUT)));
    }

    /**
     * Field {@code field} (from 0) of {@code plate} laid out by {@code layout}.
     *
     * @throws NotFoundException   when the caller may not see the plate
     * @throws ValidationException for a negative field
     */
    public PlateGrid plateGrid(Plate plate, int field, PlateLayout layout) {
        if (field < 0) {
            throw new ValidationException("field " + field + " is impossible: fields are numbered from 0");
        }
        return session.read(q -> {
            Plate p = Containers.load(q, plate);
            List<Well> wells = q.list(Select.from(Well.class).whereEquals("o.plate.id", p.id())
                    .orderBy("o.row, o.column, o.id"));
            // a well's fields are its samples in the order they were saved
            Map<Long, List<WellSample>> samples = new HashMap<>();
            for (WellSample s : q.list(Select.from(WellSample.class).where("o.well.plate.id = :v", p.id())
                    .orderBy("o.id"))) {
                samples.computeIfAbsent(s.well().id(), k -> new ArrayList<>()).add(s);
            }
            List<Long> imageIds = new ArrayList<>();
            int fieldCount = 0;
            for (Well w : wells) {
                List<WellSample> fields = samples.getOrDefault(w.id(), List.of());
                fieldCount = Math.max(fieldCount, fields.size());
                if (field < fields.size()) {
                    imageIds.add(fields.get(field).image().id());
                }
            }
            Map<Long, Image> images = new HashMap<>();
            for (int i = 0; i < imageIds.size(); i += 1000) {
                for (Image image : q.list(Select.from(Image.class).where("o.id in (:v)",
                        imageIds.subList(i, Math.min(imageIds.size(), i + 1000))))) {
                    images.put(image.id(), image);
                }
            }
            int rows = 0;
            int columns = 0;
            int firstRow = Integer.MAX_VALUE;
            int firstColumn = Integer.MAX_VALUE;
            for (Well w : wells) {
                rows = Math.max(rows, w.row() + 1);
                columns = Math.max(columns, w.column() + 1);
                firstRow = Math.min(firstRow, w.row());
                firstColumn = Math.min(firstColumn, w.column());
            }
            if (wells.isEmpty() || layout != PlateLayout.SHRINK) {
                firstRow = 0;
                firstColumn = 0;
            }
            if (layout == PlateLayout.EXPAND) {
                int mul = 1;
                while (rows > 8 * mul || columns > 12 * mul) {
                    mul *= 2;
                }
                rows = 8 * mul;
                columns = 12 * mul;
            }
            List<String> rowLabels = new ArrayList<>();
            for (int r = firstRow; r < rows; r++) {
                rowLabels.add(p.rowNamingConvention().label(r));
            }
            List<String> columnLabels = new ArrayList<>();
            for (int c = firstColumn; c < columns; c++) {
                columnLabels.add(p.columnNamingConvention().label(c));
            }
            List<PlateGrid.Cell> cells = new ArrayList<>();
            for (Well w : wells) {
                List<WellSample> fields = samples.getOrDefault(w.id(), List.of());
                Optional<Image> image = field < fields.size()
                        ? Optional.ofNullable(images.get(fields.get(field).image().id())) : Optional.empty();
                cells.add(new PlateGrid.Cell(w, p.wellLabel(w.row(), w.column()), image));
            }
            return new PlateGrid(p, field, fieldCount, firstRow, firstColumn, List.copyOf(rowLabels),
                    List.copyOf(columnLabels), List.copyOf(cells));
        });
    }

    /**
     * The projects, datasets, images, screens and plates whose name or description contains {@code text},
     * ignoring case ({@code %} and {@code _} match themselves), one page of each with {@code listing}'s filters;
     * only what the caller may see.
     *
     * @throws ValidationException when {@code text} is blank
     */
    public SearchResults search(String text, Listing listing) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("the search text is empty: give a part of a name or description");
        }
        return new SearchResults(listing.read(session, Select.from(Project.class).containing(text)),
                listing.read(session, Select.from(Dataset.class).containing(text)),
                listing.read(session, Select.from(Image.class).containing(text)),
                listing.read(session, Select.from(Screen.class).containing(text)),
                listing.read(session, Select.from(Plate.class).containing(text)));
    }

    private static Select<Image> orphanImages() {
        return Select.from(Image.class).where("not exists (select 1 from " + DatasetImageLink.class.getName()
                + " l where l.child = o) and not exists (select 1 from " + WellSample.class.getName()
                + " s where s.image = o)");
    }

    /** {@code object} as the caller may see it, or a NotFoundException that does not say whether it exists. */
    private <T extends NamedObject> T visible(T object) {
        return session.read(q -> Containers.load(q, object));
    }

    /** A page of containers with the number of visible {@code child} objects each links to through {@code link}. */
    private <T extends NamedObject> Page<Node<T>> withCounts(Listing listing, Select<T> containers,
                                                              Class<?> child, Class<?> link) {
        return counted(listing, containers, ids -> session.read(q -> q.countBy(Select.from(child)
                .join(", " + link.getName() + " l").where("l.child = o and l.parent.id in (:v)", ids),
                "l.parent.id")));
    }

    private Page<Node<Plate>> withWellCounts(Listing listing, Select<Plate> plates) {
        return counted(listing, plates, ids -> session.read(q -> q.countBy(Select.from(Well.class)
                .where("o.plate.id in (:v)", ids), "o.plate.id")));
    }

    private <T extends NamedObject> Page<Node<T>> counted(Listing listing, Select<T> containers,
                                                           Function<List<Long>, Map<Long, Long>> counter) {
        Page<T> page = listing.read(session, containers);
        List<Long> ids = page.stream().map(NamedObject::id).toList();
        Map<Long, Long> counts = ids.isEmpty() ? Map.of() : counter.apply(ids);
        return page.map(o -> new Node<>(o, counts.getOrDefault(o.id(), 0L)));
    }
}
