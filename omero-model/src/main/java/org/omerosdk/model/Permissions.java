package org.omerosdk.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * OMERO's permission bits, immutable: three roles (user, group, world), each with READ, ANNOTATE and WRITE rights,
 * packed into a {@code long} exactly as OMERO stores it ({@code USER} nibble at bit 8, {@code GROUP} at 4,
 * {@code WORLD} at 0; {@code ANNOTATE} = 1, {@code WRITE} = 2, {@code READ} = 4 within a nibble; all other bits set).
 * So {@code rw----} is {@code -120}, {@code rwr---} {@code -56}, {@code rwra--} {@code -40}, {@code rwrw--} {@code -8}.
 *
 * <p>An object's effective permissions are always its group's (OMERO since 4.2): this type describes a group level.
 */
public final class Permissions {
    /** Who a right is granted to. */
    public enum Role {
        USER(8), GROUP(4), WORLD(0);

        final int shift;

        Role(int shift) {
            this.shift = shift;
        }
    }

    /** What is granted. WRITE implies ANNOTATE in every string form. */
    public enum Right {
        ANNOTATE(1), WRITE(2), READ(4);

        final int mask;

        Right(int mask) {
            this.mask = mask;
        }
    }

    /** The four standard group levels. */
    public enum Level {
        PRIVATE("rw----"), READ_ONLY("rwr---"), READ_ANNOTATE("rwra--"), READ_WRITE("rwrw--");

        private final String text;

        Level(String text) {
            this.text = text;
        }

        public Permissions permissions() {
            return parse(text);
        }

        /** Human name as OMERO's clients show it: "Private", "Read-Only", "Read-Annotate", "Read-Write". */
        public String displayName() {
            switch (this) {
                case PRIVATE: return "Private";
                case READ_ONLY: return "Read-Only";
                case READ_ANNOTATE: return "Read-Annotate";
                default: return "Read-Write";
            }
        }
    }

    /** All nine right bits cleared, every other bit set (OMERO's {@code EMPTY}). */
    private static final long EMPTY_BITS = -1912L;
    private static final Pattern FORM = Pattern.compile("([Rr_-][AaWw_-]){3}");

    public static final Permissions PRIVATE = Level.PRIVATE.permissions();
    public static final Permissions READ_ONLY = Level.READ_ONLY.permissions();
    public static final Permissions READ_ANNOTATE = Level.READ_ANNOTATE.permissions();
    public static final Permissions READ_WRITE = Level.READ_WRITE.permissions();

    private final long bits;

    private Permissions(long bits) {
        this.bits = bits;
    }

    /** Wraps a stored value (as in {@code experimentergroup.permissions}). */
    public static Permissions fromLong(long bits) {
        return new Permissions(bits);
    }

    /**
     * Parses the six-character form, e.g. {@code "rwra--"}: per pair, {@code r}/{@code R} grants READ; {@code a}
     * grants ANNOTATE; {@code w} grants WRITE and ANNOTATE; {@code -} or {@code _} grants neither.
     *
     * @throws ValidationException naming the text and the accepted form
     */
    public static Permissions parse(String text) {
        if (text == null || !FORM.matcher(text).matches()) {
            throw new ValidationException("permissions \"" + text + "\" are not of the form rwra-- "
                    + "(three pairs for user, group, world: [r-][wa-])");
        }
        long b = EMPTY_BITS;
        Role[] roles = Role.values();
        for (int i = 0; i < 3; i++) {
            char read = text.charAt(2 * i);
            char second = Character.toLowerCase(text.charAt(2 * i + 1));
            int shift = roles[i].shift;
            if (read == 'r' || read == 'R') {
                b |= (long) Right.READ.mask << shift;
            }
            if (second == 'a' || second == 'w') {
                b |= (long) Right.ANNOTATE.mask << shift;
            }
            if (second == 'w') {
                b |= (long) Right.WRITE.mask << shift;
            }
        }
        return new Permissions(b);
    }

    public boolean isGranted(Role role, Right right) {
        return (bits & ((long) right.mask << role.shift)) != 0;
    }

    /** A copy with {@code right} granted to or withdrawn from {@code role}. */
    public Permissions with(Role role, Right right, boolean granted) {
        long bit = (long) right.mask << role.shift;
        return new Permissions(granted ? bits | bit : bits & ~bit);
    }

    /** The stored form. */
    public long toLong() {
        return bits;
    }

    /** The standard level these bits are, if any (world rights must be off). */
    public Optional<Level> level() {
        String s = toString();
        for (Level l : Level.values()) {
            if (l.text.equals(s)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** Six characters: per role {@code r} or {@code -}, then {@code w}, {@code a} or {@code -}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(6);
        for (Role r : Role.values()) {
            s.append(isGranted(r, Right.READ) ? 'r' : '-');
            s.append(isGranted(r, Right.WRITE) ? 'w' : isGranted(r, Right.ANNOTATE) ? 'a' : '-');
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Permissions p && p.bits == bits;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bits);
    }
}
