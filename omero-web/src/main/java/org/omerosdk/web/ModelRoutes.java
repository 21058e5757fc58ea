package org.omerosdk.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.model.meta.NamedObject;
import org.omerosdk.model.screen.Plate;
import org.omerosdk.model.screen.Screen;
import org.omerosdk.sdk.Listing;
import org.omerosdk.sdk.Page;
import org.omerosdk.sdk.Session;

/**
 * OMERO.web's JSON API object URLs ({@code api/v0/m/...}): projects, datasets, images, screens, plates, each one by
 * id and their children, with OMERO's paging ({@code offset}, {@code limit}, default {@code omero.web.page_size},
 * at most {@code omero.web.api.max_limit}, OMERO's 500) and filters ({@code owner}, {@code group}, {@code childCount}), ordered by lower-case
 * name then id as OMERO orders them. An object the caller may not see answers 404 as a missing one.
 */
final class ModelRoutes {
    private static final String ID = "/(\\d+)/";
    private static final String M = "/api/v0/m/";

    private final int defaultLimit;
    private final int maxLimit;

    ModelRoutes(OmeroConfig web) {
        this.maxLimit = web.getInt(ConfigKeys.WEB_API_MAX_LIMIT);
        if (maxLimit < 1) {
            throw new org.omerosdk.model.ValidationException("omero.web.api.max_limit = " + maxLimit
                    + " must be at least 1");
        }
        this.defaultLimit = Math.min(web.getInt(ConfigKeys.WEB_PAGE_SIZE), maxLimit);
    }

    List<Route> routes() {
        Route.Access a = Route.Access.LOGIN;
        return List.of(
                Route.get(M + "projects/", a, (ex, g) -> list(ex, "Project", all(ex, Project.class))),
                Route.get(M + "projects" + ID, a, (ex, g) -> one(ex, Project.class, "Project", g.get(0))),
                Route.get(M + "projects" + ID + "datasets/", a, (ex, g) -> list(ex, "Dataset",
                        s -> datasetsIn(ex, s, g.get(0)))),
                Route.get(M + "datasets/", a, (ex, g) -> list(ex, "Dataset", datasets(ex))),
                Route.get(M + "datasets" + ID, a, (ex, g) -> one(ex, Dataset.class, "Dataset", g.get(0))),
                Route.get(M + "datasets" + ID + "images/", a, (ex, g) -> list(ex, "Image",
                        s -> imagesIn(ex, s, g.get(0)))),
                Route.get(M + "images/", a, (ex, g) -> list(ex, "Image", images(ex))),
                Route.get(M + "images" + ID, a, (ex, g) -> one(ex, Image.class, "Image", g.get(0))),
                Route.get(M + "screens/", a, (ex, g) -> list(ex, "Screen", all(ex, Screen.class))),
                Route.get(M + "screens" + ID, a, (ex, g) -> one(ex, Screen.class, "Screen", g.get(0))),
                Route.get(M + "screens" + ID + "plates/", a, (ex, g) -> list(ex, "Plate",
                        s -> platesIn(ex, s, g.get(0)))),
                Route.get(M + "plates/", a, (ex, g) -> list(ex, "Plate", plates(ex))),
                Route.get(M + "plates" + ID, a, (ex, g) -> one(ex, Plate.class, "Plate", g.get(0))));
    }

    // --- the lists ------------------------------------------------------------------------------------------

    private static <T extends NamedObject> Function<Session, List<? extends NamedObject>> all(Exchange ex,
                                                                                              Class<T> type) {
        return s -> listing(ex, s).map(l -> type == Project.class ? every(l, s.containers()::projects)
                : every(l, s.containers()::screens)).orElse(List.of());
    }

    private static Function<Session, List<? extends NamedObject>> datasets(Exchange ex) {
        return s -> {
            Optional<String> project = ex.query("project");
            if (project.isPresent()) {
                return datasetsIn(ex, s, project.get());
            }
            boolean orphaned = "true".equals(ex.query("orphaned").orElse(""));
            return listing(ex, s).map(l -> orphaned ? every(l, s.containers()::orphanedDatasets)
                    : every(l, s.containers()::datasets)).orElse(List.of());
        };
    }

    private static Function<Session, List<? extends NamedObject>> plates(Exchange ex) {
        return s -> {
            Optional<String> screen = ex.query("screen");
            if (screen.isPresent()) {
                return platesIn(ex, s, screen.get());
            }
            return listing(ex, s).map(l -> every(l, s.containers()::plates)).orElse(List.of());
        };
    }

