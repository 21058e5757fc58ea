package org.omerosdk.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.Rgba;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.render.ChannelSettings;
import org.omerosdk.render.ImageEncoder;
import org.omerosdk.render.Projection;
import org.omerosdk.render.Region;
import org.omerosdk.render.RenderedImage;
import org.omerosdk.render.RenderingSettings;
import org.omerosdk.sdk.OmeroSdk;
import org.omerosdk.sdk.Rendering;
import org.omerosdk.sdk.Renderings;
import org.omerosdk.sdk.Session;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code omero render Image:ID -o out.png}: renders an image with the settings OMERO would show it with (or those
 * the options change, for this rendering only), and the settings verbs of omero-cli-render: {@code info},
 * {@code copy}, {@code set}, and {@code reset}.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render Image:ID to a PNG or JPEG file, with the saved settings (yours, else the owner's, "
                + "else the imported ones) or those the options give; or work on rendering settings (see the "
                + "subcommands).",
        subcommands = {RenderCommand.Info.class, RenderCommand.Copy.class, RenderCommand.Set.class,
                RenderCommand.Reset.class})
final class RenderCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.ParentCommand
    OmeroCli root;

    @Mixin
    DataDirectory dataDirectory;

    @Mixin
    LoggedIn login;

    @Parameters(index = "0", arity = "0..1", paramLabel = "Image:ID", description = "The image to render.")
    String image;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the picture: PNG, or JPEG when FILE ends in .jpg or .jpeg.")
    Path output;

    @Option(names = "--z", paramLabel = "Z", description = "The section, from 0 (default: the settings' default Z).")
    Integer z;

    @Option(names = "--t", paramLabel = "T", description = "The timepoint, from 0 (default: the settings' default T).")
    Integer t;

    @Option(names = "--c", paramLabel = "CHANNELS",
            description = "OMERO.web's c= list: comma-separated channels from 1, each [-]N[|START:END][$RRGGBB] "
                    + "(minus: inactive); channels not listed are turned off. Example: 1|0:600$FF0000,2,-3.")
    String channels;

    @Option(names = "--greyscale", description = "Greyscale: the first active channel only.")
    boolean greyscale;

    @Option(names = "--level", paramLabel = "L", defaultValue = "0",
            description = "The resolution level, 0 = full resolution (default 0).")
    int level;

    @Option(names = "--region", paramLabel = "X,Y,W,H", description = "A rectangle of the level (default: all).")
    String region;

    @Option(names = "--projection", paramLabel = "max|mean|sum",
            description = "Project all sections at T (full resolution) before rendering.")
    String projection;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (image == null) {
            throw new ValidationException("give Image:ID to render, or a subcommand: info, copy, set, reset "
                    + "(omero render --help)");
        }
        if (output == null) {
            throw new ValidationException("give -o FILE (a .png, .jpg or .jpeg file) to write the rendering to");
        }
        try (Opened o = Opened.of(dataDirectory, login, root, spec)) {
            Image img = ObjectArgument.image(o.session, image);
            Rendering rendering = o.session.rendering();
            RenderingSettings settings = rendering.settings(img);
            if (channels != null) {
                settings = withChannels(settings, channels);
            }
            if (greyscale) {
                settings = settings.withModel(RenderingSettings.Model.GREYSCALE);
            }
            int zz = z != null ? z : settings.defaultZ();
            int tt = t != null ? t : settings.defaultT();
            RenderedImage picture;
            if (projection != null) {
                if (region != null || level != 0) {
                    throw new ValidationException("--projection renders the whole plane at full resolution; "
                            + "leave out --region and --level");
                }
                int sizeZ = o.session.images().primaryPixels(img).sizeZ();
                picture = rendering.project(img, projection(projection), 0, sizeZ - 1, tt, settings);
            } else {
                Rendering.Level l = levelOf(rendering.levels(img), level);
                int[] r = region == null ? new int[] {0, 0, l.sizeX(), l.sizeY()} : rectangle(region);
                picture = rendering.render(img, new Region(level, zz, tt, r[0], r[1], r[2], r[3]), settings);
            }
            write(output, picture);
            o.out.println(output + " " + picture.width() + "x" + picture.height());
            return 0;
        }
    }

    /** Writes PNG, or JPEG for a .jpg or .jpeg name. */
    static void write(Path file, RenderedImage picture) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        byte[] bytes = name.endsWith(".jpg") || name.endsWith(".jpeg") ? ImageEncoder.jpeg(picture)
                : ImageEncoder.png(picture);
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Rendering.Level levelOf(List<Rendering.Level> levels, int level) {
        if (level < 0 || level >= levels.size()) {
            throw new ValidationException("--level " + level + ": the image has levels 0.." + (levels.size() - 1));
        }
        return levels.get(level);
    }

    private static int[] rectangle(String spec) {
        String[] parts = spec.split(",");
        if (parts.length != 4) {
            throw new ValidationException("--region " + spec + ": expected X,Y,W,H");
        }
        int[] r = new int[4];
        for (int i = 0; i < 4; i++) {
            try {
                r[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new ValidationException("--region " + spec + ": expected four integers X,Y,W,H");
            }
        }
        return r;
    }

    private static Projection projection(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "max", "intmax", "maximum" -> Projection.MAXIMUM;
            case "mean", "intmean" -> Projection.MEAN;
            case "sum", "intsum" -> Projection.SUM;
            default -> throw new ValidationException("--projection " + name + ": expected max, mean or sum");
        };
    }

    /** OMERO.web's {@code c=} list applied to {@code s}; unlisted channels are turned off, as the web does. */
    static RenderingSettings withChannels(RenderingSettings s, String list) {
        List<ChannelSettings> out = new ArrayList<>();
        for (ChannelSettings c : s.channels()) {
            out.add(c.withActive(false));
        }
        for (String item : list.split(",")) {
            String rest = item.trim();
            boolean active = !rest.startsWith("-");
            if (!active) {
                rest = rest.substring(1);
            }
            String color = null;
            int dollar = rest.indexOf('$');
            if (dollar >= 0) {
                color = rest.substring(dollar + 1);
                rest = rest.substring(0, dollar);
            }
            String window = null;
            int bar = rest.indexOf('|');
            if (bar >= 0) {
                window = rest.substring(bar + 1);
                rest = rest.substring(0, bar);
            }
            int index;
            try {
                index = Integer.parseInt(rest) - 1;
            } catch (NumberFormatException e) {
                throw new ValidationException("--c " + item + ": expected [-]N[|START:END][$RRGGBB] with N from 1");
            }
            if (index < 0 || index >= out.size()) {
                throw new ValidationException("--c " + item + ": channel " + (index + 1) + " is not in 1.."
                        + out.size());
            }
            ChannelSettings c = out.get(index).withActive(active);
            if (window != null) {
                String[] se = window.split(":");
                try {
                    c = c.withWindow(Double.parseDouble(se[0]), Double.parseDouble(se[1]));
                } catch (RuntimeException e) {
                    throw new ValidationException("--c " + item + ": expected a window START:END");
                }
            }
            if (color != null) {
                c = c.withColor(color(color, "--c " + item));
            }
            out.set(index, c);
        }
        RenderingSettings r = s;
        for (int i = 0; i < out.size(); i++) {
            r = r.withChannel(i, out.get(i));
        }
        return r;
    }

    static Rgba color(String hex, String where) {
        if (!hex.matches("[0-9A-Fa-f]{6}")) {
            throw new ValidationException(where + ": colour \"" + hex + "\" is not RRGGBB");
        }
        int v = Integer.parseInt(hex, 16);
        return Rgba.of(v >> 16 & 0xFF, v >> 8 & 0xFF, v & 0xFF);
    }

    static String hex(Rgba c) {
        return String.format(Locale.ROOT, "%02X%02X%02X", c.red(), c.green(), c.blue());
    }

    /** An opened repository and the caller's session, with the command's streams. */
    static final class Opened implements AutoCloseable {
        final OmeroSdk sdk;
        final Session session;
        final PrintWriter out;
        final PrintWriter err;

        private Opened(OmeroSdk sdk, Session session, PrintWriter out, PrintWriter err) {
            this.sdk = sdk;
            this.session = session;
            this.out = out;
            this.err = err;
        }

        static Opened of(DataDirectory dir, LoggedIn login, OmeroCli root, CommandLine.Model.CommandSpec spec) {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path data = dir.resolve(root.environment());
            OmeroSdk sdk = OmeroSdk.builder().dataDirectory(data).open();
            try {
                LoggedIn.announceNewRepository(sdk, err);
                return new Opened(sdk, login.session(sdk, data, root.environment(), err), out, err);
            } catch (RuntimeException e) {
                sdk.close();
                throw e;
            }
        }

        @Override
        public void close() {
            out.flush();
            err.flush();
            sdk.close();
        }
    }

    /** The targets of a settings verb: images and containers of images. */
    private static IObject[] targets(Session session, List<String> specs) {
        IObject[] out = new IObject[specs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ObjectArgument.get(session, specs.get(i), "Image", "Dataset", "Project", "Plate",
                    "PlateAcquisition", "Screen");
        }
        return out;
    }

    /** {@code omero render info Image:ID [--style plain|json]}: the settings the image is shown with. */
    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Print the rendering settings Image:ID is shown with for you (yours, else the owner's, "
                    + "else the imported ones): model, default plane, and per channel active, colour, label, "
                    + "window (start, end) and range (min, max: the imported window).")
    static final class Info implements Callable<Integer> {
        @ParentCommand
        RenderCommand parent;

        @Mixin
        DataDirectory dataDirectory;

        @Mixin
        LoggedIn login;

        @Parameters(index = "0", paramLabel = "Image:ID")
        String image;

        @Option(names = "--style", paramLabel = "plain|json", defaultValue = "plain",
                description = "plain (default): omero-cli-render's lines (z, t from 0); json: its render set "
                        + "file (version 2, channels and z, t from 1), usable as input to omero render set.")
        String style;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Opened o = Opened.of(dataDirectory, login, parent.root, spec)) {
                Image img = ObjectArgument.image(o.session, image);
                RenderingSettings s = o.session.rendering().settings(img);
                RenderingSettings imported = o.session.rendering().imported(img);
                List<Channel> channels = o.session.images().channels(img);
                boolean tiles = o.session.rendering().levels(img).size() > 1;
                switch (style.toLowerCase(Locale.ROOT)) {
                    case "plain" -> {
                        o.out.printf(Locale.ROOT, "rdefv1: model=%s, z=%d, t=%d%n",
                                s.model() == RenderingSettings.Model.GREYSCALE ? "greyscale" : "color",
                                s.defaultZ(), s.defaultT());
                        o.out.println("tiles: " + (tiles ? "True" : "False"));
                        for (int c = 0; c < s.channels().size(); c++) {
                            ChannelSettings ch = s.channels().get(c);
                            ChannelSettings im = imported.channels().get(c);
                            o.out.printf(Locale.ROOT, "ch%d: active=%s,color=%s,label=%s,min=%s,start=%s,end=%s,"
                                            + "max=%s%n", c, ch.active() ? "True" : "False", hex(ch.color()),
                                    label(channels, c), im.windowStart(), ch.windowStart(), ch.windowEnd(),
                                    im.windowEnd());
                        }
                    }
                    case "json" -> o.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                            spec(s, imported, channels)));
                    default -> throw new ValidationException("--style " + style + ": expected plain or json");
                }
                return 0;
            }
        }

        private static ObjectNode spec(RenderingSettings s, RenderingSettings imported, List<Channel> channels) {
            ObjectNode root = JSON.createObjectNode();
            ObjectNode chs = root.putObject("channels");
            for (int c = 0; c < s.channels().size(); c++) {
                ChannelSettings ch = s.channels().get(c);
                chs.putObject(String.valueOf(c + 1)).put("active", ch.active()).put("color", hex(ch.color()))
                        .put("end", ch.windowEnd()).put("label", label(channels, c))
                        .put("max", imported.channels().get(c).windowEnd())
                        .put("min", imported.channels().get(c).windowStart()).put("start", ch.windowStart());
            }
            root.put("greyscale", s.model() == RenderingSettings.Model.GREYSCALE);
            root.put("t", s.defaultT() + 1);
            root.put("version", 2);
            root.put("z", s.defaultZ() + 1);
            return root;
        }

        private static String label(List<Channel> channels, int c) {
            return c < channels.size() ? channels.get(c).logicalChannel().name().orElse(String.valueOf(c))
                    : String.valueOf(c);
        }
    }

    /** {@code omero render copy Image:ID TARGET...}: paste an image's settings as yours onto other images. */
    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = "Save the settings Image:ID is shown with as your settings of every TARGET image (Image, "
                    + "Dataset, Project, Plate, PlateAcquisition or Screen:ID) with the same pixel type and "
                    + "channels; others' settings are not changed.")
    static final class Copy implements Callable<Integer> {
        @ParentCommand
        RenderCommand parent;

        @Mixin
        DataDirectory dataDirectory;

        @Mixin
        LoggedIn login;

        @Parameters(index = "0", paramLabel = "Image:ID")
        String source;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "TARGET")
        List<String> targets = new ArrayList<>();

        @Option(names = "--skipthumbs", description = "Accepted for omero-cli-render's sake: thumbnails follow "
                + "settings without being regenerated here.")
        boolean skipThumbs;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Opened o = Opened.of(dataDirectory, login, parent.root, spec)) {
                Image from = ObjectArgument.image(o.session, source);
                Renderings.Applied r = o.session.renderings().applyTo(from, targets(o.session, targets));
                for (long id : r.incompatible()) {
                    o.err.println("omero: Image:" + id + " not changed: another pixel type or other channels than "
                            + source);
                }
                o.out.println("applied to " + r.applied().size() + " image(s), " + r.incompatible().size()
                        + " incompatible");
                return r.incompatible().isEmpty() ? 0 : OmeroCli.EXIT_FAILED;
            }
        }
    }

    /** {@code omero render set TARGET... FILE}: omero-cli-render's settings file applied to images. */
    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Apply a settings FILE (omero-cli-render's JSON: version, channels by index from 1 with "
                    + "active, color, label, start, end; greyscale; z and t from 1) to every TARGET image and save "
                    + "them as yours; labels rename the channels.")
    static final class Set implements Callable<Integer> {
        @ParentCommand
        RenderCommand parent;

        @Mixin
        DataDirectory dataDirectory;

        @Mixin
        LoggedIn login;

        @Parameters(arity = "2..*", paramLabel = "TARGET... FILE")
        List<String> arguments = new ArrayList<>();

        @Option(names = "--disable", description = "Turn off the channels the file does not name.")
        boolean disable;

        @Option(names = "--ignore-errors", description = "Go on with the next image when one cannot take the file.")
        boolean ignoreErrors;

        @Option(names = "--skipthumbs", description = "Accepted for omero-cli-render's sake (see copy).")
        boolean skipThumbs;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Path file = Path.of(arguments.get(arguments.size() - 1));
            JsonNode json;
            try {
                json = JSON.readTree(Files.readString(file));
            } catch (IOException | RuntimeException e) {
                throw new ValidationException(file + " is not a readable JSON settings file: " + e.getMessage());
            }
            Map<Integer, JsonNode> chs = channelsOf(json, file);
            try (Opened o = Opened.of(dataDirectory, login, parent.root, spec)) {
                int changed = 0;
                int failed = 0;
                List<Image> images = new ArrayList<>();
                for (IObject target : targets(o.session, arguments.subList(0, arguments.size() - 1))) {
                    images.addAll(o.session.renderings().imagesOf(target));
                }
                for (Image img : images) {
                    try {
                        apply(o.session, img, json, chs, file);
                        changed++;
                    } catch (ValidationException e) {
                        if (!ignoreErrors) {
                            throw e;
                        }
                        failed++;
                        o.err.println("omero: Image:" + img.id() + ": " + e.getMessage());
                    }
                }
                o.out.println("set on " + changed + " image(s)" + (failed > 0 ? ", " + failed + " failed" : ""));
                return failed == 0 ? 0 : OmeroCli.EXIT_FAILED;
            }
        }

        private static Map<Integer, JsonNode> channelsOf(JsonNode json, Path file) {
            JsonNode chs = json.path("channels");
            if (!chs.isObject()) {
                throw new ValidationException(file + ": no \"channels\" object (omero render info --style json "
                        + "shows the format)");
            }
            Map<Integer, JsonNode> out = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = chs.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                int index;
                try {
                    index = Integer.parseInt(e.getKey());
                } catch (NumberFormatException bad) {
                    index = 0;
                }
                if (index < 1) {
                    throw new ValidationException(file + ": channel \"" + e.getKey() + "\" is not an index from 1");
                }
                out.put(index, e.getValue());
            }
            return out;
        }

        private void apply(Session session, Image img, JsonNode json, Map<Integer, JsonNode> chs, Path file) {
            RenderingSettings s = session.rendering().settings(img);
            List<Channel> current = session.images().channels(img);
            Map<Integer, String> labels = new LinkedHashMap<>();
            for (int c = 0; c < s.channels().size(); c++) {
                JsonNode n = chs.get(c + 1);
                ChannelSettings ch = s.channels().get(c);
                if (n == null) {
                    s = disable ? s.withChannel(c, ch.withActive(false)) : s;
                    continue;
                }
                if (n.has("active")) {
                    ch = ch.withActive(n.get("active").asBoolean());
                }
                if (n.has("color")) {
                    ch = ch.withColor(color(n.get("color").asString(), file + " channel " + (c + 1)));
                }
                if (n.has("start") != n.has("end")) {
                    throw new ValidationException(file + " channel " + (c + 1) + ": start needs end");
                }
                if (n.has("start")) {
                    ch = ch.withWindow(n.get("start").asDouble(), n.get("end").asDouble());
                }
                // only labels that differ rename (info's output names every channel as it is)
                if (n.has("label") && !n.get("label").asString().equals(Info.label(current, c))) {
                    labels.put(c, n.get("label").asString());
                }
                s = s.withChannel(c, ch);
            }
            for (int index : chs.keySet()) {
                if (index > s.channels().size()) {
                    throw new ValidationException(file + " names channel " + index + "; the image has "
                            + s.channels().size());
                }
            }
            if (json.has("greyscale")) {
                s = s.withModel(json.get("greyscale").asBoolean() ? RenderingSettings.Model.GREYSCALE
                        : RenderingSettings.Model.COLOR);
            }
            int z = json.has("z") ? json.get("z").asInt() - 1 : s.defaultZ();
            int t = json.has("t") ? json.get("t").asInt() - 1 : s.defaultT();
            var px = session.images().primaryPixels(img);
            if (z < 0 || z >= px.sizeZ() || t < 0 || t >= px.sizeT()) {
                throw new ValidationException(file + ": z=" + (z + 1) + " t=" + (t + 1) + " is not inside 1.."
                        + px.sizeZ() + ", 1.." + px.sizeT());
            }
            session.renderings().save(img, s.withDefaultPlane(z, t));
            if (!labels.isEmpty()) {
                session.renderings().renameChannels(labels, s.channels().size(), img);
            }
        }
    }

    /** {@code omero render reset TARGET... [--owner]}: OMERO.web's "Set Imported and Save" or "Set Owner's". */
    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Replace your settings of every TARGET image by the imported ones (OMERO.web's \"Set "
                    + "Imported and Save\"), or with --owner by a copy of the image owner's.")
    static final class Reset implements Callable<Integer> {
        @ParentCommand
        RenderCommand parent;

        @Mixin
        DataDirectory dataDirectory;

        @Mixin
        LoggedIn login;

        @Parameters(arity = "1..*", paramLabel = "TARGET")
        List<String> targets = new ArrayList<>();

        @Option(names = "--owner", description = "Copy the image owner's settings instead.")
        boolean owner;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Opened o = Opened.of(dataDirectory, login, parent.root, spec)) {
                IObject[] t = targets(o.session, targets);
                List<Long> done = owner ? o.session.renderings().resetToOwners(t)
                        : o.session.renderings().resetToImported(t);
                o.out.println("reset " + done.size() + " image(s)");
                return 0;
            }
        }
    }
}
