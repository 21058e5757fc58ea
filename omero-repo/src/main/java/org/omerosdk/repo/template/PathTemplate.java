package org.omerosdk.repo.template;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.repo.rules.PathRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OMERO's managed-repository path template ({@code omero.fs.repo.path}), parsed and validated once, expanded per
 * import into the directory that receives one fileset.
 *
 * <p>The template is split at its last {@code //} into root-owned and user-owned directories; terms such as
 * {@code %user%}, {@code %year%}, {@code %time%}, {@code %hash:2,2%}, {@code %increment:3%}, {@code %subdirs%} are
 * replaced by their values (see docs/repository.md for every term and format). Guarantees: {@link #parse} refuses
 * at configuration time what OMERO refuses only at import time (unknown terms, no user-owned directory, creating
 * terms or {@code %hash%} before {@code //}, bad parameters); {@link #expand} creates the last user-owned directory
 * atomically, so no two imports — concurrent ones included — ever get the same directory.
 *
 * <p>Three OMERO defects are not copied: values are not re-scanned for terms (OMERO expands a user named
 * {@code %year%} to the year); {@code %time%} collisions carry into the seconds ({@code 07.999} is followed by
 * {@code 08.000}, not {@code 07.1000}); and client paths that diverge near the top are trimmed without failing
 * (see {@link ClientPaths}).
 */
public final class PathTemplate {
    private static final Logger LOG = LoggerFactory.getLogger(PathTemplate.class);
    private static final Pattern TERM = Pattern.compile("%([A-Za-z]+)(?::([^%/]+))?%");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH-mm-ss.SSS", Locale.ROOT);
    private static final int MAX_ATTEMPTS = 10_000;

    private final String text;
    private final List<Component> rootPart;
    private final List<Component> userPart;

    /** A piece of a component: literal text or one term. */
    private sealed interface Segment permits Literal, Term {
    }

    private record Literal(String text) implements Segment {
    }

    private record Term(TemplateTerm term, String written, Optional<String> parameter, int[] hashDigits,
                        int number) implements Segment {
    }

    /** One {@code /}-separated component of the template. */
    private record Component(String text, List<Segment> segments) {
        Optional<Term> creatingTerm() {
            for (Segment s : segments) {
                if (s instanceof Term t && t.term().creating) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    private PathTemplate(String text, List<Component> rootPart, List<Component> userPart) {
        this.text = text;
        this.rootPart = List.copyOf(rootPart);
        this.userPart = List.copyOf(userPart);
    }

    /** The template of {@code omero.fs.repo.path}. */
    public static PathTemplate from(OmeroConfig config) {
        return parse(config.get(ConfigKeys.FS_REPO_PATH));
    }

    /**
     * Parses and validates a template.
     *
     * @throws ValidationException naming the template and the term or rule it breaks
     */
    public static PathTemplate parse(String template) {
        if (template == null) {
            throw new ValidationException("omero.fs.repo.path is missing");
        }
        int split = template.lastIndexOf("//");
        String root = split < 0 ? "" : template.substring(0, split);
        String user = split < 0 ? template : template.substring(split + 2);
        List<Component> rootPart = components(template, root, false);
        List<Component> userPart = components(template, user, true);
        if (userPart.isEmpty()) {
            throw new ValidationException("template \"" + template + "\" has no user-owned directory after \"//\"; "
                    + "e.g. %user%_%userId%//%year%-%month%/%day%/%time%");
        }
        return new PathTemplate(template, rootPart, userPart);
    }

    private static List<Component> components(String template, String part, boolean userOwned) {
        List<Component> out = new ArrayList<>();
        for (String c : part.split("/")) {
            if (c.isEmpty()) {
                continue;
            }
            List<Segment> segments = new ArrayList<>();
            Matcher m = TERM.matcher(c);
            int at = 0;
            int creating = 0;
            while (m.find()) {
                Optional<TemplateTerm> term = TemplateTerm.byName(m.group(1));
                if (term.isEmpty()) {
                    // a %name% that names no term: OMERO fails at import time; we refuse the template
                    throw new ValidationException("template \"" + template + "\" uses the unknown term \""
                            + m.group() + "\"; known terms: %user%, %userId%, %group%, %groupId%, %year%, %month%, "
                            + "%monthname%, %day%, %time%, %session%, %sessionId%, %perms%, %thread%, "
                            + "%institution%, %hash%, %increment%, %subdirs% (only their first letter may be "
                            + "upper-case)");
                }
                TemplateTerm t = term.get();
                if (!userOwned && t.userPartOnly()) {
                    throw new ValidationException("template \"" + template + "\" uses " + m.group()
                            + " before \"//\"; it is allowed only in the user-owned part");
                }
                if (t.creating && ++creating > 1) {
                    throw new ValidationException("template \"" + template + "\" has two of %time%, %increment%, "
                            + "%subdirs% in the component \"" + c + "\"; use at most one per directory");
                }
                if (m.start() > at) {
                    segments.add(new Literal(c.substring(at, m.start())));
                }
                segments.add(term(template, t, m.group(), Optional.ofNullable(m.group(2))));
                at = m.end();
            }
            if (at < c.length()) {
                segments.add(new Literal(c.substring(at)));
            }
            out.add(new Component(c, List.copyOf(segments)));
        }
        return out;
    }

    private static Term term(String template, TemplateTerm t, String written, Optional<String> parameter) {
        int[] digits = null;
        int number = 0;
        switch (t) {
            case HASH:
                digits = parameter.map(p -> hashDigits(template, p)).orElse(new int[] {8});
                break;
            case INCREMENT:
                number = parameter.map(p -> number(template, written, p, 0)).orElse(0);
                break;
            case SUBDIRS:
                number = parameter.map(p -> number(template, written, p, 1)).orElse(3);
                break;
            case INSTITUTION:
                break;
            default:
                parameter.ifPresent(p -> LOG.warn("template {}: {} takes no parameter; \"{}\" is ignored",
                        template, written, p));
        }
        return new Term(t, written, parameter, digits, number);
    }

    private static int number(String template, String written, String p, int min) {
        try {
            int n = Integer.parseInt(p.trim());
            if (n >= min && n <= 18) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException("template \"" + template + "\": " + written + " needs a whole number from "
                + min + " to 18");
    }

    private static int[] hashDigits(String template, String p) {
        String[] parts = p.split(",");
        int[] digits = new int[parts.length];
        int sum = 0;
        for (int i = 0; i < parts.length; i++) {
            try {
                digits[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                digits[i] = 0;
            }
            sum += Math.max(digits[i], 0);
            if (digits[i] < 1 || sum > 8) {
                throw new ValidationException("template \"" + template + "\": %hash:" + p + "% needs one or more "
                        + "positive digit counts adding up to at most 8, e.g. %hash:2,2%");
            }
        }
        return digits;
    }

    /** The template text. */
    public String text() {
        return text;
    }

    /**
     * Expands the template for one import, creating the directories: root-owned ones (owner 0, root) with parents,
     * user-owned ones for {@code owner}; the last user-owned directory is always new.
     *
     * @throws ValidationException when a value or literal makes an illegal component, when the expanded user part
     *                             is empty, or when the last directory exists and no term can pick another name
     */
    public TemplatePath expand(TemplateContext ctx, PathRules rules, RepositoryDirectories dirs) {
        List<String> root = new ArrayList<>();
        for (Component c : rootPart) {
            root.addAll(plain(c, ctx, rules));
        }
        for (String c : root) {
            checkComponent(c, rules);
        }
        if (!root.isEmpty()) {
            dirs.createWithParents(root, 0L);
        }
        List<String> built = new ArrayList<>(root);
        List<String> user = new ArrayList<>();
        for (int i = 0; i < userPart.size(); i++) {
            Component c = userPart.get(i);
            boolean last = i == userPart.size() - 1;
            Optional<Term> creating = c.creatingTerm();
            List<String> produced;
            if (creating.isPresent()) {
                produced = create(c, creating.get(), ctx, rules, dirs, built);
            } else {
                produced = plain(c, ctx, rules);
                for (String p : produced) {
                    checkComponent(p, rules);
                }
                for (int j = 0; j < produced.size(); j++) {
                    List<String> path = append(built, produced.subList(0, j + 1));
                    boolean lastDir = last && j == produced.size() - 1;
                    if (lastDir) {
                        if (!dirs.createNew(path, ctx.userId())) {
                            throw new ValidationException("the repository path " + String.join("/", path)
                                    + " exists; template \"" + text + "\" must end in a new directory for every "
                                    + "import (end it with %time% or %increment%)");
                        }
                    } else {
                        dirs.createWithParents(path, ctx.userId());
                    }
                }
            }
            built.addAll(produced);
            user.addAll(produced);
        }
        if (user.isEmpty()) {
            throw new ValidationException("template \"" + text + "\" expands to no user-owned directory for user "
                    + ctx.userName());
        }
        return new TemplatePath(root, user);
    }

    /** Expands a component without creating terms; a blank %institution% removes it (empty list). */
    private List<String> plain(Component c, TemplateContext ctx, PathRules rules) {
        StringBuilder head = new StringBuilder();
        List<String> extra = new ArrayList<>();
        boolean afterHash = false;
        StringBuilder tail = head;
        for (Segment s : c.segments()) {
            if (s instanceof Literal l) {
                tail.append(l.text());
                continue;
            }
            Term t = (Term) s;
            if (t.term() == TemplateTerm.HASH) {
                String hash = hash(ctx.clientPaths());
                int at = 0;
                for (int i = 0; i < t.hashDigits().length; i++) {
                    String part = hash.substring(at, at + t.hashDigits()[i]);
                    at += t.hashDigits()[i];
                    if (i == 0) {
                        head.append(part);
                    } else {
                        extra.add(part);
                    }
                }
                afterHash = true;
                continue;
            }
            Optional<String> value = value(t, ctx, rules);
            if (value.isEmpty()) {
                return List.of();
            }
            tail.append(value.get());
        }
        List<String> out = new ArrayList<>();
        out.add(head.toString());
        if (afterHash) {
            out.addAll(extra);
        }
        return out;
    }

    /** A plain term's value; empty when the term removes its component (blank %institution%). */
    private static Optional<String> value(Term t, TemplateContext ctx, PathRules rules) {
        ZonedDateTime time = ctx.time();
        switch (t.term()) {
            case USER: return Optional.of(rules.sanitize(ctx.userName()));
            case USER_ID: return Optional.of(Long.toString(ctx.userId()));
            case GROUP: return Optional.of(rules.sanitize(ctx.groupName()));
            case GROUP_ID: return Optional.of(Long.toString(ctx.groupId()));
            case YEAR: return Optional.of(Integer.toString(time.getYear()));
            case MONTH: return Optional.of(String.format(Locale.ROOT, "%02d", time.getMonthValue()));
            case MONTHNAME:
                return Optional.of(rules.sanitize(time.getMonth().getDisplayName(TextStyle.FULL, Locale.getDefault())));
            case DAY: return Optional.of(String.format(Locale.ROOT, "%02d", time.getDayOfMonth()));
            case SESSION: return Optional.of(ctx.sessionUuid());
            case SESSION_ID: return Optional.of(Long.toString(ctx.sessionId()));
            case PERMS: return Optional.of(ctx.groupPermissions().toString());
            case THREAD: return Optional.of(rules.sanitize(ctx.threadName()));
            case INSTITUTION:
                Optional<String> inst = ctx.institution().filter(s -> !s.isBlank()).or(() -> t.parameter());
                return inst.map(rules::sanitize);
            default:
                throw new IllegalStateException(t.written() + " is not a plain term");
        }
    }

    /** Expands a component holding %time%, %increment% or %subdirs%, creating what it names. */
    private List<String> create(Component c, Term creating, TemplateContext ctx, PathRules rules,
                                RepositoryDirectories dirs, List<String> built) {
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        StringBuilder target = before;
        for (Segment s : c.segments()) {
            if (s == creating) {
                target = after;
            } else if (s instanceof Literal l) {
                target.append(l.text());
            } else {
                Term t = (Term) s;
                if (t.term() == TemplateTerm.HASH) {
                    throw new ValidationException("template \"" + text + "\" combines %hash% with "
                            + creating.written() + " in one component");
                }
                Optional<String> v = value(t, ctx, rules);
                if (v.isEmpty()) {
                    return List.of();
                }
                target.append(v.get());
            }
        }
        String prefix = before.toString();
        String suffix = after.toString();
        switch (creating.term()) {
            case INCREMENT:
                return createNamed(dirs, built, ctx.userId(), rules,
                        k -> prefix + pad(Long.toString(k + 1L), creating.number()) + suffix);
            case TIME:
                return createNamed(dirs, built, ctx.userId(), rules,
                        k -> prefix + TIME.format(ctx.time().plusNanos(k * 1_000_000L)) + suffix);
            case SUBDIRS:
                return subdirs(creating.number(), prefix, suffix, dirs, built, ctx.userId(), rules);
            default:
                throw new IllegalStateException(creating.written());
        }
    }

    /** Finds the first free candidate name below {@code built} and creates it atomically; retries on a race. */
    private List<String> createNamed(RepositoryDirectories dirs, List<String> built, long owner, PathRules rules,
                                     IntFunction<String> candidate) {
        checkComponent(candidate.apply(0), rules);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            int k = firstAcceptable(i -> !dirs.exists(append(built, List.of(candidate.apply(i)))));
            String name = candidate.apply(k);
            if (dirs.createNew(append(built, List.of(name)), owner)) {
                return List.of(name);
            }
        }
        throw new StorageException("could not create a new directory below " + String.join("/", built)
                + " after " + MAX_ATTEMPTS + " attempts");
    }

    private List<String> subdirs(int digits, String prefix, String suffix, RepositoryDirectories dirs,
                                 List<String> built, long owner, PathRules rules) {
        long limit = pow10(digits);
        if (dirs.entryCount(built) < limit) {
            return List.of();
        }
        IntFunction<List<String>> candidate = k -> {
            String number = Long.toString(k);
            int width = ((number.length() + digits - 1) / digits) * digits;
            number = pad(number, width);
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < number.length(); i += digits) {
                parts.add(number.substring(i, i + digits));
            }
            parts.set(0, prefix + parts.get(0) + suffix);
            return parts;
        };
        int k = firstAcceptable(i -> {
            List<String> path = append(built, candidate.apply(i));
            if (dirs.exists(path)) {
                return dirs.entryCount(path) < limit;
            }
            return dirs.exists(path.subList(0, path.size() - 1)) || path.size() - 1 == built.size();
        });
        List<String> parts = candidate.apply(k);
        for (String p : parts) {
            checkComponent(p, rules);
        }
        dirs.createWithParents(append(built, parts), owner);
        return parts;
    }

    /**
     * The smallest index whose candidate is acceptable, assuming (as OMERO) that taken indices are contiguous:
     * probe 0, then 1, 2, 4, ... until one is free, binary-search back, then step forward past any taken one.
     */
    static int firstAcceptable(java.util.function.IntPredicate acceptable) {
        if (acceptable.test(0)) {
            return 0;
        }
        int bad = 0;
        int good = 1;
        while (!acceptable.test(good)) {
            bad = good;
            if (good > (1 << 29)) {
                throw new StorageException("no free directory name among 2^30 candidates");
            }
            good *= 2;
        }
        while (good - bad > 1) {
            int mid = bad + (good - bad) / 2;
            if (acceptable.test(mid)) {
                good = mid;
            } else {
                bad = mid;
            }
        }
        return good;
    }

    private void checkComponent(String component, PathRules rules) {
        if (!rules.isSafe(component)) {
            throw new ValidationException("template \"" + text + "\" produces the illegal directory name \""
                    + component + "\" under the path rules " + rules.describe() + " (it would have to be \""
                    + rules.sanitize(component) + "\")");
        }
    }

    /** OMERO's %hash%: over the sorted client paths, h = 31*h + 97*path.hashCode() from 1, as 8 upper-case hex digits. */
    static String hash(List<String> clientPaths) {
        List<String> sorted = new ArrayList<>(clientPaths);
        sorted.sort(null);
        int h = 1;
        for (String p : sorted) {
            h = 31 * h + p.hashCode() * 97;
        }
        return String.format(Locale.ROOT, "%08X", h);
    }

    private static String pad(String number, int width) {
        StringBuilder b = new StringBuilder();
        for (int i = number.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(number).toString();
    }

    private static long pow10(int digits) {
        long v = 1;
        for (int i = 0; i < digits; i++) {
            v *= 10;
        }
        return v;
    }

    private static List<String> append(List<String> base, List<String> more) {
        List<String> out = new ArrayList<>(base.size() + more.size());
        out.addAll(base);
        out.addAll(more);
        return out;
    }

    @Override
    public String toString() {
        return text;
    }
}