    private static Function<Session, List<? extends NamedObject>> images(Exchange ex) {
        return s -> {
            Optional<String> dataset = ex.query("dataset");
            if (dataset.isPresent()) {
                return imagesIn(ex, s, dataset.get());
            }
            return listing(ex, s).map(l -> every(l, s.images()::list)).orElse(List.of());
        };
    }

    // the parent first: a missing or invisible one answers 404 whatever the filters
    private static List<Dataset> datasetsIn(Exchange ex, Session s, String projectId) {
        Project p = parent(s, Project.class, "Project", projectId);
        return listing(ex, s).map(l -> every(l, x -> s.containers().datasets(p, x))).orElse(List.of());
    }

    private static List<Plate> platesIn(Exchange ex, Session s, String screenId) {
        Screen sc = parent(s, Screen.class, "Screen", screenId);
        return listing(ex, s).map(l -> every(l, x -> s.containers().plates(sc, x))).orElse(List.of());
    }

    private static List<Image> imagesIn(Exchange ex, Session s, String datasetId) {
        Dataset d = parent(s, Dataset.class, "Dataset", datasetId);
        return listing(ex, s).map(l -> every(l, x -> s.containers().images(d, x))).orElse(List.of());
    }

    /** Every object of {@code listing}, page after page: the reply pages after sorting by name. */
    private static <T> List<T> every(Listing listing, Function<Listing, Page<T>> method) {
        return listing.stream(method).toList();
    }

