package org.omerosdk.web;

import java.util.HashMap;
import java.util.Map;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.meta.NamedObject;
import org.omerosdk.sdk.Session;

/**
 * Objects as OMERO.web's JSON API writes them (omero-marshal): {@code @id}, {@code @type} (the OME schema's type
 * URL), the fields in OME's capitalised names, and {@code omero:details} with owner, group and permissions. One per
 * request: owners and groups are looked up once each.
 */
final class Marshal {
    static final String SCHEMA = "http://www.openmicroscopy.org/Schemas/OME/2016-06";

    private final Session session;
    private final Map<Long, Map<String, Object>> owners = new HashMap<>();
    private final Map<Long, Map<String, Object>> groups = new HashMap<>();

    Marshal(Session session) {
        this.session = session;
    }

    static String type(String name) {
        return SCHEMA + "#" + name;
    }

    /** A named container (Project, Dataset, Screen, Plate): id, type, Name, Description, details. */
    Map<String, Object> named(NamedObject o, String typeName) {
        Map<String, Object> m = Json.object("@id", o.id(), "@type", type(typeName), "Name", o.name());
        o.description().ifPresent(d -> m.put("Description", d));
        m.put("omero:details", details(o));
        return m;
    }

    Map<String, Object> details(IObject o) {
        Map<String, Object> d = Json.object("@type", "TBD#Details");
        o.details().ownerId().ifPresent(id -> d.put("owner", owner(id)));
        o.details().groupId().ifPresent(id -> d.put("group", group(id)));
        d.put("permissions", permissions(o.details().permissions()));
        return d;
    }

    private Map<String, Object> owner(long id) {
        return owners.computeIfAbsent(id, k -> {
            Map<String, Object> m = Json.object("@id", k, "@type", type("Experimenter"));
            try {
                Experimenter e = session.get(Experimenter.class, k);
                m.put("FirstName", e.firstName());
                m.put("LastName", e.lastName());
                m.put("UserName", e.omeName());
            } catch (NotFoundException notVisible) {
                // the id alone, as OMERO does for an unloaded owner
            }
            m.put("omero:details", Json.object("@type", "TBD#Details"));
            return m;
        });
    }

    private Map<String, Object> group(long id) {
        return groups.computeIfAbsent(id, k -> {
            Map<String, Object> m = Json.object("@id", k, "@type", type("ExperimenterGroup"));
            try {
                ExperimenterGroup g = session.get(ExperimenterGroup.class, k);
                m.put("Name", g.name());
                g.description().ifPresent(desc -> m.put("Description", desc));
                m.put("omero:details", Json.object("@type", "TBD#Details",
                        "permissions", permissions(g.permissions())));
            } catch (NotFoundException notVisible) {
                m.put("omero:details", Json.object("@type", "TBD#Details"));
            }
            return m;
        });
    }

    /** OMERO's permission flags of the object's row ({@code perm} as {@code rwra--}). */
    static Map<String, Object> permissions(Permissions p) {
        return Json.object("@type", "TBD#Permissions", "perm", p.toString(),
                "isUserRead", p.isGranted(Permissions.Role.USER, Permissions.Right.READ),
                "isUserAnnotate", p.isGranted(Permissions.Role.USER, Permissions.Right.ANNOTATE),
                "isUserWrite", p.isGranted(Permissions.Role.USER, Permissions.Right.WRITE),
                "isGroupRead", p.isGranted(Permissions.Role.GROUP, Permissions.Right.READ),
                "isGroupAnnotate", p.isGranted(Permissions.Role.GROUP, Permissions.Right.ANNOTATE),
                "isGroupWrite", p.isGranted(Permissions.Role.GROUP, Permissions.Right.WRITE),
                "isWorldRead", p.isGranted(Permissions.Role.WORLD, Permissions.Right.READ),
                "isWorldAnnotate", p.isGranted(Permissions.Role.WORLD, Permissions.Right.ANNOTATE),
                "isWorldWrite", p.isGranted(Permissions.Role.WORLD, Permissions.Right.WRITE));
    }
}
