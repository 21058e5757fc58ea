package org.omerosdk.permissions;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.omerosdk.model.ValidationException;

/**
 * OMERO's {@code omero.policy.binary_access}: who may download the binary data behind images, plates and files, on
 * top of read permission. A value is a comma list of {@code +read -read +write -write +image -image +plate -plate};
 * the server's value and a group's own value combine pessimistically, per component: a component is off if either
 * says {@code -x}, else on if either says {@code +x}, else off. The default server value
 * {@code +read,+write,+image} therefore leaves plates (HCS) undownloadable unless {@code +plate} is configured.
 *
 * <p>For an object, in this order: {@code write} off restricts everyone, owners and administrators included;
 * {@code read} off restricts everyone who may not edit the object; files named {@code *.txt} are never restricted
 * further; an image, or the files of a fileset with images, is restricted when {@code image} is off, or when
 * {@code plate} is off and an image is in a well; plates and wells when {@code image} or {@code plate} is off.
 * Immutable; thread-safe.
 */
public final class BinaryAccessPolicy {
    /** The components a value may switch. */
    public enum Component { READ, WRITE, IMAGE, PLATE }

    /** What kind of binary is asked for. */
    public enum Kind {
        /** An image's pixels or the files it was imported from. */
        IMAGE,
        /** A plate, plate acquisition, well or well sample. */
        PLATE,
        /** An original file, described by {@link Target#fileName} and its fileset's images. */
        ORIGINAL_FILE,
        /** The file of a file annotation. */
        FILE_ANNOTATION
    }

    /**
     * @param kind             what is downloaded
     * @param fileName         the original file's name (for {@link Kind#ORIGINAL_FILE})
     * @param hasImages        the original file belongs to a fileset with images
     * @param inWell           the image, or one of the fileset's images, is in a well
     */
    public record Target(Kind kind, String fileName, boolean hasImages, boolean inWell) {
        public static Target image(boolean inWell) {
            return new Target(Kind.IMAGE, "", true, inWell);
        }

        public static Target plate() {
            return new Target(Kind.PLATE, "", true, true);
        }

        public static Target originalFile(String name, boolean filesetHasImages, boolean anyImageInWell) {
            return new Target(Kind.ORIGINAL_FILE, name, filesetHasImages, anyImageInWell);
        }

        public static Target fileAnnotation() {
            return new Target(Kind.FILE_ANNOTATION, "", false, false);
        }
    }

    private final Set<Component> plus;
    private final Set<Component> minus;
    private final String description;

    private BinaryAccessPolicy(Set<Component> plus, Set<Component> minus, String description) {
        this.plus = plus;
        this.minus = minus;
        this.description = description;
    }

    /**
     * The server's policy.
     *
     * @throws ValidationException naming a token that is not {@code +x} or {@code -x} of a known component
     */
    public static BinaryAccessPolicy parse(String value) {
        Set<Component> plus = EnumSet.noneOf(Component.class);
        Set<Component> minus = EnumSet.noneOf(Component.class);
        add(value, "omero.policy.binary_access", plus, minus);
        return new BinaryAccessPolicy(plus, minus, value.trim());
    }

    /** This policy combined with a group's own value (null or blank: the server's alone). */
    public BinaryAccessPolicy withGroup(String groupValue) {
        if (groupValue == null || groupValue.isBlank()) {
            return this;
        }
        Set<Component> p = EnumSet.noneOf(Component.class);
        Set<Component> m = EnumSet.noneOf(Component.class);
        p.addAll(plus);
        m.addAll(minus);
        add(groupValue, "the group's binary access", p, m);
        return new BinaryAccessPolicy(p, m, description + " + group " + groupValue.trim());
    }

    private static void add(String value, String where, Set<Component> plus, Set<Component> minus) {
        for (String raw : value.split(",")) {
            String t = raw.trim().toLowerCase(Locale.ROOT);
            if (t.isEmpty()) {
                continue;
            }
            Component c = t.length() > 1 ? component(t.substring(1)) : null;
            if (c == null || (t.charAt(0) != '+' && t.charAt(0) != '-')) {
                throw new ValidationException(where + " has \"" + raw.trim() + "\"; each entry is +x or -x with x "
                        + "one of read, write, image, plate");
            }
            (t.charAt(0) == '+' ? plus : minus).add(c);
        }
    }

    private static Component component(String name) {
        for (Component c : Component.values()) {
            if (c.name().toLowerCase(Locale.ROOT).equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** Whether a component is on: not removed by either value, and added by one of them. */
    public boolean enabled(Component c) {
        return !minus.contains(c) && plus.contains(c);
    }

    /**
     * Why {@code target} may not be downloaded by this caller, or empty when it may.
     *
     * @param callerMayEdit whether the caller may edit the object (owner, group owner, administrator with the write
     *                      privilege, member of a read-write group): the test OMERO applies when {@code read} is off
     */
    public Optional<String> restriction(Target target, boolean callerMayEdit) {
        if (!enabled(Component.WRITE)) {
            return Optional.of("downloads are disabled for everyone (binary access policy " + description
                    + " lacks +write)");
        }
        if (!enabled(Component.READ) && !callerMayEdit) {
            return Optional.of("downloads are limited to those who may edit the data (binary access policy "
                    + description + " lacks +read)");
        }
        switch (target.kind()) {
            case ORIGINAL_FILE:
                if (target.fileName().toLowerCase(Locale.ROOT).endsWith(".txt") || !target.hasImages()) {
                    return Optional.empty();
                }
                return imageRule().or(() -> target.inWell() ? plateRule() : Optional.empty());
            case IMAGE:
                return imageRule().or(() -> target.inWell() ? plateRule() : Optional.empty());
            case PLATE:
                return imageRule().or(this::plateRule);
            default:
                return Optional.empty();
        }
    }

    private Optional<String> imageRule() {
        return enabled(Component.IMAGE) ? Optional.empty()
                : Optional.of("image downloads are disabled (binary access policy " + description + " lacks +image)");
    }

    private Optional<String> plateRule() {
        return enabled(Component.PLATE) ? Optional.empty()
                : Optional.of("plate (HCS) downloads are disabled (binary access policy " + description
                        + " lacks +plate)");
    }

    @Override
    public String toString() {
        return description;
    }
}