    /**
     * The listing of the request's {@code owner} and {@code group} ({@code -1}: all); empty when that owner or
     * group is not visible, so that its objects list as none.
     */
    private static Optional<Listing> listing(Exchange ex, Session s) {
        Listing l = Listing.all();
        Optional<String> owner = ex.query("owner");
        if (owner.isPresent()) {
            long id = Exchange.parseId("owner", owner.get());
            if (id != -1) {
                try {
                    l = l.ownedBy(s.get(Experimenter.class, id));
                } catch (NotFoundException e) {
                    return Optional.empty();
                }
            }
        }
        Optional<String> group = ex.query("group");
        if (group.isPresent()) {
            long id = Exchange.parseId("group", group.get());
            if (id != -1) {
                try {
                    l = l.inGroup(s.get(ExperimenterGroup.class, id));
                } catch (NotFoundException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(l);
    }

    /** A parent the URL names; a missing or invisible one is the same 404. */
    private static <T extends NamedObject> T parent(Session s, Class<T> type, String typeName, String id) {
        long parsed = Exchange.parseId(typeName, id);
        try {
            return s.get(type, parsed);
        } catch (NotFoundException e) {
            throw HttpError.notFound(typeName, parsed);
        }
    }

    // --- answers --------------------------------------------------------------------------------------------

    private Reply list(Exchange ex, String typeName, Function<Session, List<? extends NamedObject>> query) {
        int offset = ex.query("offset").map(v -> nonNegative("offset", v)).orElse(0);
        int limit = Math.min(ex.query("limit").map(v -> nonNegative("limit", v)).orElse(defaultLimit), maxLimit);
        boolean childCount = "true".equals(ex.query("childCount").orElse(""));
        Session s = ex.caller().session();
        List<? extends NamedObject> found = new ArrayList<>(query.apply(s));
        List<NamedObject> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparing((NamedObject o) -> o.name().toLowerCase(Locale.ROOT))
                .thenComparingLong(NamedObject::id));
        List<NamedObject> page = sorted.subList(Math.min(offset, sorted.size()),
                Math.min(sorted.size(), offset + limit));
        Marshal marshal = new Marshal(s);
        List<Map<String, Object>> data = new ArrayList<>();
        for (NamedObject o : page) {
            Map<String, Object> m = marshal(marshal, s, o, typeName, true);
            if (childCount) {
                childCount(s, o).ifPresent(n -> m.put("omero:childCount", n));
            }
            urls(ex, m, typeName, o.id(), true);
            data.add(m);
        }
        return Reply.json(Json.object("data", data, "meta", Json.object("offset", offset, "limit", limit,
                "maxLimit", maxLimit, "totalCount", sorted.size())));
    }

    private <T extends NamedObject> Reply one(Exchange ex, Class<T> type, String typeName, String id) {
        Session s = ex.caller().session();
        T o = parent(s, type, typeName, id);
        Map<String, Object> m = marshal(new Marshal(s), s, o, typeName, true);
        if ("true".equals(ex.query("childCount").orElse(""))) {
            childCount(s, o).ifPresent(n -> m.put("omero:childCount", n));
        }
        urls(ex, m, typeName, o.id(), false);
        return Reply.json(Json.object("data", m));
    }

    private static Map<String, Object> marshal(Marshal marshal, Session s, NamedObject o, String typeName,
                                               boolean pixels) {
        Map<String, Object> m = marshal.named(o, typeName);
        if (o instanceof Image image) {
            image.acquisitionDate().ifPresent(d -> m.put("AcquisitionDate", d.toEpochMilli()));
            m.put("omero:series", image.series());
            if (pixels) {
                try {
                    m.put("Pixels", pixels(marshal, s.images().primaryPixels(image)));
                } catch (NotFoundException none) {
                    // an image saved without pixels lists without them
                }
            }
        }
        return m;
    }

    private static Map<String, Object> pixels(Marshal marshal, Pixels p) {
        Map<String, Object> m = Json.object("@id", p.id(), "@type", Marshal.type("Pixels"),
                "SizeX", p.sizeX(), "SizeY", p.sizeY(), "SizeZ", p.sizeZ(), "SizeC", p.sizeC(), "SizeT", p.sizeT(),
                "DimensionOrder", p.dimensionOrder().name(), "SignificantBits", p.significantBits(),
                "Type", Json.object("@type", "TBD#PixelsType", "value", p.pixelsType().omeroName()));
        p.physicalSizeX().ifPresent(l -> m.put("PhysicalSizeX", length(l)));
        p.physicalSizeY().ifPresent(l -> m.put("PhysicalSizeY", length(l)));
        p.physicalSizeZ().ifPresent(l -> m.put("PhysicalSizeZ", length(l)));
        m.put("omero:details", marshal.details(p));
        return m;
    }

    private static Map<String, Object> length(org.omerosdk.model.units.Length l) {
        return Json.object("@type", "TBD#LengthI", "Unit", l.unit().name(), "Symbol", l.unit().symbol(),
                "Value", l.value());
    }

    private static Optional<Integer> childCount(Session s, NamedObject o) {
        if (o instanceof Project p) {
            return Optional.of(every(Listing.all(), l -> s.containers().datasets(p, l)).size());
        }
        if (o instanceof Dataset d) {
            return Optional.of((int) s.containers().countImages(d));
        }
        if (o instanceof Screen sc) {
            return Optional.of(every(Listing.all(), l -> s.containers().plates(sc, l)).size());
        }
        return Optional.empty();
    }

    /** The {@code url:*} links OMERO.web adds to each object. */
    private static void urls(Exchange ex, Map<String, Object> m, String typeName, long id, boolean inList) {
        String base = M;
        switch (typeName) {
            case "Project" -> {
                m.put("url:datasets", ex.url(base + "projects/" + id + "/datasets/"));
                if (inList) {
                    m.put("url:project", ex.url(base + "projects/" + id + "/"));
                }
            }
            case "Dataset" -> {
                m.put("url:images", ex.url(base + "datasets/" + id + "/images/"));
                if (inList) {
                    m.put("url:dataset", ex.url(base + "datasets/" + id + "/"));
                }
                m.put("url:projects", ex.url(base + "datasets/" + id + "/projects/"));
            }
            case "Image" -> {
                if (inList) {
                    m.put("url:image", ex.url(base + "images/" + id + "/"));
                }
                m.put("url:datasets", ex.url(base + "images/" + id + "/datasets/"));
            }
            case "Screen" -> {
                m.put("url:plates", ex.url(base + "screens/" + id + "/plates/"));
                if (inList) {
                    m.put("url:screen", ex.url(base + "screens/" + id + "/"));
                }
            }
            case "Plate" -> {
                m.put("url:screens", ex.url(base + "plates/" + id + "/screens/"));
                if (inList) {
                    m.put("url:plate", ex.url(base + "plates/" + id + "/"));
                }
            }
            default -> {
            }
        }
    }

    private static int nonNegative(String name, String value) {
        try {
            int v = Integer.parseInt(value);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // the same answer as a negative number
        }
        throw HttpError.badRequest("Invalid parameter value: " + name + " must be a non-negative integer");
    }
}
