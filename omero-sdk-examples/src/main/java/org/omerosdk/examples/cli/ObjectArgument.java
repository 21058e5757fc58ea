package org.omerosdk.examples.cli;

import java.util.Locale;
import java.util.Map;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.screen.Plate;
import org.omerosdk.model.screen.PlateAcquisition;
import org.omerosdk.model.screen.Screen;
import org.omerosdk.sdk.Session;

/** OMERO's {@code Type:ID} object arguments ({@code Image:12}, {@code Dataset:3}), looked up as the caller sees them. */
final class ObjectArgument {
    private static final Map<String, Class<? extends IObject>> TYPES = Map.of("image", Image.class,
            "dataset", Dataset.class, "project", Project.class, "plate", Plate.class,
            "plateacquisition", PlateAcquisition.class, "screen", Screen.class,
            "originalfile", org.omerosdk.model.fs.OriginalFile.class,
            "fileannotation", org.omerosdk.model.annotations.FileAnnotation.class);

    private ObjectArgument() {
    }

    /**
     * The object {@code spec} names, of one of {@code allowed} (names as OMERO spells them).
     *
     * @throws ValidationException naming the argument and what would be accepted
     * @throws org.omerosdk.model.NotFoundException when it does not exist or is not visible
     */
    static IObject get(Session session, String spec, String... allowed) {
        int colon = spec.indexOf(':');
        String type = colon < 0 ? "" : spec.substring(0, colon).toLowerCase(Locale.ROOT);
        String expected = String.join(":ID, ", allowed) + ":ID";
        boolean ok = false;
        for (String a : allowed) {
            ok |= a.toLowerCase(Locale.ROOT).equals(type);
        }
        long id;
        try {
            id = Long.parseLong(spec.substring(colon + 1));
        } catch (NumberFormatException e) {
            ok = false;
            id = -1;
        }
        if (!ok || !TYPES.containsKey(type)) {
            throw new ValidationException("\"" + spec + "\": expected " + expected);
        }
        return session.get(TYPES.get(type), id);
    }

    /** The image {@code spec} ({@code Image:ID}) names. */
    static Image image(Session session, String spec) {
        return (Image) get(session, spec, "Image");
    }
}
