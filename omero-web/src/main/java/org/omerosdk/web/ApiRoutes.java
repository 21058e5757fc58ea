package org.omerosdk.web;

import java.util.List;
import java.util.Map;

/** OMERO.web's JSON API: {@code api/} (versions) and {@code api/v0/} (its URLs). */
final class ApiRoutes {
    static final String VERSION = "0";

    private ApiRoutes() {
    }

    static List<Route> routes() {
        return List.of(
                Route.get("/api/", Route.Access.ANYONE, (ex, g) -> versions(ex)),
                Route.get("/api/v0/", Route.Access.ANYONE, (ex, g) -> base(ex)));
    }

    private static Reply versions(Exchange ex) {
        return Reply.json(Json.object("data", List.of(Json.object("version", VERSION,
                "url:base", ex.url("/api/v0/")))));
    }

    /** OMERO.web's {@code api_base}: where each listing lives. */
    private static Reply base(Exchange ex) {
        Map<String, Object> urls = Json.object(
                "url:experimenters", ex.url("/api/v0/m/experimenters/"),
                "url:experimentergroups", ex.url("/api/v0/m/experimentergroups/"),
                "url:projects", ex.url("/api/v0/m/projects/"),
                "url:datasets", ex.url("/api/v0/m/datasets/"),
                "url:images", ex.url("/api/v0/m/images/"),
                "url:screens", ex.url("/api/v0/m/screens/"),
                "url:plates", ex.url("/api/v0/m/plates/"),
                "url:rois", ex.url("/api/v0/m/rois/"),
                "url:token", ex.url("/api/v0/token/"),
                "url:servers", ex.url("/api/v0/servers/"),
                "url:login", ex.url("/api/v0/login/"),
                "url:save", ex.url("/api/v0/m/save/"),
                "url:schema", "http://www.openmicroscopy.org/Schemas/OME/2016-06");
        return Reply.json(urls);
    }
}
